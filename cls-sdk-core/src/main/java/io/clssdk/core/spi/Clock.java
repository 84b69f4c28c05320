package io.clssdk.core.spi;

/** The time source of everything that signs, expires or waits, so tests can move time instead of sleeping. */
public interface Clock {
    /** Wall-clock time in milliseconds since the epoch (used for signatures and log times). */
    long currentTimeMillis();

    /** A monotonic reading in nanoseconds (used for timeouts, linger and backoff). */
    long nanoTime();

    /**
     * Registers {@code listener} to run whenever this clock jumps forward other than by the passage of real time, so a
     * thread waiting for a deadline re-evaluates it. The real clock never jumps and ignores listeners; a test clock
     * calls them when the test advances it.
     */
    default void onAdvance(Runnable listener) {}
}
