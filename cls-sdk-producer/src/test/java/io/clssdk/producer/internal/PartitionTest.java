package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.spi.GroupTrailer;
import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.core.testing.internal.FakeClock;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.SendCallback;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Appending to partitions against the buffer pool, without the producer's threads: what the pool counts. */
class PartitionTest {
    /** A CompletableFuture with compressed references: 12 B header, two references. */
    private static final int FUTURE_BYTES = 24;

    private static final GroupTrailer TRAILER = GroupTrailer.of(null, "10.0.0.1", Collections.emptyMap(), "host");

    private final FakeClock clock = new FakeClock();

    private static BatchLimits limits(int maxBatchBytes) {
        return new BatchLimits(maxBatchBytes, 4096, TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void eachPendingLogsOwnFutureIsCountedInThePool() {
        Rig rig = new Rig(16 << 20, 512 * 1024);
        byte[] log = new byte[50];
        int n = 2000;
        SendCallback shared = r -> {};
        for (int i = 0; i < n; i++) {
            rig.append("topic-shared", log, shared);
        }
        long sharedBytes = rig.pool.inUseBytes();
        for (int i = 0; i < n; i++) {
            rig.append("topic-futures", log, new CompletableFuture<>());
        }
        long futureBytes = rig.pool.inUseBytes() - sharedBytes;
        assertTrue(sharedBytes >= n * log.length, "the buffer holds the logs: " + sharedBytes);
        assertTrue(
                futureBytes - sharedBytes >= (long) n * (FUTURE_BYTES + 8),
                "the same logs with a future each hold a future and a slot more per log: " + futureBytes + " vs "
                        + sharedBytes);

        rig.completeAll();
        assertEquals(0, rig.pool.inUseBytes(), "buffers and reservations come back with the outcome");
    }

    @Test
    void aSteadyStreamFillsWholeRegionBuffersAndReusesThem() {
        ProducerOptions defaults = ProducerOptions.defaults();
        Rig rig = new Rig(100L << 20, BatchLimits.forSend(defaults), BatchLimits.forStreams(defaults));
        Partition stream = rig.accumulator.stream("topic", null, TRAILER);
        byte[] log = new byte[150];
        SendCallback shared = r -> {};
        Set<byte[]> buffers = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 8_000; i++) {
                assertEquals(Partition.Appended.OK, stream.append(log, log.length, 150, shared, 0));
            }
            rig.accumulator.sealAll();
            for (Batch b : rig.incomplete) {
                assertTrue(b.size() <= (1 << 20) - 64, "a stream batch holds at most 1 MiB: " + b.size());
                if (round > 0) { // the first grew from the smallest class
                    assertEquals((1 << 20) - 64, b.buf.length);
                    buffers.add(b.buf);
                }
            }
            assertTrue(rig.incomplete.stream().anyMatch(b -> b.size() > 1_040_000), "sealed when full");
            rig.completeAll();
        }
        assertEquals(2, buffers.size(), "the two batches of each round took the same two pooled buffers");

        byte[] larger = new byte[600];
        for (int i = 0; i < 2_000; i++) {
            rig.append("send-topic", larger, shared);
        }
        for (Batch b : rig.incomplete) {
            assertTrue(b.buf.length < 512 * 1024, "send() batches stay under half a G1 region: " + b.buf.length);
            assertTrue(b.size() <= 509 * 1024, "and hold at most 509 KiB: " + b.size());
        }
        rig.completeAll();
    }

    @Test
    void theBoundHoldsWhenEveryLogHasItsOwnFuture() {
        long total = 64 * 1024;
        Rig rig = new Rig(total, 32 * 1024);
        byte[] log = new byte[40];
        int accepted = 0;
        while (true) {
            try {
                rig.append("topic", log, new CompletableFuture<>());
                accepted++;
            } catch (ClsClientException e) {
                assertEquals(ClsClientException.Reason.BUFFER_FULL, e.reason());
                break;
            }
        }
        assertTrue(rig.pool.allocatedBytes() <= total);
        long held = (long) accepted * (log.length + FUTURE_BYTES);
        assertTrue(
                held <= total, accepted + " pending logs hold " + held + " B of heap, over the " + total + " B bound");
    }

    @Test
    void aLogRefusedOnlyForItsTargetsBytesLeavesTheOpenBatchOpen() {
        Rig rig = new Rig(4 * 1024, 2048); // room for one 2 KiB buffer and the targets of about 40 of its logs
        byte[] log = new byte[20];
        int accepted = appendUntilFull(rig, "topic", log);
        assertTrue(accepted > 10, "accepted " + accepted);
        assertEquals(
                0,
                rig.stats.batchesInFlight.get(),
                "nothing was sealed: the batch keeps its room for when memory returns, rather than go out part empty");
        assertAccountedExactly(rig);
    }

    @Test
    void aBusyStreamFillsItsBufferFromItsAllowanceWhileThePoolIsFull() {
        Rig rig = new Rig(64 * 1024, 16 * 1024);
        byte[] log = new byte[100];
        for (int i = 0; i < 100; i++) {
            rig.append("busy", log, new CompletableFuture<>());
        }
        rig.accumulator.sealAll(); // the stream's previous batch: 100 logs, a future each
        rig.append("busy", log, new CompletableFuture<>()); // a new batch, with an allowance for its next logs
        appendUntilFull(rig, "other", log);
        long takenByOthers = 0;
        while (rig.pool.tryReserve(8)) { // whatever room the other stream left, down to the last bytes
            takenByOthers += 8;
        }
        long before = rig.pool.inUseBytes();

        int more = 0;
        while (more < 100 && tryAppend(rig, "busy", log)) {
            more++;
        }

        assertTrue(more >= 50, "the open batch took " + more + " more logs into its buffer with the pool full");
        assertTrue(rig.pool.allocatedBytes() <= rig.pool.totalBytes());
        assertTrue(rig.pool.inUseBytes() >= before, "the allowance was reserved ahead, not taken on credit");
        rig.accumulator.sealAll();
        rig.pool.unreserve(takenByOthers);
        assertAccountedExactly(rig); // the unused allowance went back at seal
        rig.completeAll();
        assertEquals(0, rig.pool.inUseBytes());
    }

    @Test
    void logsWrittenIntoLentRoomsMakeTheSameBatchesAsLogsAppendedOneByOne() {
        BatchLimits streams = new BatchLimits(16 * 1024, 50, TimeUnit.SECONDS.toNanos(2));
        Rig rig = new Rig(64L << 20, limits(16 * 1024), streams);
        Partition oneByOne = rig.accumulator.stream("topic-a", null, TRAILER);
        Partition inRooms = rig.accumulator.stream("topic-b", null, TRAILER);
        Random random = new Random(17);
        int logIndex = 0;
        for (int run = 0; run < 400; run++) {
            Object target = random.nextInt(4) == 0 && run > 0 ? "shared" : new Object(); // runs continue or start
            int count = 1 + random.nextInt(run % 7 == 0 ? 200 : 20);
            LentRoom room = null;
            for (int i = 0; i < count; i++) {
                byte[] log = new byte[4 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 300)];
                random.nextBytes(log);
                log[0] = (byte) (logIndex >>> 24); // each log is told apart by its index
                log[1] = (byte) (logIndex >>> 16);
                log[2] = (byte) (logIndex >>> 8);
                log[3] = (byte) logIndex++;
                assertEquals(Partition.Appended.OK, oneByOne.append(log, log.length, log.length - 1, target, 0));
                // as the tailer ships: into the room while it fits, else give it back, append by copy, borrow again
                if (room != null && room.fits(log.length)) {
                    System.arraycopy(log, 0, room.array(), room.position(), log.length);
                    room.added(log.length, log.length - 1);
                    continue;
                }
                if (room != null) {
                    room.giveBack();
                }
                assertEquals(Partition.Appended.OK, inRooms.append(log, log.length, log.length - 1, target, 0));
                room = inRooms.lend(target, rig.stats);
            }
            if (room != null) {
                room.giveBack();
            }
        }
        rig.accumulator.sealAll();

        List<Batch> expected = batchesOf(rig, oneByOne);
        List<Batch> actual = batchesOf(rig, inRooms);
        assertTrue(expected.size() > 100, "the logs crossed many batch limits: " + expected.size() + " batches");
        assertEquals(expected.size(), actual.size(), "batches");
        for (int i = 0; i < expected.size(); i++) {
            Batch e = expected.get(i);
            Batch a = actual.get(i);
            assertEquals(e.count(), a.count(), "logs in batch " + i);
            assertEquals(e.valueBytes(), a.valueBytes(), "value bytes of batch " + i);
            assertArrayEquals(logsOf(e), logsOf(a), "logs of batch " + i);
            assertEquals(e.completionRuns().runs(), a.completionRuns().runs(), "completion runs of batch " + i);
            for (int r = 0; r < e.completionRuns().runs(); r++) {
                assertSame(
                        e.completionRuns().target(r),
                        a.completionRuns().target(r),
                        "target of run " + r + " of batch " + i);
                assertEquals(
                        e.completionRuns().length(r),
                        a.completionRuns().length(r),
                        "length of run " + r + " of batch " + i);
            }
        }
        rig.completeAll();
        assertEquals(0, rig.pool.inUseBytes());
    }

    /** The sealed batches of {@code partition}, in the order of their logs. */
    private static List<Batch> batchesOf(Rig rig, Partition partition) {
        List<Batch> batches = new ArrayList<>();
        for (Batch b : rig.incomplete) {
            if (b.partition == partition) {
                batches.add(b);
            }
        }
        batches.sort(Comparator.comparingInt(b -> ByteBuffer.wrap(logsOf(b)).getInt()));
        return batches;
    }

    /** The encoded logs a batch holds, without the list header and the group trailer. */
    private static byte[] logsOf(Batch b) {
        return Arrays.copyOfRange(b.buf, LogGroupListEncoder.HEADER_RESERVE, b.size());
    }

    /** Appends logs with a future each until the pool refuses one; returns how many it took. */
    private static int appendUntilFull(Rig rig, String topic, byte[] log) {
        int accepted = 0;
        while (tryAppend(rig, topic, log)) {
            accepted++;
        }
        return accepted;
    }

    private static boolean tryAppend(Rig rig, String topic, byte[] log) {
        try {
            rig.append(topic, log, new CompletableFuture<>());
            return true;
        } catch (ClsClientException e) {
            assertEquals(ClsClientException.Reason.BUFFER_FULL, e.reason());
            return false;
        }
    }

    /** What the pool counts in use is what the pending batches hold: their buffers and their reservations. */
    private static void assertAccountedExactly(Rig rig) {
        long held = 0;
        for (Batch b : rig.incomplete) {
            held += b.buf.length + b.memory().reservedBytes();
        }
        assertEquals(held, rig.pool.inUseBytes());
    }

    /** The producer's internals around one pool, without threads: batches are appended and completed by hand. */
    private final class Rig {
        final BufferPool pool;
        final Accumulator accumulator;
        final Completer completer;
        final ProducerStats stats;
        final Set<Batch> incomplete = ConcurrentHashMap.newKeySet();

        Rig(long total, int maxBatchBytes) {
            this(total, limits(maxBatchBytes), limits(maxBatchBytes));
        }

        Rig(long total, BatchLimits send, BatchLimits streams) {
            pool = new BufferPool(total, Math.max(send.maxBytes, streams.maxBytes), clock);
            stats = new ProducerStats(pool);
            completer = new Completer(Runnable::run, stats, pool, incomplete);
            RetryPolicy retries = new RetryPolicy(0, Duration.ofMillis(100), Duration.ofSeconds(1), new Random(1));
            Sender sender = new Sender(clock, new LinkedBlockingQueue<>(), completer, stats, retries, 4);
            accumulator = new Accumulator(
                    pool,
                    sender,
                    clock,
                    new ContextFlows(1),
                    send,
                    streams,
                    TimeUnit.MINUTES.toNanos(2),
                    TRAILER,
                    4,
                    incomplete);
            sender.attach(accumulator);
        }

        /** Appends without waiting for memory (a wait of at most 0 ns). */
        void append(String topic, byte[] log, Object target) {
            Partition p = accumulator.partition(topic, null);
            assertEquals(Partition.Appended.OK, p.append(log, log.length, log.length, target, 0));
        }

        void completeAll() {
            accumulator.sealAll();
            for (Batch b : new ArrayList<>(incomplete)) {
                completer.succeed(b, "request-id");
            }
            assertTrue(incomplete.isEmpty());
        }
    }
}
