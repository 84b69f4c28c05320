package io.clssdk.producer.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The send order of one partition's sealed batches, owned by the sender thread. For a hash key the lane is
 * <em>ordered</em>: one batch at a time is being sent or retried (its current batch), and the sealed batches behind it
 * wait here in order until it is done, so nothing of that key overtakes a batch that is retrying. Without a hash key
 * every sealed batch may go at once and nothing waits.
 */
final class KeyLane {
    private final boolean ordered;
    private Batch current;
    private final ArrayDeque<Batch> waiting = new ArrayDeque<>();

    KeyLane(boolean ordered) {
        this.ordered = ordered;
    }

    /**
     * A sealed batch arrives: true if it may be sent now (it becomes the lane's current batch), false if it waits
     * behind the current one.
     */
    boolean admit(Batch b) {
        if (!ordered) {
            return true;
        }
        if (current != null) {
            waiting.addLast(b);
            return false;
        }
        current = b;
        return true;
    }

    /**
     * {@code b} is done: if it was the lane's current batch, the next waiting one becomes current and is returned (it
     * may be sent now); otherwise, or if none waits, null.
     */
    Batch finished(Batch b) {
        if (!ordered || current != b) {
            return null;
        }
        Batch next = waiting.pollFirst();
        current = next;
        return next;
    }

    /** True when no batch of this lane is being sent, retried or waiting. */
    boolean idle() {
        return current == null && waiting.isEmpty();
    }

    /** The batch being sent or retried for an ordered lane, else null. */
    Batch current() {
        return current;
    }

    /** How many sealed batches wait behind the current one. */
    int waiting() {
        return waiting.size();
    }

    /** Takes the waiting batches whose delivery timeout passed out of the lane and hands each to {@code expired}. */
    void expireWaiting(long nowNanos, Consumer<Batch> expired) {
        removeExpired(waiting, nowNanos, expired);
    }

    /** Removes from {@code queue} the batches whose delivery timeout passed, handing each to {@code expired}. */
    static void removeExpired(ArrayDeque<Batch> queue, long nowNanos, Consumer<Batch> expired) {
        for (Iterator<Batch> it = queue.iterator(); it.hasNext(); ) {
            Batch b = it.next();
            if (nowNanos >= b.deadlineNanos) {
                it.remove();
                expired.accept(b);
            }
        }
    }
}
