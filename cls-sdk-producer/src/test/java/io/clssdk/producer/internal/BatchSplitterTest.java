package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.producer.SendResult;
import io.clssdk.producer.internal.Batch.State;
import io.clssdk.producer.internal.SenderRig.Sealed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Splitting a batch CLS rejected for its content: the halves' logs, targets, memory and life cycle. */
class BatchSplitterTest {
    private final SenderRig rig = new SenderRig(3);
    private final BatchSplitter splitter = new BatchSplitter(rig.pool, new ContextFlows(9), rig.incomplete, rig.stats);

    /** A sealed batch of {@code logs} logs whose first attempt CLS rejected for its content. */
    private Sealed rejected(int logs) {
        Sealed s = rig.sealed("topic", "key", logs);
        s.batch.dispatched();
        s.batch.beginAttempt();
        s.batch
                .history()
                .record(
                        IoWorker.attemptOf(new ClsServiceException(400, "InvalidParam", "bad", "req-1"), 1000),
                        new ClsServiceException(400, "InvalidParam", "bad", "req-1"));
        assertTrue(s.batch.splitPending());
        return s;
    }

    @Test
    void theHalvesTakeOverTheLogsInOrderWithTheirTargetsAndTheParentsMemoryGoesBack() {
        Sealed s = rejected(5);
        Batch parent = s.batch;
        byte[] logs = Arrays.copyOfRange(parent.buf, LogGroupListEncoder.HEADER_RESERVE, parent.size());
        long inFlight = rig.stats.batchesInFlight.get();

        Batch[] halves = splitter.trySplit(parent);

        Batch first = halves[0];
        Batch second = halves[1];
        assertEquals(2, first.count());
        assertEquals(3, second.count());
        assertArrayEquals(logs, concat(entries(first), entries(second)), "every log once, in order");
        for (int i = 0; i < 5; i++) {
            Batch half = i < 2 ? first : second;
            assertSame(s.futures.get(i), half.completionRuns().target(i < 2 ? i : i - 2), "log " + i + "'s future");
        }
        assertEquals(State.DONE, parent.state());
        assertArrayEquals(halves, parent.halves());
        assertFalse(parent.decided(), "its logs are not decided until the halves are");
        for (Batch h : halves) {
            assertEquals(State.SEALED, h.state());
            assertSame(parent, h.parent);
            assertEquals(parent.deadlineNanos, h.deadlineNanos, "a log's deadline does not move");
            assertEquals(parent.createdNanos, h.createdNanos);
            assertEquals(0, h.history().made());
            assertEquals(parent.history().list(), h.history().list(), "the rejected attempt stays in the history");
            assertNotEquals(parent.contextFlow(), h.contextFlow());
            assertTrue(rig.incomplete.contains(h));
        }
        assertEquals(inFlight + 1, rig.stats.batchesInFlight.get());
        long held = 0;
        for (Batch h : halves) {
            held += h.buf.length + h.memory().reservedBytes();
        }
        assertEquals(held, rig.pool.inUseBytes(), "only the halves hold memory now");

        rig.completer.succeed(first, "req-2");
        assertTrue(rig.incomplete.contains(parent), "flush() still waits on the parent");
        ClsServiceException stillBad = new ClsServiceException(400, "InvalidParam", "bad", "req-3");
        second.history().record(IoWorker.attemptOf(stillBad, 2000), stillBad);
        rig.completer.fail(second, stillBad, true);
        assertTrue(parent.decided());
        assertTrue(rig.incomplete.isEmpty());
        assertEquals(0, rig.pool.inUseBytes());
        assertEquals("req-2", s.futures.get(1).join().requestId());
        assertEquals("req-3", s.futures.get(2).join().requestId());
    }

    @Test
    void withoutMemoryForTheHalvesNothingChangesUntilThereIs() {
        Sealed s = rejected(4);
        long inUse = rig.pool.inUseBytes();
        int room = (int) rig.pool.availableBytes();
        assertTrue(rig.pool.tryReserve(room));

        assertNull(splitter.trySplit(s.batch));
        assertEquals(State.SPLIT, s.batch.state());
        assertEquals(inUse + room, rig.pool.inUseBytes(), "a half taken before the other failed went back");

        rig.pool.unreserve(room);
        assertEquals(2, splitter.trySplit(s.batch).length);
    }

    @Test
    void aBatchWaitingForMemoryIsOfferedAgainEachRoundUntilItsDeadline() {
        Sealed s = rejected(4);
        List<Batch> retried = new ArrayList<>();
        List<Batch> expired = new ArrayList<>();
        splitter.awaitMemory(s.batch);
        splitter.retryAwaiting(s.batch.deadlineNanos - 1, expired::add, retried::add);
        assertEquals(Collections.singletonList(s.batch), retried);
        splitter.retryAwaiting(s.batch.deadlineNanos - 1, expired::add, retried::add);
        assertEquals(1, retried.size(), "offered once per time it was given back");
        splitter.awaitMemory(s.batch);
        splitter.retryAwaiting(s.batch.deadlineNanos, expired::add, retried::add);
        assertEquals(Collections.singletonList(s.batch), expired);
    }

    @Test
    void abandoningASplitBatchAtCloseAbandonsItsHalvesAndEachLogCompletesOnce() {
        Sealed s = rejected(8);
        Batch[] halves = splitter.trySplit(s.batch);
        assertEquals(2, splitter.trySplit(halvesRejected(halves[1])).length);

        rig.completer.abandon(s.batch);

        for (CompletableFuture<SendResult> f : s.futures) {
            SendResult r = f.join();
            assertEquals(ClsClientException.Reason.CLOSED, ((ClsClientException) r.error()).reason());
        }
        assertTrue(s.batch.decided());
        assertTrue(rig.incomplete.isEmpty());
    }

    @Test
    void aBatchDecidedMeanwhileIsNotSplit() {
        Sealed s = rejected(4);
        rig.completer.abandon(s.batch);
        long inUse = rig.pool.inUseBytes();
        assertNull(splitter.trySplit(s.batch));
        assertNull(s.batch.halves());
        assertEquals(inUse, rig.pool.inUseBytes());
    }

    @Test
    void findsEntriesWhoseLengthTakesSeveralVarintBytes() {
        byte[] buf = new byte[LogGroupListEncoder.HEADER_RESERVE + 3 + 300 + 3 + 200];
        int p = LogGroupListEncoder.HEADER_RESERVE;
        buf[p] = 0x0a;
        buf[p + 1] = (byte) 0xac; // 300 = 0b10_0101100
        buf[p + 2] = 0x02;
        int second = p + 3 + 300;
        buf[second] = 0x0a;
        buf[second + 1] = (byte) 0xc8; // 200
        buf[second + 2] = 0x01;
        assertEquals(p, BatchSplitter.entryOffset(buf, 0));
        assertEquals(second, BatchSplitter.entryOffset(buf, 1));
        assertEquals(buf.length, BatchSplitter.entryOffset(buf, 2));
    }

    private Batch halvesRejected(Batch half) {
        half.dispatched();
        half.beginAttempt();
        assertTrue(half.splitPending());
        return half;
    }

    private static byte[] entries(Batch b) {
        return Arrays.copyOfRange(b.buf, LogGroupListEncoder.HEADER_RESERVE, b.size());
    }

    private static byte[] concat(byte[] x, byte[] y) {
        byte[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
