package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theCeilingDoublesFromTheBaseUpToTheMaximum() {
        Backoff b = new Backoff(200, 5_000, bound -> bound);
        long[] expected = {200, 400, 800, 1600, 3200, 5000, 5000};
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], b.ceiling(step), "step " + step);
        }
    }

    @Test
    void theCeilingSaturatesInsteadOfOverflowing() {
        Backoff b = new Backoff(3, Long.MAX_VALUE, bound -> bound);
        assertEquals(3L << 61, b.ceiling(61));
        assertEquals(Long.MAX_VALUE, b.ceiling(62), "3 * 2^62 does not fit a long");
        assertEquals(Long.MAX_VALUE, b.ceiling(63));
        assertEquals(Long.MAX_VALUE, b.ceiling(Integer.MAX_VALUE));
        Backoff nanos = new Backoff(100_000_000L, 10_000_000_000L, bound -> bound);
        for (int step = 0; step < 200; step++) {
            long c = nanos.ceiling(step);
            assertTrue(c >= 100_000_000L && c <= 10_000_000_000L, "step " + step + ": " + c);
        }
    }

    @Test
    void aZeroBaseNeverWaits() {
        Backoff b = new Backoff(0, 5_000, bound -> bound);
        assertEquals(0, b.ceiling(0));
        assertEquals(0, b.ceiling(100));
        assertEquals(0, b.delay(100));
    }

    @Test
    void theDrawIsClampedIntoZeroAndTheCeiling() {
        assertEquals(800, new Backoff(200, 5_000, bound -> bound * 10).delay(2));
        assertEquals(0, new Backoff(200, 5_000, bound -> -7).delay(2));
        assertEquals(123, new Backoff(200, 5_000, bound -> 123).delay(2));
    }

    @Test
    void fullJitterSpreadsOverTheRangeBelowTheCeiling() {
        for (Backoff b :
                new Backoff[] {Backoff.fullJitter(200, 5_000), Backoff.fullJitter(200, 5_000, new Random(7))}) {
            Set<Long> seen = new HashSet<>();
            long max = 0;
            for (int i = 0; i < 2_000; i++) {
                long d = b.delay(2);
                assertTrue(d >= 0 && d < 800, "delay " + d);
                seen.add(d);
                max = Math.max(max, d);
            }
            assertTrue(seen.size() > 100, "delays are random: " + seen.size() + " distinct values");
            assertTrue(max > 400, "the upper half of the range is reached: " + max);
        }
    }

    @Test
    void aSeededRandomGivesRepeatableDelays() {
        Backoff a = Backoff.fullJitter(100, 10_000, new Random(1));
        Backoff b = Backoff.fullJitter(100, 10_000, new Random(1));
        for (int step = 0; step < 20; step++) {
            assertEquals(a.delay(step), b.delay(step), "step " + step);
        }
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(-1, 2, bound -> bound));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(3, 2, bound -> bound));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(1, 2, bound -> bound).ceiling(-1));
    }
}
