package io.clssdk.producer;

/**
 * A stream of already-encoded logs into a producer, with its own log-group metadata (a file name and tags): how
 * cls-sdk-tailer ships a followed file, one stream per file, without building a {@code LogRecord} per line. Logs
 * arrive as {@code LogGroup.logs} entries ({@code 0x0a len Log}, as {@code io.clssdk.core.spi.LogEncoder} writes
 * them); their outcomes go to the {@link OutcomeListener} they were appended with. Opened with {@link
 * ClsProducer#openStream}.
 *
 * <p>Unlike {@code ClsProducer.send()}, appending to the built-in producer's stream waits for buffer memory as long as
 * it takes: for a file reader that is the backpressure it wants. Not thread-safe: one owner appends.
 */
public interface EncodedLogStream extends AutoCloseable {
    /**
     * Appends one encoded log {@code log[0, length)} whose values hold {@code valueBytes} bytes of UTF-8.
     *
     * @throws io.clssdk.core.ClsClientException with reason {@code CLOSED} once the producer is closed,
     *     {@code INVALID_ARGUMENT} if the log cannot fit a request or is not a well-formed entry, {@code INTERRUPTED}
     *     if interrupted while waiting for memory
     * @throws IllegalStateException if this stream was closed
     */
    void append(byte[] log, int length, int valueBytes, OutcomeListener target);

    /** Whether an encoded log of {@code length} bytes with {@code valueBytes} of values fits one request. */
    boolean fitsOneRequest(int length, int valueBytes);

    /**
     * Appends {@code count} encoded logs at once: log {@code i} is {@code src[starts[i], starts[i + 1])} with
     * {@code valueBytes[i]} bytes of values; each must {@linkplain #fitsOneRequest fit a request}.
     *
     * @throws io.clssdk.core.ClsClientException as {@link #append}
     */
    void appendAll(byte[] src, int[] starts, int[] valueBytes, int count, OutcomeListener target);

    /** Sends what this stream has buffered without waiting for linger. */
    void flush();

    /** Sends what is open and accepts nothing more; outcomes of logs already appended still arrive. */
    @Override
    void close();
}
