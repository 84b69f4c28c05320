package io.clssdk.producer.internal;

import io.clssdk.producer.EncodedLogStream;
import io.clssdk.producer.OutcomeListener;
import java.util.concurrent.TimeUnit;

/**
 * A dedicated stream of batches inside a producer, with its own log-group metadata: the tailer's path into the
 * producer, one stream per followed file. Logs arrive already encoded (as {@code LogGroup.logs} entries); each run of
 * consecutive logs appended with the same {@link OutcomeListener} is reported to it once, with the run's size.
 *
 * <p>Unlike {@code send()}, appending waits for buffer memory as long as it takes: for a file reader that is the
 * backpressure it wants. Not thread-safe: one owner appends.
 */
public final class LogStream implements EncodedLogStream {
    /** "As long as it takes" (a stream's appends wait for memory without a limit). */
    private static final long FOREVER_NANOS = TimeUnit.DAYS.toNanos(365L * 50);

    private final Accumulator accumulator;
    private final ProducerStats stats;
    private final Partition partition;

    LogStream(Accumulator accumulator, ProducerStats stats, Partition partition) {
        this.accumulator = accumulator;
        this.stats = stats;
        this.partition = partition;
    }

    /**
     * Appends one encoded log {@code log[0, length)} whose values hold {@code valueBytes} bytes of UTF-8.
     *
     * @throws io.clssdk.core.ClsClientException with reason {@code CLOSED} once the producer is closed,
     *     {@code INVALID_ARGUMENT} if the log cannot fit a request, {@code INTERRUPTED} if interrupted while waiting
     *     for memory
     * @throws IllegalStateException if this stream was closed
     */
    @Override
    public void append(byte[] log, int length, int valueBytes, OutcomeListener target) {
        DefaultClsProducer.checkFitsOneRequest(length, valueBytes, partition.trailerMax);
        accumulator.awaitSpoolSpace();
        stats.accepted.increment();
        try {
            if (partition.append(log, length, valueBytes, target, FOREVER_NANOS) == Partition.Appended.RETIRED) {
                throw new IllegalStateException("this log stream was closed");
            }
        } catch (RuntimeException e) {
            stats.accepted.decrement();
            throw e;
        }
    }

    /** Whether an encoded log of {@code length} bytes with {@code valueBytes} of values fits one request. */
    @Override
    public boolean fitsOneRequest(int length, int valueBytes) {
        try {
            DefaultClsProducer.checkFitsOneRequest(length, valueBytes, partition.trailerMax);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Appends {@code count} encoded logs at once (one lock acquisition): log {@code i} is {@code src[starts[i],
     * starts[i + 1])} with {@code valueBytes[i]} bytes of values; each must {@linkplain #fitsOneRequest fit a
     * request}. The run is reported to {@code target}.
     *
     * @throws io.clssdk.core.ClsClientException as {@link #append}
     */
    @Override
    public void appendAll(byte[] src, int[] starts, int[] valueBytes, int count, OutcomeListener target) {
        accumulator.awaitSpoolSpace();
        stats.accepted.add(count);
        Partition.Appended result;
        int[] progress = new int[1];
        try {
            result = partition.appendAll(src, starts, valueBytes, count, target, FOREVER_NANOS, progress);
        } catch (RuntimeException e) {
            stats.accepted.add(progress[0] - count);
            throw e;
        }
        if (result == Partition.Appended.RETIRED) {
            stats.accepted.add(progress[0] - count);
            throw new IllegalStateException("this log stream was closed");
        }
    }

    /** Seals the open batch so it is sent without waiting for linger. */
    @Override
    public void flush() {
        partition.sealNow();
    }

    /** Sends what is open and accepts nothing more; outcomes of logs already appended still arrive. */
    @Override
    public void close() {
        partition.retire();
        accumulator.unregister(partition);
    }
}
