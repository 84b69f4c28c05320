package io.clssdk.core.internal.time;

/** The time source of everything that signs, expires or waits, so tests can move time instead of sleeping. */
public interface Clock {
    /** Wall-clock time in milliseconds since the epoch (used for signatures and log times). */
    long currentTimeMillis();

    /** A monotonic reading in nanoseconds (used for timeouts, linger and backoff). */
    long nanoTime();
}
