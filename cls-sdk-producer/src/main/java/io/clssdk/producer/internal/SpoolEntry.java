package io.clssdk.producer.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One batch record in the disk spool: where it is, and what its batch (and the halves it may be split into) decided
 * about it. Marked done in the spool ({@link Spool#settle}) once, when every log of the batch has a final outcome and
 * none of them failed in a way a later attempt could cure ({@link #keep}).
 */
final class SpoolEntry {
    final SpoolSegment segment;
    final long offset;
    final int logs;
    /** Non-null for a record replayed from an earlier process: what the batch is rebuilt from. */
    final String topicId;

    final String hashKey;
    final String contextFlow;
    final long bodyPosition;
    final int bodyLength;
    /** Some log of the batch failed transiently (timeout, close, retryable error): leave the record for a replay. */
    volatile boolean keep;

    private final AtomicBoolean settled = new AtomicBoolean();

    /** A record just written for a batch of this process. */
    SpoolEntry(SpoolSegment segment, long offset, int logs) {
        this(segment, offset, logs, null, null, null, 0, 0);
    }

    /** A record found at start, to be replayed. */
    SpoolEntry(
            SpoolSegment segment,
            long offset,
            int logs,
            String topicId,
            String hashKey,
            String contextFlow,
            long bodyPosition,
            int bodyLength) {
        this.segment = segment;
        this.offset = offset;
        this.logs = logs;
        this.topicId = topicId;
        this.hashKey = hashKey;
        this.contextFlow = contextFlow;
        this.bodyPosition = bodyPosition;
        this.bodyLength = bodyLength;
    }

    boolean replayed() {
        return topicId != null;
    }

    /** True for exactly one caller. */
    boolean settleOnce() {
        return settled.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "SpoolEntry{" + segment + "@" + offset + ", logs=" + logs + '}';
    }
}
