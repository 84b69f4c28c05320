package io.clssdk.producer.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The sender's linger timers: its open batches, the one whose linger ends first first (then by arrival here; each
 * partition has its own linger). A batch sealed before its linger ends (it filled up, a flush, memory relief) leaves
 * its entry behind; once the sender has taken that batch from its sealed inbox ({@link #sealed}), the entry is dropped
 * as soon as it comes first, so that it never sets a wake-up. Sender-owned, not thread-safe.
 */
final class LingerTimers {
    private final PriorityQueue<Batch> queue =
            new PriorityQueue<>(Comparator.comparingLong(Batch::lingerEndsNanos).thenComparingLong(b -> b.openedSeq));
    private long openedCount;

    /** A batch opened: its linger runs from now on. */
    void add(Batch b) {
        b.openedSeq = ++openedCount;
        queue.add(b);
    }

    /** The sender took {@code b} sealed from its inbox: its timer, if it has one, no longer counts. */
    void sealed(Batch b) {
        b.sealSeen = true;
    }

    /** The open batch whose linger ends first, or null (an entry of a batch not yet {@link #sealed} may remain). */
    Batch first() {
        Batch b = queue.peek();
        while (b != null && b.sealSeen) {
            queue.poll();
            b = queue.peek();
        }
        return b;
    }

    /** Takes {@link #first()} out, or returns null. */
    Batch pollFirst() {
        Batch b = first();
        if (b != null) {
            queue.poll();
        }
        return b;
    }
}
