package io.clssdk.producer.internal;

import io.clssdk.core.spi.LogGroupListEncoder;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Divides a batch CLS rejected for its content (state SPLIT) into two halves by log count, keeping their order: CLS
 * rejects a whole request for one bad log, so the halves are sent on their own, and split again while rejected, until
 * the bad logs travel alone and fail alone. Runs on the sender thread, which places the halves in the key's order.
 *
 * <p>Each half is a new sealed batch of the same partition (topic, hash key, group metadata) in a buffer of its own
 * from the {@link BufferPool}, counted there with its batch overhead and completion slots before it is built; the
 * parent's buffer and reservation go back to the pool once the halves hold its logs. Peak use is the parent plus its
 * halves, never above the pool's bound: when the pool cannot give both buffers now, nothing changes and the sender
 * tries again later. A half keeps the parent's creation time and delivery deadline (a log's deadline does not move)
 * and its attempt history, but starts its own attempt count and carries a new context flow: it is a different request
 * body, and its own retries repeat that flow.
 */
final class BatchSplitter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchSplitter.class);

    private final BufferPool pool;
    private final ContextFlows contextFlows;
    private final Set<Batch> incomplete;
    private final ProducerStats stats;
    /** SPLIT batches the pool had no memory for yet (sender thread). */
    private final ArrayDeque<Batch> awaitingMemory = new ArrayDeque<>();

    BatchSplitter(BufferPool pool, ContextFlows contextFlows, Set<Batch> incomplete, ProducerStats stats) {
        this.pool = pool;
        this.contextFlows = contextFlows;
        this.incomplete = incomplete;
        this.stats = stats;
    }

    /**
     * Splits {@code b} (SPLIT, more than one log): returns its two sealed halves, first half first, which now own its
     * logs; or null when it is not SPLIT any more (abandoned at close) or the pool lacks the memory for the halves now.
     */
    Batch[] trySplit(Batch b) {
        if (b.state() != Batch.State.SPLIT) {
            return null;
        }
        int mid = b.count() / 2;
        int midOffset = entryOffset(b.buf, mid);
        Batch first = half(b, 0, mid, LogGroupListEncoder.HEADER_RESERVE, midOffset);
        if (first == null) {
            return null;
        }
        Batch second = half(b, mid, b.count(), midOffset, b.size());
        if (second == null) {
            pool.release(first.buf, first.memory().reservedBytes());
            return null;
        }
        if (!b.splitInto(first, second)) { // abandoned at close meanwhile: it failed its logs itself
            pool.release(first.buf, first.memory().reservedBytes());
            pool.release(second.buf, second.memory().reservedBytes());
            return null;
        }
        stats.batchesInFlight.incrementAndGet(); // two sealed halves for one sealed parent
        incomplete.add(first);
        incomplete.add(second);
        b.releaseTo(pool);
        LOG.debug("CLS rejected the content of {}; resending its logs in two halves", b);
        return new Batch[] {first, second};
    }

    /** {@code b} could not be split for want of memory: {@link #retryAwaiting} offers it again. */
    void awaitMemory(Batch b) {
        awaitingMemory.addLast(b);
    }

    /**
     * Once per sender round, hands each batch waiting for memory to {@code expired} if its delivery deadline passed
     * (it fails with a delivery timeout) and else to {@code retry}, which may give it back to {@link #awaitMemory}.
     */
    void retryAwaiting(long nowNanos, Consumer<Batch> expired, Consumer<Batch> retry) {
        for (int i = awaitingMemory.size(); i > 0; i--) {
            Batch b = awaitingMemory.pollFirst();
            (nowNanos >= b.deadlineNanos ? expired : retry).accept(b);
        }
    }

    /** Logs {@code [fromLog, toLog)} of {@code b}, encoded in {@code b.buf[from, to)}, as a new sealed batch. */
    private Batch half(Batch b, int fromLog, int toLog, int from, int to) {
        CompletionRuns runs = b.completionRuns().slice(fromLog, toLog);
        long reserved = BatchMemory.reservedFor(runs);
        int size = LogGroupListEncoder.HEADER_RESERVE + (to - from) + b.partition.trailerMax;
        byte[] buf = pool.tryAllocate(size, (int) reserved);
        if (buf == null) {
            return null;
        }
        Batch half = new Batch(b, buf, runs, reserved);
        half.take(b.buf, from, to, toLog - fromLog);
        half.seal(contextFlows.next());
        return half;
    }

    /**
     * Where the encoded entry of log {@code index} starts in a batch buffer: entries ({@code 0x0a}, a varint length,
     * the {@code Log}) follow one another from {@link LogGroupListEncoder#HEADER_RESERVE}.
     */
    static int entryOffset(byte[] buf, int index) {
        int p = LogGroupListEncoder.HEADER_RESERVE;
        for (int i = 0; i < index; i++) {
            p++; // the tag of LogGroup.logs
            int length = 0;
            int shift = 0;
            byte x;
            do {
                x = buf[p++];
                length |= (x & 0x7f) << shift;
                shift += 7;
            } while (x < 0);
            p += length;
        }
        return p;
    }
}
