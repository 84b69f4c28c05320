package io.clssdk.core.internal.api;

import io.clssdk.core.ClsClientException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * How many attempts a call gets and how long to wait between them: capped exponential backoff with full jitter
 * (before retry {@code n} wait a uniformly random time in {@code [0, min(max, base * 2^(n-1))]}). Immutable.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final long baseMs;
    private final long maxMs;
    private final LongUnaryOperator jitter;
    private final Sleeper sleeper;

    /**
     * @param jitter maps a bound {@code b >= 0} to a wait in {@code [0, b]}
     * @param sleeper performs the wait
     */
    public RetryPolicy(int maxAttempts, long baseMs, long maxMs, LongUnaryOperator jitter, Sleeper sleeper) {
        if (maxAttempts < 1 || baseMs < 0 || maxMs < baseMs) {
            throw new IllegalArgumentException(
                    "invalid retry policy: maxAttempts=" + maxAttempts + " baseMs=" + baseMs + " maxMs=" + maxMs);
        }
        this.maxAttempts = maxAttempts;
        this.baseMs = baseMs;
        this.maxMs = maxMs;
        this.jitter = jitter;
        this.sleeper = sleeper;
    }

    /** Random full jitter and real sleeping. */
    public static RetryPolicy withJitter(int maxAttempts, long baseMs, long maxMs) {
        return new RetryPolicy(
                maxAttempts, baseMs, maxMs, bound -> ThreadLocalRandom.current().nextLong(bound + 1), Sleeper.SYSTEM);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The upper bound of the wait before retry {@code retry} (1 for the first retry). */
    public long capMs(int retry) {
        int shift = Math.min(retry - 1, 30);
        long exponential = baseMs << shift;
        return exponential < 0 || exponential > maxMs ? maxMs : exponential;
    }

    /** The wait before retry {@code retry}, within {@code [0, capMs(retry)]}. */
    public long delayMs(int retry) {
        long cap = capMs(retry);
        long delay = jitter.applyAsLong(cap);
        return Math.max(0, Math.min(cap, delay));
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
