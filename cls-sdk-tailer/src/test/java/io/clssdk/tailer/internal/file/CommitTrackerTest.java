package io.clssdk.tailer.internal.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommitTrackerTest {
    private final InFlight inFlight = new InFlight(1000);
    private final CommitTracker tracker = new CommitTracker(inFlight, 0);

    @Test
    void commitsTheLongestAcknowledgedPrefix() {
        CommitTracker.Range a = tracker.register(10, 10);
        CommitTracker.Range b = tracker.register(25, 15);
        CommitTracker.Range c = tracker.register(30, 5);
        assertEquals(30 + 3 * InFlight.CHUNK_OVERHEAD, inFlight.bytes());
        tracker.acknowledge(c);
        tracker.acknowledge(b);
        assertEquals(0, tracker.committed());
        assertFalse(tracker.settled());
        tracker.acknowledge(a);
        assertEquals(30, tracker.committed());
        assertTrue(tracker.settled());
        assertEquals(0, inFlight.bytes());
        tracker.acknowledge(a);
        assertEquals(0, inFlight.bytes(), "acknowledging twice releases once");
    }

    @Test
    void aCancelledRangeIsForgottenAndALaterAcknowledgementIgnored() {
        CommitTracker.Range a = tracker.register(10, 10);
        CommitTracker.Range b = tracker.register(20, 10);
        tracker.cancel(b);
        tracker.acknowledge(b);
        tracker.acknowledge(a);
        assertEquals(10, tracker.committed());
        assertTrue(tracker.settled());
        assertEquals(0, inFlight.bytes());
    }

    @Test
    void skippedRangesNeedNoAcknowledgement() {
        CommitTracker.Range a = tracker.register(10, 10);
        tracker.skip(50);
        assertEquals(0, tracker.committed());
        tracker.acknowledge(a);
        assertEquals(50, tracker.committed());
    }

    @Test
    void resetStartsANewGenerationWhoseCommitsOldAcknowledgementsCannotMove() {
        CommitTracker.Range old = tracker.register(100, 100);
        tracker.reset(0);
        assertTrue(tracker.settled());
        CommitTracker.Range fresh = tracker.register(5, 5);
        tracker.acknowledge(old);
        assertEquals(0, tracker.committed());
        assertEquals(5 + InFlight.CHUNK_OVERHEAD, inFlight.bytes(), "the old range's bytes are released");
        tracker.acknowledge(fresh);
        assertEquals(5, tracker.committed());
    }

    @Test
    void inFlightTellsAWaitingReaderWhenItDropsUnderTheLimit() {
        AtomicInteger released = new AtomicInteger();
        InFlight small = new InFlight(300);
        small.onRelease(released::incrementAndGet);
        CommitTracker t = new CommitTracker(small, 0);
        CommitTracker.Range a = t.register(200, 200);
        assertTrue(small.full());
        t.acknowledge(a);
        assertEquals(1, released.get());
        assertFalse(small.full());
    }

    @Test
    void aFailedRangeSettlesWithoutCommittingAndWakesTheEngineUntilARewindClearsIt() {
        AtomicInteger signals = new AtomicInteger();
        inFlight.onRelease(signals::incrementAndGet);
        CommitTracker.Range a = tracker.register(10, 10);
        CommitTracker.Range b = tracker.register(20, 10);
        CommitTracker.Range c = tracker.register(30, 10);
        tracker.acknowledge(a);
        tracker.fail(b, "endpoint down");
        assertEquals(1, signals.get(), "a failure wakes the engine");
        assertEquals("endpoint down", tracker.failure());
        assertEquals(1, tracker.outstanding());
        assertEquals(
                10 + InFlight.CHUNK_OVERHEAD, inFlight.bytes(), "only c in flight: the failed range's bytes released");
        tracker.acknowledge(c);
        assertEquals(2, signals.get(), "the last outcome after a failure wakes the engine");
        assertEquals(0, tracker.outstanding());
        assertEquals(10, tracker.committed(), "nothing after the failed range is committed");
        assertFalse(tracker.settled());
        tracker.acknowledge(b);
        assertEquals(10, tracker.committed(), "a failed range cannot be acknowledged afterwards");

        tracker.reset(tracker.committed());
        assertEquals(null, tracker.failure());
        assertTrue(tracker.settled());
        CommitTracker.Range again = tracker.register(20, 10);
        tracker.fail(b, "late outcome of the old generation");
        assertEquals(null, tracker.failure(), "outcomes of older generations are ignored");
        tracker.acknowledge(again);
        assertEquals(20, tracker.committed());
    }
}
