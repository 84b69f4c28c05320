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
     * Lends the room left behind the last log appended with {@code target} to the stream's owner, so that the logs
     * after it for the same target are encoded straight into the stream's buffer instead of being copied there. The
     * owner writes each log at {@link Room#position()}, reports it with {@link Room#added}, and must give the room back
     * ({@link Room#giveBack()} or {@link Room#abandon()}) before it appends, flushes or closes again. While the room is
     * lent nothing else seals the batch it lies in: a linger, flush or close that comes due meanwhile is carried out
     * when the room comes back. So an owner gives it back after each piece of work (the tailer: each chunk of lines).
     *
     * @return the room, or null when there is none (the batch was sealed, or this stream does not lend): then append
     */
    default Room lend(OutcomeListener target) {
        return null;
    }

    /** Room in a stream's buffer lent to its owner ({@link #lend}). Not thread-safe: the owner's. */
    interface Room {
        /** The array to write the next log into, at {@link #position()}. */
        byte[] array();

        /** Where the next log goes. */
        int position();

        /** Whether an encoded log of {@code length} bytes fits (in bytes and in the batch's count of logs). */
        boolean fits(int length);

        /**
         * Counts the log of {@code length} bytes, with {@code valueBytes} of values, that the owner wrote at {@link
         * #position()}: one {@code LogGroup.logs} entry, as {@link #append} takes; it must {@linkplain #fits fit}.
         */
        void added(int length, int valueBytes);

        /** The logs added so far. */
        int logs();

        /**
         * Appends the logs added, for the target the room was lent for, and ends the loan.
         *
         * @throws io.clssdk.core.ClsClientException with reason {@code CLOSED} if the producer was closed meanwhile;
         *     then none of them was appended
         */
        void giveBack();

        /** Ends the loan without appending the logs written into the room. */
        void abandon();
    }

    /** Sends what this stream has buffered without waiting for linger. */
    void flush();

    /** Sends what is open and accepts nothing more; outcomes of logs already appended still arrive. */
    @Override
    void close();
}
