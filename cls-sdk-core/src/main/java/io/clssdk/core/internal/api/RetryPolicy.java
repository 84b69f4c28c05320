package io.clssdk.core.internal.api;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.spi.Backoff;
import java.util.function.LongUnaryOperator;

/**
 * How many attempts a call gets and how long to wait between them: capped exponential backoff with full jitter
 * (before retry {@code n} wait a uniformly random time in {@code [0, min(max, base * 2^(n-1))]}), computed by the
 * shared {@link Backoff}. Immutable.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;

    /**
     * @param jitter maps a bound {@code b >= 0} to a wait in {@code [0, b]}
     * @param sleeper performs the wait
     * @throws IllegalArgumentException if {@code maxAttempts < 1}, {@code baseMs < 0} or {@code maxMs < baseMs}
     */
    public RetryPolicy(int maxAttempts, long baseMs, long maxMs, LongUnaryOperator jitter, Sleeper sleeper) {
        this(maxAttempts, new Backoff(baseMs, maxMs, jitter), sleeper);
    }

    /**
     * @param backoff the waits, in milliseconds
     * @param sleeper performs the wait
     * @throws IllegalArgumentException if {@code maxAttempts < 1}
     */
    public RetryPolicy(int maxAttempts, Backoff backoff, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("invalid retry policy: maxAttempts=" + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /** Random full jitter and real sleeping. */
    public static RetryPolicy withJitter(int maxAttempts, long baseMs, long maxMs) {
        return new RetryPolicy(maxAttempts, Backoff.fullJitter(baseMs, maxMs), Sleeper.SYSTEM);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The upper bound of the wait before retry {@code retry} (1 for the first retry). */
    public long capMs(int retry) {
        return backoff.ceiling(retry - 1);
    }

    /** The wait before retry {@code retry}, within {@code [0, capMs(retry)]}. */
    public long delayMs(int retry) {
        return backoff.delay(retry - 1);
    }

    /**
     * Waits before retry {@code retry}.
     *
     * @throws ClsClientException with reason {@code INTERRUPTED} (interrupt flag restored) if interrupted
     */
    public void sleepBeforeRetry(int retry) {
        try {
            sleeper.sleep(delayMs(retry));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClsClientException(
                    ClsClientException.Reason.INTERRUPTED, "interrupted while waiting to retry", e);
        }
    }
}
