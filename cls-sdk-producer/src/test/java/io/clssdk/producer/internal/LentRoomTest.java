package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.spi.GroupTrailer;
import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.producer.OutcomeListener;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The room a dedicated stream lends its owner ({@link Partition#lend}): logs written there are appended in place when
 * it comes back, and nothing seals the batch while it is lent.
 */
class LentRoomTest {
    private static final GroupTrailer TRAILER =
            GroupTrailer.of("/var/log/app.log", "10.0.0.1", Collections.emptyMap(), "h");

    private final SenderRig rig = new SenderRig(0);
    private final Partition stream = rig.accumulator.stream("topic", null, TRAILER);
    private final AtomicInteger outcomes = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final OutcomeListener target = (result, logs) -> {
        outcomes.addAndGet(logs);
        if (!result.success()) {
            failed.addAndGet(logs);
        }
    };
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Test
    void logsWrittenIntoTheRoomAreAppendedInPlaceWhenItComesBack() {
        LentRoom room = appendFirstAndLend();
        write(room, "second");
        write(room, "third");
        assertEquals(1, room.batch.count(), "not appended before the room comes back");

        room.giveBack();

        assertEquals(3, room.batch.count());
        assertEquals(2, rig.stats.accepted.sum(), "the room's logs are counted as accepted (the first was appended)");
        stream.sealNow();
        assertEquals(Batch.State.SEALED, room.batch.state());
        assertArrayEquals(written.toByteArray(), logsOf(room.batch));
    }

    @Test
    void aSealThatComesDueWhileTheRoomIsLentWaitsForIt() {
        LentRoom room = appendFirstAndLend();
        write(room, "second");

        stream.sealIfOpen(room.batch); // its linger ended
        stream.sealNow(); // a flush, memory relief or close
        assertEquals(Batch.State.OPEN, room.batch.state(), "the owner may still be writing into it");
        write(room, "third");
        room.giveBack();

        assertEquals(Batch.State.SEALED, room.batch.state());
        assertArrayEquals(written.toByteArray(), logsOf(room.batch));
    }

    @Test
    void anAbandonedRoomAppendsNothingButCarriesOutTheSealThatCameDue() {
        LentRoom room = appendFirstAndLend();
        byte[] first = written.toByteArray();
        write(room, "second");
        stream.sealNow();

        room.abandon();

        assertEquals(Batch.State.SEALED, room.batch.state());
        assertEquals(1, room.batch.count());
        assertArrayEquals(first, logsOf(room.batch));
        assertEquals(0, rig.stats.accepted.sum());
    }

    @Test
    void aProducerClosedWhileTheRoomIsLentTakesNoneOfItsLogs() {
        LentRoom room = appendFirstAndLend();
        byte[] first = written.toByteArray();
        write(room, "second");

        rig.accumulator.close();
        assertEquals(Batch.State.OPEN, room.batch.state());
        ClsClientException e = assertThrows(ClsClientException.class, room::giveBack);

        assertEquals(ClsClientException.Reason.CLOSED, e.reason());
        assertEquals(Batch.State.SEALED, room.batch.state(), "the seal the close asked for was carried out");
        assertArrayEquals(first, logsOf(room.batch));
        assertEquals(0, rig.stats.accepted.sum());
    }

    @Test
    void aBatchAbandonedAtCloseWhileItsRoomIsLentStaysDecided() {
        LentRoom room = appendFirstAndLend();
        write(room, "second");
        rig.accumulator.close();
        rig.completer.abandon(room.batch); // the close deadline passed before the owner gave the room back
        long inFlight = rig.stats.batchesInFlight.get();

        assertThrows(ClsClientException.class, room::giveBack);

        assertEquals(Batch.State.DONE, room.batch.state());
        assertEquals(inFlight, rig.stats.batchesInFlight.get(), "not handed to the sender");
        assertEquals(1, room.batch.count());
        assertEquals(1, failed.get(), "the appended log failed with the batch; the room's log was never appended");
        assertEquals(1, outcomes.get());
    }

    @Test
    void theRoomEndsAtTheBatchsCountOfLogsAndAFullBatchIsSealedWhenItComesBack() {
        LentRoom room = appendFirstAndLend();
        Batch batch = room.batch;
        byte[] log = SenderRig.entry("log");
        int logs = 1;
        while (true) { // as the tailer writes: into the room while it fits, else give it back, append and borrow again
            if (room.fits(log.length)) {
                write(room, "log");
                logs++;
                continue;
            }
            room.giveBack();
            if (batch.state() != Batch.State.OPEN) {
                break;
            }
            assertEquals(Partition.Appended.OK, stream.append(log, log.length, 3, target, 0)); // a larger buffer
            logs++;
            room = stream.lend(target, rig.stats);
        }

        assertEquals(Batch.State.SEALED, batch.state());
        assertEquals(stream.limits.maxCount, logs);
        assertEquals(logs, batch.count());
        LentRoom last = room;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> last.added(5, 3));
        assertTrue(e.getMessage().contains("0 logs left"), e.getMessage());
    }

    @Test
    void whileTheRoomIsLentTheStreamTakesNoOtherAppendAndTheRoomComesBackOnce() {
        LentRoom room = appendFirstAndLend();
        byte[] log = SenderRig.entry("other");

        assertThrows(IllegalStateException.class, () -> stream.append(log, log.length, log.length, target, 0));
        assertThrows(IllegalStateException.class, () -> stream.lend(target, rig.stats));
        assertThrows(IllegalStateException.class, stream::retire);
        room.giveBack();
        IllegalStateException twice = assertThrows(IllegalStateException.class, room::giveBack);
        assertTrue(twice.getMessage().contains("not lent"), twice.getMessage());

        assertEquals(Partition.Appended.OK, stream.append(log, log.length, log.length, target, 0));
    }

    @Test
    void thereIsNoRoomForAnotherTargetNorWithoutAnOpenBatch() {
        assertNull(stream.lend(target, rig.stats), "no open batch");
        appendFirstAndLend().giveBack();

        OutcomeListener another = (result, logs) -> {};
        assertNull(stream.lend(another, rig.stats), "its last log has another target");
        stream.sealNow();
        assertNull(stream.lend(target, rig.stats), "sealed");
    }

    /** Appends a first log for {@link #target} and borrows the room behind it. */
    private LentRoom appendFirstAndLend() {
        byte[] first = SenderRig.entry("first");
        assertEquals(Partition.Appended.OK, stream.append(first, first.length, first.length, target, 0));
        written.write(first, 0, first.length);
        LentRoom room = stream.lend(target, rig.stats);
        assertNotNull(room);
        assertFalse(room.batch.isDone());
        return room;
    }

    /** Writes a log into the room as the tailer does: at its position, then counted. */
    private void write(LentRoom room, String text) {
        byte[] log = SenderRig.entry(text);
        assertTrue(room.fits(log.length));
        System.arraycopy(log, 0, room.array(), room.position(), log.length);
        room.added(log.length, log.length - 2);
        written.write(log, 0, log.length);
    }

    /** The encoded logs a batch holds, without the list header and the group trailer. */
    private static byte[] logsOf(Batch b) {
        return Arrays.copyOfRange(b.buf, LogGroupListEncoder.HEADER_RESERVE, b.size());
    }
}
