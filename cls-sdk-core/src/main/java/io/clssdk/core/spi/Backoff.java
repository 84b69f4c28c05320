package io.clssdk.core.spi;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Capped exponential backoff with full jitter, in whatever unit its caller uses (milliseconds for the Cloud API
 * client, nanoseconds for the producer): step {@code n} (0 for the first wait) waits a random time in {@code [0,
 * ceiling(n)]} where {@code ceiling(n) = min(max, base * 2^n)}. Full jitter spreads the retries of many clients that
 * failed together over the whole interval instead of bunching them at its end. Immutable; thread-safe when its draw
 * is.
 *
 * <p>The ceiling saturates: any {@code n}, however large, gives at most {@code max} and never overflows. The random
 * draw is a separate function so tests can make it fixed (for example {@code bound -> bound}); whatever it returns is
 * clamped into {@code [0, ceiling(n)]}.
 */
public final class Backoff {
    private final long base;
    private final long max;
    private final LongUnaryOperator draw;

    /**
     * @param base the ceiling of step 0, {@code >= 0}
     * @param max the largest ceiling, {@code >= base}
     * @param draw maps a bound {@code b >= 0} to a wait in {@code [0, b]}
     * @throws IllegalArgumentException if {@code base < 0} or {@code max < base}
     */
    public Backoff(long base, long max, LongUnaryOperator draw) {
        if (base < 0 || max < base) {
            throw new IllegalArgumentException("invalid backoff: base=" + base + " max=" + max);
        }
        this.base = base;
        this.max = max;
        this.draw = draw;
    }

    /** Full jitter drawn from the calling thread's {@link ThreadLocalRandom}. */
    public static Backoff fullJitter(long base, long max) {
        return new Backoff(base, max, bound -> uniformBelow(ThreadLocalRandom.current(), bound));
    }

    /**
     * Full jitter drawn from {@code random} (seeded in tests for repeatable runs); calls on {@code random} are
     * synchronized on it, so one instance may serve several threads.
     */
    public static Backoff fullJitter(long base, long max, Random random) {
        return new Backoff(base, max, bound -> {
            synchronized (random) {
                return uniformBelow(random, bound);
            }
        });
    }

    /** A uniform value in {@code [0, bound)}, or 0 for a bound of 0. */
    private static long uniformBelow(Random random, long bound) {
        return (long) (random.nextDouble() * bound);
    }

    /** {@code min(max, base * 2^step)} for {@code step >= 0}, without overflow. */
    public long ceiling(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (base == 0) {
            return 0;
        }
        return step >= Long.SIZE - 1 || base > (max >>> step) ? max : base << step;
    }

    /** A wait for step {@code step}: the draw over {@link #ceiling(int)}, clamped into {@code [0, ceiling(step)]}. */
    public long delay(int step) {
        long ceiling = ceiling(step);
        return Math.max(0, Math.min(ceiling, draw.applyAsLong(ceiling)));
    }
}
