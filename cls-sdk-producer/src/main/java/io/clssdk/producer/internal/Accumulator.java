package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.GroupTrailer;
import io.clssdk.core.spi.Limits;
import io.clssdk.core.spi.LogGroupListEncoder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the partition a log goes to and holds the settings every partition shares. Topics are validated once, when
 * first seen; partitions idle for a while are retired so that many short-lived hash keys do not accumulate.
 */
final class Accumulator {
    final BufferPool pool;
    final Sender sender;
    final Clock clock;
    final ContextFlows contextFlows;
    final int maxBatchBytes;
    final int maxBatchCount;
    final long deliveryTimeoutNanos;
    private final GroupTrailer defaultTrailer;
    private final int maxTopicConcurrency;
    private final ConcurrentHashMap<String, TopicState> topics = new ConcurrentHashMap<>();
    private final Set<Partition> partitions = ConcurrentHashMap.newKeySet();
    /** Every batch created and not yet through its callbacks (for flush and close). */
    final Set<Batch> incomplete;
    /** Set by {@link #close()} before it seals everything; checked under each partition's lock. */
    private volatile boolean closed;

    Accumulator(
            BufferPool pool,
            Sender sender,
            Clock clock,
            ContextFlows contextFlows,
            int maxBatchBytes,
            int maxBatchCount,
            long deliveryTimeoutNanos,
            GroupTrailer defaultTrailer,
            int maxTopicConcurrency,
            Set<Batch> incomplete) {
        this.pool = pool;
        this.sender = sender;
        this.clock = clock;
        this.contextFlows = contextFlows;
        this.maxBatchBytes = maxBatchBytes;
        this.maxBatchCount = maxBatchCount;
        this.deliveryTimeoutNanos = deliveryTimeoutNanos;
        this.defaultTrailer = defaultTrailer;
        this.maxTopicConcurrency = maxTopicConcurrency;
        this.incomplete = incomplete;
    }

    /**
     * The partition for a topic and optional hash key.
     *
     * @throws ClsClientException with reason INVALID_ARGUMENT for a blank topic id or a malformed hash key
     */
    Partition partition(String topicId, String hashKey) {
        TopicState topic = topics.get(topicId);
        if (topic == null) {
            Limits.checkTopicId(topicId);
            topic = topics.computeIfAbsent(topicId, t -> new TopicState(this, t, defaultTrailer, maxTopicConcurrency));
        }
        if (hashKey != null) {
            Limits.checkHashKey(hashKey);
        }
        return topic.partition(hashKey);
    }

    /** A dedicated partition with its own group metadata (the tailer's per-file stream). */
    Partition stream(String topicId, String hashKey, GroupTrailer trailer) {
        Limits.checkTopicId(topicId);
        Limits.checkHashKey(hashKey);
        TopicState topic =
                topics.computeIfAbsent(topicId, t -> new TopicState(this, t, defaultTrailer, maxTopicConcurrency));
        return register(new Partition(this, topic, hashKey, trailer, true));
    }

    Partition register(Partition p) {
        partitions.add(p);
        return p;
    }

    void unregister(Partition p) {
        partitions.remove(p);
    }

    Set<Partition> partitions() {
        return partitions;
    }

    /** The body limit for a batch whose first log has {@code length} bytes: normally maxBatchBytes; a larger log
     * travels alone in a batch of exactly its size. */
    int batchLimitFor(int length, int trailerMax) {
        int needed = LogGroupListEncoder.HEADER_RESERVE + length + trailerMax;
        return Math.max(maxBatchBytes, needed);
    }

    /**
     * Closes for good: no batch opens after this (partitions check under their lock), a {@code send()} waiting for
     * memory fails with CLOSED at once (memory may never come back), and every open batch is sealed, so every
     * accepted log is in a sealed batch when this returns.
     */
    void close() {
        closed = true;
        pool.close();
        sealAll();
    }

    /** True once {@link #close()} started. */
    boolean isClosed() {
        return closed;
    }

    /** Seals every open batch (flush, close). */
    void sealAll() {
        for (Partition p : partitions) {
            p.sealNow();
        }
    }

    /** Retires partitions idle longer than {@code idleNanos} (sender thread). Streams are retired by their owner. */
    void retireIdlePartitions(long nowNanos, long idleNanos) {
        for (Partition p : partitions) {
            if (!p.dedicated && p.retireIfIdle(nowNanos, idleNanos)) {
                p.topic.forget(p);
                partitions.remove(p);
            }
        }
    }
}
