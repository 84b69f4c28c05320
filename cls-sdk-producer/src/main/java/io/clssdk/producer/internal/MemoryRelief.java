package io.clssdk.producer.internal;

/**
 * What the sender does when the pool's free bytes are below {@link BufferPool#lowWaterBytes()} (a quarter of the
 * total): with a disk spool, waiting sealed batches give their buffers back first ({@link #spillWaiting}); then the
 * open batches nearest the end of their linger are sealed early, paced by the I/O threads ({@link #relieve}).
 *
 * <p>It runs only on the sender thread, as a step of its scheduling round ({@link Sender#runOnce}), and holds no
 * scheduling state of its own: it reads the sender's {@link EndpointHealth}, and the sender lends it its linger queue,
 * retry queue and topic work list for the call, staying their only owner. Sealing goes through {@link Partition#sealIfOpen} (the partition's lock), spilling through
 * {@link Batch#spill} on batches the sender owns; the pool and the in-flight count are thread-safe.
 */
final class MemoryRelief {
    private final Accumulator accumulator;
    private final ProducerStats stats;
    private final EndpointHealth health;
    private final int ioThreads;

    MemoryRelief(Accumulator accumulator, ProducerStats stats, EndpointHealth health, int ioThreads) {
        this.accumulator = accumulator;
        this.stats = stats;
        this.health = health;
        this.ioThreads = ioThreads;
    }

    /**
     * When the pool's free bytes are below {@link BufferPool#lowWaterBytes()} (a quarter of the total), seals the open
     * batches nearest the end of their linger, linger or not, as fast as the I/O threads can take them: while fewer
     * sealed batches are pending than twice the I/O threads (so that a thread finishing a request finds the next one
     * queued). Many topics or hash keys each keep a mostly empty batch open; waiting out their linger would hold the
     * memory that new logs need, and a {@code send()} with a short maxBlock would be refused although the endpoint has
     * capacity to spare. Paced by the I/O this way, batches are cut early only as fast as their memory can come back:
     * sealing more would only make batches smaller (more requests for the same logs) when the endpoint is the
     * bottleneck, and it stops altogether while sealed batches wait (an endpoint that is down, retries). Each batch
     * returning from an I/O thread wakes this thread for the next one. Hash-key order is untouched: a partition's
     * batches are still sealed in order.
     *
     * @param lingering the sender's open batches, the one whose linger ends first first
     * @param retrying the sender's batches waiting for a retry
     * @param topicsWithWork the sender's topics with sealed batches ready to go
     */
    void relieve(LingerTimers lingering, Iterable<Batch> retrying, Iterable<TopicState> topicsWithWork) {
        BufferPool pool = accumulator.pool;
        if (pool.availableBytes() >= pool.lowWaterBytes()) {
            return;
        }
        if (accumulator.spool != null) {
            spillWaiting(pool, retrying, topicsWithWork);
        }
        if (health.down() || pool.availableBytes() >= pool.lowWaterBytes()) {
            return;
        }
        while (stats.batchesInFlight.get() < 2 * ioThreads) {
            Batch next = lingering.pollFirst(); // one sealed meanwhile may have left its entry: sealIfOpen skips it
            if (next == null) {
                return;
            }
            next.partition.sealIfOpen(next);
        }
    }

    /**
     * With a disk spool, sealed batches waiting for a retry or for their turn give their buffers back to the pool
     * (they are on disk, and are read back before they are sent), oldest retry first, until a quarter of the pool is
     * free: an outage longer than the memory buffer then fills the spool, up to its maxBytes, instead of blocking
     * {@code send()}. Batches queued behind their hash key and open batches keep their memory.
     */
    private static void spillWaiting(BufferPool pool, Iterable<Batch> retrying, Iterable<TopicState> topicsWithWork) {
        for (Batch b : retrying) {
            if (pool.availableBytes() >= pool.lowWaterBytes()) {
                return;
            }
            b.spill(pool);
        }
        for (TopicState topic : topicsWithWork) {
            if (pool.availableBytes() >= pool.lowWaterBytes()) {
                return;
            }
            topic.forEachReady(b -> b.spill(pool));
        }
    }
}
