package io.clssdk.producer.internal;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free latency histogram with exponential buckets 10 % wide, from 1 µs to about 3 hours. Percentiles are
 * bucket upper bounds, so within 10 % of the true value.
 */
final class LatencyHistogram {
    private static final double GROWTH = 1.1;
    private static final int BUCKETS = 240;
    private static final double LOG_GROWTH = Math.log(GROWTH);

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder total = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();
    private volatile long maxNanos;

    void record(long nanos) {
        long micros = Math.max(1, nanos / 1000);
        int bucket = (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(micros) / LOG_GROWTH));
        counts.incrementAndGet(bucket);
        total.increment();
        sumNanos.add(nanos);
        if (nanos > maxNanos) {
            synchronized (this) {
                if (nanos > maxNanos) {
                    maxNanos = nanos;
                }
            }
        }
    }

    double meanMs() {
        long n = total.sum();
        return n == 0 ? 0 : sumNanos.sum() / (double) n / 1e6;
    }

    double maxMs() {
        return maxNanos / 1e6;
    }

    /** The upper bound of the bucket holding the {@code q} quantile, in milliseconds. */
    double quantileMs(double q) {
        long n = total.sum();
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts.get(b);
            if (seen >= rank) {
                return Math.min(Math.pow(GROWTH, b) / 1000.0, maxMs());
            }
        }
        return maxMs();
    }
}
