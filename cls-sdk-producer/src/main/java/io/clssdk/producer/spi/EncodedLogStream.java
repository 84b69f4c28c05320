package io.clssdk.producer.spi;

/**
 * A dedicated stream of batches inside a producer, with its own log-group metadata: the tailer's path into the
 * producer, one stream per followed file. Logs arrive already encoded (as {@code LogGroup.logs} entries); each run of
 * consecutive logs appended with the same {@link OutcomeListener} is reported to it once, with the run's size.
 *
 * <p>Unlike {@code ClsProducer.send()}, appending waits for buffer memory as long as it takes: for a file reader that is
 * the backpressure it wants. Not thread-safe: one owner appends. Opened with {@link LogStreams#open}.
 */
public interface EncodedLogStream extends AutoCloseable {
    /**
     * Appends one encoded log {@code log[0, length)} whose values hold {@code valueBytes} bytes of UTF-8.
     *
     * @throws io.clssdk.core.ClsClientException with reason {@code CLOSED} once the producer is closed,
     *     {@code INVALID_ARGUMENT} if the log cannot fit a request, {@code INTERRUPTED} if interrupted while waiting
     *     for memory
     * @throws IllegalStateException if this stream was closed
     */
    void append(byte[] log, int length, int valueBytes, OutcomeListener target);

    /** Whether an encoded log of {@code length} bytes with {@code valueBytes} of values fits one request. */
    boolean fitsOneRequest(int length, int valueBytes);

    /**
     * Appends {@code count} encoded logs at once: log {@code i} is {@code src[starts[i], starts[i + 1])} with
     * {@code valueBytes[i]} bytes of values; each must {@linkplain #fitsOneRequest fit a request}. The run is reported
     * to {@code target}.
     *
     * @throws io.clssdk.core.ClsClientException as {@link #append}
     */
    void appendAll(byte[] src, int[] starts, int[] valueBytes, int count, OutcomeListener target);

    /** Seals the open batch so it is sent without waiting for linger. */
    void flush();

    /** Sends what is open and accepts nothing more; outcomes of logs already appended still arrive. */
    @Override
    void close();
}
