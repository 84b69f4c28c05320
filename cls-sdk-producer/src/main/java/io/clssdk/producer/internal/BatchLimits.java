package io.clssdk.producer.internal;

import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.producer.ProducerOptions;
import java.time.Duration;

/**
 * When a partition's batches are sealed: at {@link #maxCount} logs, at {@link #maxBytes} of buffer, or
 * {@link #lingerNanos} after their first log. Immutable; each {@link Partition} gets one when it is created —
 * {@link #forSend} for {@code send()}'s partitions, {@link #forStreams} for the dedicated streams of {@code
 * openStream} (the tailer's files, packed like LogListener's packages) — and its batches follow it.
 */
final class BatchLimits {
    /** The largest buffer a batch may fill (G1-friendly, see {@link BufferSizes#largestBatchFor}). */
    final int maxBytes;

    final int maxCount;
    /** The linger the sender applies; with a disk spool at most its {@code fsyncInterval}. */
    final long lingerNanos;

    BatchLimits(int maxBytes, int maxCount, long lingerNanos) {
        this.maxBytes = maxBytes;
        this.maxCount = maxCount;
        this.lingerNanos = lingerNanos;
    }

    /** {@code maxBatchBytes}, {@code maxBatchCount} and {@code linger}. */
    static BatchLimits forSend(ProducerOptions options) {
        return of(options, options.maxBatchBytes(), options.maxBatchCount(), options.linger());
    }

    /**
     * {@code streamMaxBatchBytes} (at most half of {@code totalBufferBytes}, so that a stream's batch never takes more
     * than half the memory), {@code streamMaxBatchCount} and {@code streamLinger}.
     */
    static BatchLimits forStreams(ProducerOptions options) {
        long half = options.totalBufferBytes() / 2;
        int bytes = (int) Math.min(options.streamMaxBatchBytes(), half);
        return of(options, bytes, options.streamMaxBatchCount(), options.streamLinger());
    }

    private static BatchLimits of(ProducerOptions options, int maxBatchBytes, int maxCount, Duration linger) {
        long lingerNanos = linger.toNanos();
        if (options.spool() != null) {
            // a batch reaches the spool when it is sealed: kill -9 loses at most the logs of one fsyncInterval
            lingerNanos = Math.min(lingerNanos, options.spool().fsyncInterval().toNanos());
        }
        return new BatchLimits(BufferSizes.largestBatchFor(maxBatchBytes), maxCount, lingerNanos);
    }

    /**
     * The body limit for a batch whose first log has {@code length} bytes: normally {@link #maxBytes}; a larger log
     * travels alone in a batch of exactly its size.
     */
    int limitFor(int length, int trailerMax) {
        int needed = LogGroupListEncoder.HEADER_RESERVE + length + trailerMax;
        return Math.max(maxBytes, needed);
    }

    @Override
    public String toString() {
        return "BatchLimits{maxBytes=" + maxBytes + ", maxCount=" + maxCount + ", lingerMs=" + lingerNanos / 1_000_000
                + '}';
    }
}
