package io.clssdk.tailer;

/**
 * Receives the lines the {@link Tailer} reads from the files of one {@link TailSource}, and acknowledges them.
 *
 * <p>Delivery is at-least-once: the tailer commits a file offset (and writes it to its checkpoint) only after every
 * chunk before it was {@linkplain LineChunk#acknowledge() acknowledged}. After a crash, lines whose chunks were not
 * acknowledged, or were acknowledged after the last checkpoint write, are offered again. A sink that cannot deliver
 * lines now, through no fault of theirs, declares the chunk {@link LineChunk#retryLater}: the tailer holds the file at
 * its committed offset, calls {@link #fileRewound} and offers the lines again after a backoff.
 *
 * <p>Threading: {@link #accept}, {@link #idle} and {@link #fileClosed} are called on the tailer's reader threads. Calls
 * for one file never overlap and arrive in file order; calls for different files may run concurrently when the tailer
 * has more than one reader thread.
 */
public interface TailSink {
    /**
     * Receives complete lines of one file, in file order. The chunk's {@linkplain LineChunk#buffer() bytes} and line
     * positions are valid only during this call (the tailer reuses its buffer): copy or encode what you need before
     * returning. Later, from any thread, call {@link LineChunk#acknowledge()} once every line of the chunk has been
     * delivered.
     *
     * <p>May block: that is backpressure, and the reader thread waits. If this method throws, the tailer logs the
     * exception and offers the same lines again later with a growing backoff (100 ms up to 10 s); it never skips them.
     *
     * @throws Exception to refuse the chunk for now
     */
    void accept(LineChunk chunk) throws Exception;

    /**
     * Called without data when a followed file has had no new complete line for the tailer's
     * {@linkplain TailerOptions#partialLineFlushIdle() idle time} after delivering at least one line (once per quiet
     * spell), for example to flush a pending multi-line entry. Default: does nothing.
     *
     * @param file the file that went quiet
     * @param nowMillis the tailer's clock in milliseconds since the epoch
     */
    default void idle(TailedFile file, long nowMillis) {}

    /**
     * The tailer stopped following this file: it was drained after a rotation or deletion, closed after
     * {@linkplain TailSource#fileTimeout() inactivity}, or the tailer stopped. Acknowledgements of its chunks are still
     * welcome afterwards. Default: does nothing.
     */
    default void fileClosed(TailedFile file) {}

    /**
     * A chunk of this file was {@linkplain LineChunk#retryLater declared undeliverable for now} and every chunk handed
     * out before has settled: the tailer goes back to the file's committed offset and will offer its lines again
     * (after a backoff). Drop whatever per-file state you hold <b>without emitting it</b> — a pending multi-line entry
     * included: its lines come again. Acknowledgements of chunks handed out before this call no longer count. Called on
     * a reader thread like {@link #accept}. Default: does nothing (right for a sink that keeps no state across chunks).
     *
     * @param file the file that will be read again from its committed offset
     */
    default void fileRewound(TailedFile file) {}
}
