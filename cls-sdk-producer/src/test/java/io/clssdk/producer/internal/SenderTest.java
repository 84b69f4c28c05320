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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Sender#onReturned}, the one place that decides what follows an attempt, and when the sender must be woken; on
 * the real parts and a fake clock.
 */
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

    @Test
    void aBatchSealedBeforeItsLingerEndedLeavesNoTimerBehind() {
        Sealed s = rig.sealed("topic", null, 2); // opened and sealed at once, as a batch that filled up
        rig.clock.advance(Duration.ofMillis(600));
        long wake = rig.sender.runOnce();
        assertSame(s.batch, rig.ioQueue.poll());
        assertTrue(wake > s.batch.lingerEndsNanos(), "no wake-up at the linger's end of a batch sealed already");

        Batch open = rig.opened("topic", "open");
        rig.clock.advance(Duration.ofMillis(600)); // its linger now ends before the next housekeeping
        assertEquals(open.lingerEndsNanos(), rig.sender.runOnce(), "an open batch's linger still sets the wake-up");
    }

    @Test
    void anOpenedBatchWakesTheSenderOnlyIfItsLingerEndsBeforeTheSenderWouldWakeByItself() {
        Sealed s = rig.sealed("topic", null, 1); // its linger: 1 s from now
        long lingerEnd = s.batch.lingerEndsNanos();
        assertEquals(
                TimeUnit.MILLISECONDS.toNanos(500),
                rig.sender.planPark(lingerEnd - TimeUnit.MILLISECONDS.toNanos(500)),
                "parks until the next event");
        assertFalse(rig.sender.lingerEndsFirst(s.batch), "the sender wakes before this linger ends anyway");
        assertEquals(TimeUnit.SECONDS.toNanos(1), rig.sender.planPark(Long.MAX_VALUE), "parks a second at most");
        assertFalse(rig.sender.lingerEndsFirst(s.batch), "it wakes exactly when this linger ends");
        rig.clock.advance(Duration.ofMillis(1));
        rig.sender.planPark(Long.MAX_VALUE);
        assertTrue(rig.sender.lingerEndsFirst(s.batch), "it would sleep past this linger: it must be woken");
    }

    @Test
    void aTopicWithEveryRequestSlotTakenLetsBatchesSealWithoutWakingTheSenderAndSendsThemOnTheNextReturn() {
        TopicState topic = rig.accumulator.partition("topic", null).topic;
        List<Batch> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // the rig's topic limit
            rig.sealed("topic", null, 1);
            assertFalse(topic.saturated(), "a free slot: a sealed batch wakes the sender");
            rig.sender.runOnce();
            Batch b = rig.ioQueue.poll();
            b.beginAttempt();
            sent.add(b);
        }
        assertTrue(topic.saturated());
        Sealed waiting = rig.sealed("topic", null, 1);
        rig.sender.runOnce();
        assertTrue(rig.ioQueue.isEmpty(), "no slot for it");

        rig.sender.onReturned(AttemptOutcome.succeeded(sent.get(0), 1, rig.clock.nanoTime(), "req-8", 1000));
        rig.sender.runOnce(); // the round the return wakes the sender for
        assertSame(waiting.batch, rig.ioQueue.poll(), "the round of the return sends it");
        waiting.batch.beginAttempt();
        assertTrue(topic.saturated(), "every slot taken again");

        rig.sender.onReturned(AttemptOutcome.succeeded(sent.get(1), 1, rig.clock.nanoTime(), "req-9", 1000));
        rig.sender.runOnce();
        assertFalse(topic.saturated(), "a slot came free and nothing waits for it");

        ClsException throttled = new ClsServiceException(429, "SpeedQuotaExceed", "slow down", "req-10");
        rig.sender.onReturned(AttemptOutcome.failed(sent.get(2), 1, rig.clock.nanoTime(), throttled, 1000));
        rig.sender.runOnce();
        assertTrue(topic.saturated(), "a 429 halved the limit to 2, and 2 are in flight");

        ClsException unavailable = new ClsServiceException(503, "InternalError", "try later", "req-11");
        rig.sender.onReturned(AttemptOutcome.failed(waiting.batch, 1, rig.clock.nanoTime(), unavailable, 1000));
        rig.sender.runOnce();
        assertFalse(topic.saturated(), "a failed attempt frees its slot too");
    }

    private static void assertDeliveryTimeout(SendResult r, String when) {
        assertFalse(r.success());
        ClsClientException e = (ClsClientException) r.error();
        assertEquals(ClsClientException.Reason.DELIVERY_TIMEOUT, e.reason());
        assertTrue(e.getMessage().contains(when), e.getMessage());
    }
}
