package io.clssdk.core.spi;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe cache of values computed from their keys, holding about {@code maxEntries} (threads missing at the
 * same moment may each add one before the next eviction). When it is full, an added entry takes the place of one
 * arbitrary entry: a working set larger than the bound keeps hitting in proportion to the part that fits, where
 * emptying the whole cache would make every key miss again. Two threads missing on one key may both compute it; the
 * values must be interchangeable.
 */
final class BoundedCache<K, V> {
    private final int maxEntries;
    private final Function<K, V> compute;
    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();

    BoundedCache(int maxEntries, Function<K, V> compute) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.compute = compute;
    }

    /** The value for {@code key}, computed (and kept) on a miss. */
    V get(K key) {
        V value = entries.get(key);
        if (value != null) {
            return value;
        }
        value = compute.apply(key);
        if (entries.size() >= maxEntries) {
            Iterator<K> it = entries.keySet().iterator();
            if (it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        entries.put(key, value);
        return value;
    }

    /** Entries kept now (for tests). */
    int size() {
        return entries.size();
    }
}
