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
    /** What a batch is rebuilt from when the record is sent again. */
    final String topicId;

    final String hashKey;
    final String contextFlow;
    final long bodyPosition;
    final int bodyLength;
    /** Some log of the batch failed transiently (timeout, close, retryable error): leave the record for a replay. */
    volatile boolean keep;

    /** True when the batch is rebuilt from the spool (replayed at start, or sent again after a transient failure). */
    private final boolean fromSpool;

    private final AtomicBoolean settled = new AtomicBoolean();

    SpoolEntry(
            SpoolSegment segment,
            long offset,
            int logs,
            String topicId,
            String hashKey,
            String contextFlow,
            long bodyPosition,
            int bodyLength,
            boolean fromSpool) {
        this.segment = segment;
        this.offset = offset;
        this.logs = logs;
        this.topicId = topicId;
        this.hashKey = hashKey;
        this.contextFlow = contextFlow;
        this.bodyPosition = bodyPosition;
        this.bodyLength = bodyLength;
        this.fromSpool = fromSpool;
    }

    /** True for a batch rebuilt from the spool rather than sealed from {@code send()}s of this process. */
    boolean replayed() {
        return fromSpool;
    }

    /** The same record, to be sent again by a batch rebuilt from the spool. */
    SpoolEntry again() {
        return new SpoolEntry(segment, offset, logs, topicId, hashKey, contextFlow, bodyPosition, bodyLength, true);
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
