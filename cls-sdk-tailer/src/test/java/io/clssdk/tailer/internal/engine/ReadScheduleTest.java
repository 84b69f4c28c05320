package io.clssdk.tailer.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.tailer.internal.engine.ReadSchedule.State;
import org.junit.jupiter.api.Test;

/** The scheduling states of one file: which transitions are allowed, and the one "ready to read" rule. */
class ReadScheduleTest {
    private final ReadSchedule s = new ReadSchedule();

    private ReadSchedule queued() {
        s.markPending();
        s.enqueued();
        return s;
    }

    private ReadSchedule reading() {
        queued().dequeued();
        s.readStarted();
        return s;
    }

    @Test
    void aFileIsReadyToReadOnlyWhenItHasMoreToReadAndNothingElseHoldsItBack() {
        assertFalse(s.readyToRead(), "idle");
        s.markPending();
        assertTrue(s.readyToRead());
        s.enqueued();
        assertFalse(s.readyToRead(), "queued once, not twice");
        s.dequeued();
        s.readStarted();
        s.markPending();
        assertEquals(State.BUSY_PENDING, s.state());
        assertFalse(s.readyToRead(), "never read by two readers at once");
        s.taskEnded();
        assertTrue(s.readyToRead(), "what came during the read is read next");
        s.retire();
        assertFalse(s.readyToRead(), "retired");
    }

    @Test
    void onlyAFileReadyToReadMayBeQueuedOrStartAReading() {
        assertThrows(IllegalStateException.class, s::enqueued);
        assertThrows(IllegalStateException.class, s::readStarted);
        queued();
        assertThrows(IllegalStateException.class, s::enqueued);
        assertThrows(IllegalStateException.class, s::readStarted, "taken out of the queue first");
    }

    @Test
    void oneTaskAtATime() {
        reading();
        assertThrows(IllegalStateException.class, s::taskStarted);
        s.taskEnded();
        assertThrows(IllegalStateException.class, s::taskEnded, "no task runs");
    }

    @Test
    void aNoticeForAQueuedFileTakesItOutOfTheQueueAndKeepsWhatIsPending() {
        queued();
        assertTrue(s.taskStarted(), "the caller must take it out of the queue");
        assertEquals(State.BUSY_PENDING, s.state());
        s.taskEnded();
        assertTrue(s.readyToRead());
    }

    @Test
    void aFailureBacksOffDoublingUntilTheRetryIsDue() {
        reading().taskEnded();
        assertEquals(ReadSchedule.BACKOFF_MIN_NANOS, s.failed(1000));
        assertEquals(1000 + ReadSchedule.BACKOFF_MIN_NANOS, s.retryAtNanos());
        s.markPending();
        assertFalse(s.readyToRead(), "not before the retry time");
        assertThrows(IllegalStateException.class, s::taskStarted);
        s.retryDue();
        assertTrue(s.readyToRead());
        queued().dequeued();
        s.readStarted();
        s.taskEnded();
        assertEquals(2 * ReadSchedule.BACKOFF_MIN_NANOS, s.failed(0));
        assertEquals(2, s.failures());
        s.succeeded();
        assertEquals(0, s.failures());
    }

    @Test
    void aFailureIsRecordedOnlyForATaskThatEnded() {
        reading();
        assertThrows(IllegalStateException.class, () -> s.failed(0));
    }

    @Test
    void retiringIsAllowedFromEveryStateAndWaitsForARunningTask() {
        reading();
        assertFalse(s.retire());
        assertEquals(State.RETIRED_BUSY, s.state());
        assertTrue(s.busy());
        s.taskEnded();
        assertEquals(State.RETIRED, s.state());
        s.markPending();
        assertFalse(s.readyToRead(), "a retired file is not read");
        assertThrows(IllegalStateException.class, s::retryDue);
        ReadSchedule q = new ReadSchedule();
        q.markPending();
        q.enqueued();
        assertTrue(q.retire(), "the caller must take it out of the queue");
    }

    @Test
    void aRevivedFileResumesAndBacksOffFirstIfItsLastAttemptFailed() {
        s.retire();
        s.revive();
        assertEquals(State.IDLE, s.state());
        reading().taskEnded();
        s.failed(0);
        s.retire();
        s.revive();
        assertEquals(State.BACKOFF, s.state());
        ReadSchedule busy = new ReadSchedule();
        busy.taskStarted();
        busy.retire();
        busy.revive();
        assertEquals(State.BUSY, busy.state());
    }

    @Test
    void aHeldFileIsNotReadUntilRewoundAndProbedThenRecovered() {
        queued();
        assertTrue(s.hold(), "a queued file leaves the queue when held");
        assertEquals(State.HELD, s.state());
        s.markPending();
        assertFalse(s.readyToRead(), "a held file is not read however it grows");
        assertTrue(s.hasMoreToRead(), "nor released as drained");
        assertThrows(IllegalStateException.class, () -> s.retryDue());
        assertFalse(s.taskStarted(), "the rewind notice runs while held");
        assertTrue(s.busy());
        s.taskEnded();
        assertEquals(State.HELD, s.state());
        long backoff = s.rewound(0, 0.0);
        assertEquals(ReadSchedule.DELIVERY_BACKOFF_MIN_NANOS, backoff);
        assertTrue(s.backingOff());
        assertTrue(s.probing(), "the next read is a probe");
        s.retryDue();
        assertTrue(s.readyToRead());
        s.enqueued();
        s.dequeued();
        s.readStarted();
        s.taskEnded();
        assertFalse(s.hold(), "held again after the probe read, until its outcome");
        assertEquals(2 * ReadSchedule.DELIVERY_BACKOFF_MIN_NANOS, s.rewound(0, 0.0), "the backoff doubles");
        s.retryDue();
        s.enqueued();
        s.dequeued();
        s.readStarted();
        s.taskEnded();
        s.hold();
        s.deliveryRecovered();
        assertFalse(s.probing(), "full speed once a probe got through");
        assertTrue(s.readyToRead());
    }

    @Test
    void theDeliveryBackoffIsCappedAndJittered() {
        s.hold();
        long last = 0;
        for (int i = 0; i < 10; i++) {
            s.taskStarted();
            s.taskEnded();
            last = s.rewound(0, 0.999);
            s.retryDue();
            s.hold();
        }
        assertTrue(last <= ReadSchedule.DELIVERY_BACKOFF_MAX_NANOS, "capped: " + last);
        assertTrue(last > ReadSchedule.DELIVERY_BACKOFF_MAX_NANOS * 3 / 4 - 1, "at most a quarter off: " + last);
    }
}
