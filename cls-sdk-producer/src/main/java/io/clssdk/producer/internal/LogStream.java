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
     * Lends the room left in the stream's open batch behind the last log, if that log was appended with {@code
     * target}: logs written there are appended in place, without a copy ({@link LentRoom}).
     */
    @Override
    public Room lend(OutcomeListener target) {
        return partition.lend(target, stats);
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
