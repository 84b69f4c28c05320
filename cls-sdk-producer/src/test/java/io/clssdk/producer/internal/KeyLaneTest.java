package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hash key's send order: one batch at a time, the rest waiting in order; no order without a key. */
class KeyLaneTest {
    private final SenderRig rig = new SenderRig(3);

    private Batch batch(long deadlineNanos) {
        Partition p = rig.accumulator.partition("topic", "key");
        return new Batch(p, new byte[256], 256, 0, deadlineNanos);
    }

    @Test
    void anOrderedLaneSendsOneBatchAtATimeInArrivalOrder() {
        KeyLane lane = new KeyLane(true);
        Batch first = batch(100);
        Batch second = batch(100);
        Batch third = batch(100);
        assertTrue(lane.idle());
        assertTrue(lane.admit(first), "an idle lane sends at once");
        assertFalse(lane.admit(second), "behind the current batch");
        assertFalse(lane.admit(third));
        assertSame(first, lane.current());
        assertEquals(2, lane.waiting());

        assertNull(lane.finished(second), "only the current batch's end moves the lane");
        assertSame(first, lane.current());
        assertSame(second, lane.finished(first));
        assertSame(second, lane.current());
        assertSame(third, lane.finished(second));
        assertFalse(lane.idle());
        assertNull(lane.finished(third));
        assertTrue(lane.idle());
        assertTrue(lane.admit(batch(100)), "idle again: the next batch goes at once");
    }

    @Test
    void aLaneWithoutKeySendsEverythingAtOnce() {
        KeyLane lane = new KeyLane(false);
        Batch a = batch(100);
        Batch b = batch(100);
        assertTrue(lane.admit(a));
        assertTrue(lane.admit(b));
        assertNull(lane.finished(a));
        assertTrue(lane.idle());
    }

    @Test
    void expiresOnlyWaitingBatchesWhoseDeadlinePassedAndKeepsTheOthersInOrder() {
        KeyLane lane = new KeyLane(true);
        List<Batch> sealed = new ArrayList<>();
        for (long deadline : new long[] {10, 50, 500, 60, 900}) {
            sealed.add(batch(deadline));
            lane.admit(sealed.get(sealed.size() - 1));
        }
        Batch current = sealed.get(0);
        Batch expired = sealed.get(1);
        Batch alive = sealed.get(2);
        Batch expiredToo = sealed.get(3);
        Batch last = sealed.get(4);
        List<Batch> got = new ArrayList<>();
        lane.expireWaiting(100, got::add);
        assertEquals(Arrays.asList(expired, expiredToo), got);
        assertSame(current, lane.current(), "the batch being sent is not the lane's to expire");
        assertSame(alive, lane.finished(current));
        assertSame(last, lane.finished(alive));
    }
}
