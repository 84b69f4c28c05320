package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.GroupTrailer;
import io.clssdk.core.spi.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the partition a log goes to and holds the settings every partition shares. Topics are validated once, when
 * first seen; partitions idle for a while are retired so that many short-lived hash keys do not accumulate.
 */
final class Accumulator {
    private static final Logger LOG = LoggerFactory.getLogger(Accumulator.class);
    final BufferPool pool;
    final Sender sender;
    final Clock clock;
    final ContextFlows contextFlows;
    /** The limits of {@code send()}'s partitions. */
    final BatchLimits sendLimits;
    /** The limits of the dedicated streams ({@link #stream}). */
    final BatchLimits streamLimits;

    final long deliveryTimeoutNanos;
    private final GroupTrailer defaultTrailer;
    private final int maxTopicConcurrency;
    private final ConcurrentHashMap<String, TopicState> topics = new ConcurrentHashMap<>();
    private final Set<Partition> partitions = ConcurrentHashMap.newKeySet();
    /** Every batch created and not yet through its callbacks (for flush and close). */
    final Set<Batch> incomplete;
    /** The disk spool sealed batches are written to, or null; set once, before any log is appended. */
    Spool spool;

    private long nextResendNanos;

    /** Set by {@link #close()} before it seals everything; checked under each partition's lock. */
    private volatile boolean closed;

    Accumulator(
            BufferPool pool,
            Sender sender,
            Clock clock,
            ContextFlows contextFlows,
            BatchLimits sendLimits,
            BatchLimits streamLimits,
            long deliveryTimeoutNanos,
            GroupTrailer defaultTrailer,
            int maxTopicConcurrency,
            Set<Batch> incomplete) {
        this.pool = pool;
        this.sender = sender;
        this.clock = clock;
        this.contextFlows = contextFlows;
        this.sendLimits = sendLimits;
        this.streamLimits = streamLimits;
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
        return register(new Partition(this, topic, hashKey, trailer, streamLimits, true));
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

    /**
     * Hands the batches an earlier process left in the spool to the sender, in their order, before any new log: each
     * hash key's replayed batches go ahead of its new ones. A record whose topic or hash key is no longer valid is
     * dropped with an ERROR.
     */
    void replay(List<SpoolEntry> entries) {
        long now = clock.nanoTime();
        for (SpoolEntry e : entries) {
            Partition p;
            try {
                p = partition(e.topicId, e.hashKey);
            } catch (ClsClientException x) {
                LOG.error("Dropping {} spooled logs of topic {}: {}", e.logs, e.topicId, x.getMessage());
                spool.settle(e);
                continue;
            }
            Batch b = new Batch(p, e, now, now + deliveryTimeoutNanos);
            incomplete.add(b);
            sender.sealed(b);
        }
    }

    /**
     * Sends again, at most once per {@code resendDelayNanos}, the spooled batches that failed transiently (delivery
     * timeout, retries exhausted) since the last time: the spool keeps them, and a batch that is never done would
     * hold its segment until the next start (sender thread, housekeeping).
     */
    void resendKept(long nowNanos, long resendDelayNanos) {
        if (spool == null || spool.kept.isEmpty() || nowNanos < nextResendNanos) {
            return;
        }
        nextResendNanos = nowNanos + resendDelayNanos;
        List<SpoolEntry> again = new ArrayList<>();
        for (SpoolEntry e; (e = spool.kept.poll()) != null; ) {
            again.add(e);
        }
        replay(again);
    }

    /** Waits while the disk spool is full (policy BLOCK), as long as it takes: the tailer's backpressure. */
    void awaitSpoolSpace() {
        if (spool != null) {
            spool.awaitSpace(Long.MAX_VALUE / 4);
        }
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
