package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void quantilesAreWithinTenPercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            h.record(ms * 1_000_000L);
        }
        assertEquals(500.5, h.meanMs(), 0.001);
        assertEquals(1000.0, h.maxMs(), 0.001);
        double p99 = h.quantileMs(0.99);
        assertTrue(p99 >= 990 && p99 <= 990 * 1.1, "p99 " + p99);
        double p50 = h.quantileMs(0.5);
        assertTrue(p50 >= 500 && p50 <= 550, "p50 " + p50);
    }

    @Test
    void emptyIsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.quantileMs(0.99), 0);
        assertEquals(0, h.meanMs(), 0);
    }
}
