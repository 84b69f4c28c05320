package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    @Test
    void computesAKeyOnceWhileItIsKept() {
        AtomicInteger computed = new AtomicInteger();
        BoundedCache<String, String> cache = new BoundedCache<>(4, k -> {
            computed.incrementAndGet();
            return new String(k + "!");
        });
        String first = cache.get("a");
        assertSame(first, cache.get("a"));
        assertEquals("a!", first);
        assertEquals(1, computed.get());
    }

    @Test
    void neverHoldsMoreThanItsBound() {
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(100, k -> k * 2);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(2 * i, cache.get(i));
            assertTrue(cache.size() <= 100, "size " + cache.size() + " after key " + i);
        }
        assertEquals(100, cache.size());
    }

    /**
     * Keys used in turn, half again as many as the bound (a producer writing to more topics than it keeps): most still
     * hit. A cache that empties itself when full misses on almost every one of them.
     */
    @Test
    void aWorkingSetBeyondTheBoundStillMostlyHits() {
        AtomicInteger computed = new AtomicInteger();
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(100, k -> {
            computed.incrementAndGet();
            return k;
        });
        for (int k = 0; k < 150; k++) {
            cache.get(k);
        }
        computed.set(0);
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 150; k++) {
                cache.get(k);
            }
        }
        double missRate = computed.get() / (rounds * 150.0);
        assertTrue(missRate < 0.5, "miss rate " + missRate);
    }

    @Test
    void refusesABoundBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, String>(0, k -> k));
    }
}
