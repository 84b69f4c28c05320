package io.clssdk.tailer;

/**
 * Complete lines of one file handed to {@link TailSink#accept(LineChunk)}: a window of the tailer's read buffer plus
 * the position of each line in it.
 *
 * <p>{@link #buffer()}, {@link #lineStart(int)}, {@link #lineEnd(int)} and {@link #truncated(int)} are valid only
 * during {@code accept} and throw {@link IllegalStateException} afterwards; {@link #file()}, {@link #lineCount()},
 * the offsets, {@link #readTimeMillis()} and {@link #acknowledge()} stay usable. Lines never include their {@code \n}
 * nor a {@code \r} right before it.
 */
public interface LineChunk {
    /** The file the lines come from (its path at the time they were read). */
    TailedFile file();

    /** The bytes the line positions refer to. Valid only during {@code accept}; do not modify. */
    byte[] buffer();

    /** The number of lines, at least 1. */
    int lineCount();

    /** Index in {@link #buffer()} of the first byte of line {@code i} (0-based). */
    int lineStart(int i);

    /** Index in {@link #buffer()} just after line {@code i}; excludes the {@code \n} and a trailing {@code \r}. */
    int lineEnd(int i);

    /**
     * True when line {@code i} was longer than {@link TailerOptions#maxLineBytes()} and was cut to that many bytes;
     * the rest of the line up to its {@code \n} was skipped.
     */
    boolean truncated(int i);

    /** File offset of the first byte the chunk covers. */
    long startOffset();

    /**
     * File offset just after the last byte the chunk covers: after the last line's {@code \n}, or the end of the file
     * for a partial last line flushed after {@linkplain TailerOptions#partialLineFlushIdle() idle time}.
     */
    long endOffset();

    /** When the tailer read the chunk, in milliseconds since the epoch (the tailer's clock). */
    long readTimeMillis();

    /**
     * Declares every line of the chunk delivered, so the tailer may commit offsets up to {@link #endOffset()} once the
     * chunks before it are acknowledged too. Idempotent; callable from any thread at any time, also after the tailer
     * stopped (it then has no effect). Never blocks.
     */
    void acknowledge();

    /**
     * Declares that the chunk's lines could not be delivered now for a reason that is not theirs (the endpoint is
     * unreachable or refuses service, credentials expired, the delivery timed out, a buffer is full or closed), so
     * they must not be skipped. The tailer then keeps the file's checkpoint where it is and stops reading that file
     * (other files go on); once every chunk it handed out for the file has been acknowledged or declared so, it calls
     * {@link TailSink#fileRewound} and, after a backoff (1 s doubling to 30 s, with jitter), reads the file again from
     * its committed offset, one small probe chunk at a time until a chunk is acknowledged. Lines after the committed
     * offset may therefore be offered twice. Logs that can never be delivered (rejected as invalid) should be recorded
     * and {@linkplain #acknowledge() acknowledged} instead, or the file never moves past them.
     *
     * <p>Idempotent, and a no-op after {@link #acknowledge()} (or after the tailer rewound or stopped); callable from
     * any thread. Never blocks.
     *
     * @param reason what failed, shown in {@link FileStatus#lastDeliveryError()} and logs
     */
    void retryLater(String reason);
}
