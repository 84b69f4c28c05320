package io.clssdk.producer.internal;

import io.clssdk.core.spi.GroupTrailer;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Everything the producer keeps per topic: the partitions senders append to (the default one and one per hash key),
 * and — owned by the sender thread — the sealed batches ready to go and the adaptive concurrency limit.
 *
 * <p>The limit follows AIMD: a 429 halves it (never below one request) and pauses the topic; every success adds
 * {@code 1/limit}, so it climbs back by about one request per round of successes, up to the number of I/O threads.
 */
final class TopicState {
    final String topicId;
    private final Accumulator accumulator;
    private final GroupTrailer trailer;
    private final AtomicReference<Partition> defaultPartition = new AtomicReference<>();
    private final ConcurrentHashMap<String, Partition> byHashKey = new ConcurrentHashMap<>();

    // sender-owned: the sealed batches ready to go, whether the sender's work list holds this topic, and the limit
    private final ArrayDeque<Batch> ready = new ArrayDeque<>();
    private boolean queued;
    private int inFlight;
    private int throttles;
    private long pausedUntilNanos;
    private final int maxLimit;
    private double limit;
    /**
     * Written by the sender, read by any thread: as many requests in flight as the limit allows (at least one). A batch
     * sealed meanwhile cannot go before one of them returns, and that return wakes the sender anyway.
     */
    private volatile boolean saturated;

    TopicState(Accumulator accumulator, String topicId, GroupTrailer trailer, int maxLimit) {
        this.accumulator = accumulator;
        this.topicId = topicId;
        this.trailer = trailer;
        this.maxLimit = maxLimit;
        this.limit = maxLimit;
    }

    /** The partition for {@code hashKey} (null for none), created on first use. */
    Partition partition(String hashKey) {
        if (hashKey == null) {
            Partition p = defaultPartition.get();
            if (p == null) {
                Partition created = accumulator.register(
                        new Partition(accumulator, this, null, trailer, accumulator.sendLimits, false));
                if (defaultPartition.compareAndSet(null, created)) {
                    return created;
                }
                accumulator.unregister(created);
                return defaultPartition.get();
            }
            return p;
        }
        Partition p = byHashKey.get(hashKey);
        if (p != null) {
            return p;
        }
        return byHashKey.computeIfAbsent(
                hashKey,
                k -> accumulator.register(new Partition(accumulator, this, k, trailer, accumulator.sendLimits, false)));
    }

    /** Forgets a retired partition so the next lookup creates a fresh one. */
    void forget(Partition retired) {
        if (retired.hashKey == null) {
            defaultPartition.compareAndSet(retired, null);
        } else {
            byHashKey.remove(retired.hashKey, retired);
        }
    }

    /** A sealed batch may go as soon as the limit allows. */
    void addReady(Batch b) {
        ready.addLast(b);
    }

    /** True if a batch is ready and the concurrency limit allows one more request. */
    boolean mayDispatch() {
        return !ready.isEmpty() && !atLimit();
    }

    /** As many requests in flight as the limit allows: what {@link #mayDispatch} and {@link #saturated} test. */
    private boolean atLimit() {
        return inFlight >= limit();
    }

    /** Takes the next ready batch (after {@link #mayDispatch()}). */
    Batch pollReady() {
        return ready.pollFirst();
    }

    boolean hasReady() {
        return !ready.isEmpty();
    }

    /** Hands each ready batch to {@code action} (sender thread). */
    void forEachReady(Consumer<Batch> action) {
        ready.forEach(action);
    }

    /** Takes the ready batches whose delivery timeout passed and hands each to {@code expired}. */
    void expireReady(long nowNanos, Consumer<Batch> expired) {
        KeyLane.removeExpired(ready, nowNanos, expired);
    }

    /** A batch of this topic went to an I/O thread. */
    void dispatched() {
        inFlight++;
        updateSaturated();
    }

    /** An I/O thread returned a batch of this topic. */
    void returned() {
        inFlight--;
        updateSaturated();
    }

    /** Whether a batch sealed now can wait for the sender's next wake-up: see {@link Sender#sealed}. Any thread. */
    boolean saturated() {
        return saturated;
    }

    private void updateSaturated() {
        boolean now = inFlight > 0 && atLimit();
        if (now != saturated) {
            saturated = now;
        }
    }

    int inFlight() {
        return inFlight;
    }

    /**
     * Puts the topic on the sender's work list: true if it has ready batches and was not on it, and the caller must
     * add it now; false if it is already listed or has nothing to send.
     */
    boolean enlist() {
        if (queued || ready.isEmpty()) {
            return false;
        }
        queued = true;
        return true;
    }

    /** The sender took the topic off its work list. */
    void delisted() {
        queued = false;
    }

    /** Until when the topic is paused after a 429 (a past time when it is not). */
    long pausedUntilNanos() {
        return pausedUntilNanos;
    }

    /** 429s in a row since the last success: the exponent of the next pause. */
    int throttles() {
        return throttles;
    }

    int limit() {
        return Math.max(1, (int) limit);
    }

    void onSuccess() {
        throttles = 0;
        limit = Math.min(maxLimit, limit + 1.0 / limit);
        updateSaturated();
    }

    void onThrottled(long pausedUntil) {
        throttles++;
        limit = Math.max(1, limit / 2);
        pausedUntilNanos = Math.max(pausedUntilNanos, pausedUntil);
        updateSaturated();
    }

    @Override
    public String toString() {
        return "TopicState{" + topicId + ", inFlight=" + inFlight + ", limit=" + limit + '}';
    }
}
