package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.producer.SendResult;
import io.clssdk.producer.internal.Batch.State;
import io.clssdk.producer.internal.SenderRig.Sealed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Sender#onReturned}, the one place that decides what follows an attempt, on the real parts and a fake clock. */
class SenderTest {
    private final SenderRig rig = new SenderRig(3);

    @Test
    void aSuccessCompletesEveryLogAndReturnsTheMemory() {
        Sealed s = rig.inFlight("topic");
        rig.sender.onReturned(AttemptOutcome.succeeded(s.batch, 1, rig.clock.nanoTime(), "req-1", 1000));
        assertEquals(State.DONE, s.batch.state());
        SendResult r = s.result();
        assertTrue(r.success());
        assertEquals("req-1", r.requestId());
        assertEquals(1, r.attempts().size());
        assertEquals(0, rig.pool.inUseBytes());
        assertTrue(rig.incomplete.isEmpty());
    }

    @Test
    void aRetryableFailureWaitsForItsBackoffFromTheEndOfTheAttempt() {
        Sealed s = rig.inFlight("topic");
        ClsException error = new ClsServiceException(503, "InternalError", "try later", "req-2");
        long ended = rig.clock.nanoTime() + 1234;
        rig.sender.onReturned(AttemptOutcome.failed(s.batch, 1, ended, error, 1000));

        long expected = SenderRig.retryPolicy(3).nextDelayNanos(1, 0, error); // the sender's first draw
        assertEquals(State.RETRY_WAIT, s.batch.state());
        assertEquals(ended + expected, s.batch.nextAttemptNanos());
        assertFalse(s.completed());
        assertSame(error, s.batch.history().lastError());
        assertEquals(1, s.batch.history().list().size());
    }

    @Test
    void aFailureThatIsNotRetryableFailsEveryLogWithIt() {
        Sealed s = rig.inFlight("topic");
        ClsException error = new ClsServiceException(404, "TopicNotExist", "no such topic", "req-3");
        rig.sender.onReturned(AttemptOutcome.failed(s.batch, 1, rig.clock.nanoTime(), error, 1000));
        assertEquals(State.DONE, s.batch.state());
        assertFalse(s.result().success());
        assertSame(error, s.result().error());
        assertEquals("req-3", s.result().requestId());
        assertEquals(0, rig.pool.inUseBytes());
    }

    @Test
    void aRetryThatWouldStartAfterTheDeliveryTimeoutFailsWithDeliveryTimeout() {
        Sealed s = rig.inFlight("topic");
        ClsException error = new ClsClientException(ClsClientException.Reason.IO, "connection reset");
        rig.sender.onReturned(AttemptOutcome.failed(s.batch, 1, s.batch.deadlineNanos - 1, error, 1000));
        assertEquals(State.DONE, s.batch.state());
        assertDeliveryTimeout(s.result(), "before the next retry could start");
        assertSame(error, s.result().error().getCause(), "the last error is the cause");
    }

    @Test
    void aBatchWhoseDeliveryTimeoutPassedBeforeItsAttemptFailsWithDeliveryTimeout() {
        Sealed s = rig.inFlight("topic");
        rig.clock.advance(Duration.ofNanos(SenderRig.DELIVERY_TIMEOUT_NANOS));
        rig.sender.onReturned(AttemptOutcome.notSent(s.batch, 1, AttemptOutcome.Kind.EXPIRED, rig.clock.nanoTime()));
        assertDeliveryTimeout(s.result(), "before its next attempt");
    }

    @Test
    void aBatchAbandonedAtCloseKeepsItsClosedOutcomeWhateverTheAttemptBrings() {
        Sealed queued = rig.inFlight("topic");
        Sealed onTheWire = rig.inFlight("topic");
        rig.completer.abandon(queued.batch);
        rig.completer.abandon(onTheWire.batch);

        rig.sender.onReturned(
                AttemptOutcome.notSent(queued.batch, 1, AttemptOutcome.Kind.ABANDONED, rig.clock.nanoTime()));
        rig.sender.onReturned(AttemptOutcome.succeeded(onTheWire.batch, 1, rig.clock.nanoTime(), "late", 1000));

        for (Sealed s : new Sealed[] {queued, onTheWire}) {
            assertEquals(State.DONE, s.batch.state());
            assertFalse(s.result().success());
            assertEquals(
                    ClsClientException.Reason.CLOSED,
                    ((ClsClientException) s.result().error()).reason());
        }
    }

    @Test
    void anOutcomeOfASupersededAttemptChangesNothing() {
        Sealed s = rig.inFlight("topic");
        s.batch.retryAt(rig.clock.nanoTime());
        s.batch.dispatched();
        s.batch.beginAttempt(); // attempt 2 is on its way
        rig.sender.onReturned(AttemptOutcome.succeeded(s.batch, 1, rig.clock.nanoTime(), "old", 1000));
        assertEquals(State.IN_FLIGHT, s.batch.state());
        assertFalse(s.completed());
    }

    @Test
    void aBatchRejectedForItsContentIsSplitAndItsHalvesGoFirstInTheKeysOrder() {
        Sealed s = rig.sealed("topic", "key", 4);
        rig.sender.runOnce();
        assertSame(s.batch, rig.ioQueue.poll());
        s.batch.beginAttempt();
        Sealed behind = rig.sealed("topic", "key", 1);
        ClsException rejected = new ClsServiceException(400, "InvalidParam", "reserved key", "req-5");
        rig.sender.onReturned(AttemptOutcome.failed(s.batch, 1, rig.clock.nanoTime(), rejected, 1000));
        assertEquals(State.SPLIT, s.batch.state(), "decided: split, not failed");
        assertFalse(s.completed());

        rig.sender.runOnce();
        Batch first = rig.ioQueue.poll();
        assertEquals(2, first.count());
        assertSame(s.batch, first.parent);
        assertTrue(rig.ioQueue.isEmpty(), "one batch of the key at a time");
        first.beginAttempt();
        rig.sender.onReturned(AttemptOutcome.succeeded(first, 1, rig.clock.nanoTime(), "req-6", 1000));
        rig.sender.runOnce();
        Batch second = rig.ioQueue.poll();
        assertSame(s.batch, second.parent, "the second half goes before the batch behind");
        second.beginAttempt();
        rig.sender.onReturned(AttemptOutcome.failed(second, 1, rig.clock.nanoTime(), rejected, 1000));
        rig.sender.runOnce();
        Batch third = rig.ioQueue.poll();
        assertEquals(1, third.count());
        assertSame(second, third.parent);

        assertEquals("req-6", s.futures.get(0).join().requestId());
        assertEquals("req-6", s.futures.get(1).join().requestId());
        third.beginAttempt();
        rig.sender.onReturned(AttemptOutcome.failed(third, 1, rig.clock.nanoTime(), rejected, 1000));
        assertSame(rejected, s.futures.get(2).join().error(), "alone and still rejected: it fails with CLS's error");
        assertFalse(s.futures.get(3).isDone());
    }

    @Test
    void aSingleLogRejectedForItsContentFailsAtOnce() {
        Sealed s = rig.sealed("topic", null, 1);
        rig.sender.runOnce();
        rig.ioQueue.poll().beginAttempt();
        ClsException rejected = new ClsServiceException(413, "ContentTooLarge", "too large", "req-7");
        rig.sender.onReturned(AttemptOutcome.failed(s.batch, 1, rig.clock.nanoTime(), rejected, 1000));
        assertEquals(State.DONE, s.batch.state());
        assertSame(rejected, s.result().error());
    }

    @Test
    void theSenderSchedulesARetriedBatchAgainAtItsTime() {
        Sealed s = rig.sealed("topic", "key", 2);
        rig.sender.runOnce();
        assertSame(s.batch, rig.ioQueue.poll(), "dispatched");
        s.batch.beginAttempt();
        ClsException error = new ClsServiceException(503, "InternalError", "try later", "req-4");
        rig.sender.onReturned(AttemptOutcome.failed(s.batch, 1, rig.clock.nanoTime(), error, 1000));
        Sealed behind = rig.sealed("topic", "key", 1);
        rig.sender.runOnce();
        assertTrue(rig.ioQueue.isEmpty(), "the retry waits for its backoff, and the key's next batch behind it");

        rig.clock.advance(Duration.ofNanos(s.batch.nextAttemptNanos() - rig.clock.nanoTime()));
        rig.sender.runOnce();
        assertSame(s.batch, rig.ioQueue.poll(), "the retry goes at its time");
        assertTrue(rig.ioQueue.isEmpty(), "the key's next batch still waits");
        s.batch.beginAttempt();
        rig.sender.onReturned(AttemptOutcome.succeeded(s.batch, 2, rig.clock.nanoTime(), "req-5", 1000));
        rig.sender.runOnce();
        assertTrue(s.result().success());
        assertSame(behind.batch, rig.ioQueue.poll(), "then the key's next batch");
    }

    private static void assertDeliveryTimeout(SendResult r, String when) {
        assertFalse(r.success());
        ClsClientException e = (ClsClientException) r.error();
        assertEquals(ClsClientException.Reason.DELIVERY_TIMEOUT, e.reason());
        assertTrue(e.getMessage().contains(when), e.getMessage());
    }
}
