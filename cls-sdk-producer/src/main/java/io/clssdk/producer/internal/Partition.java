package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.spi.GroupTrailer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stream of batches for one (topic, hash key, group metadata): at most one open batch, appended to under this
 * partition's lock. Appending never blocks while holding the lock; when memory is short it releases the lock, seals
 * what it has so that it can be sent, and waits in the {@link BufferPool}.
 *
 * <p>A dedicated stream's owner may also borrow the room left in the open batch ({@link #lend}) and encode logs
 * straight into it, outside the lock; {@link #giveBack} appends them. While the room is lent the batch's bytes past
 * its size are the owner's, so nothing seals it: a seal that comes due (linger, flush, memory relief, close) is left to
 * the owner's {@code giveBack}, and appending is refused until then.
 *
 * <p>Its {@link KeyLane} is touched only by the sender thread (dispatch order and hash-key serialisation).
 */
final class Partition {
    final String topicId;
    final String hashKey;
    final GroupTrailer trailer;
    final int trailerMax;
    final TopicState topic;
    /** A stream owned by one caller (the tailer) rather than looked up per log; never retired for idleness. */
    final boolean dedicated;
    /** When this partition's batches are sealed: {@code send()}'s limits or the streams'. */
    final BatchLimits limits;

    private final Accumulator accumulator;
    private final ReentrantLock lock = new ReentrantLock();
    private Batch open;
    private int lastBatchBytes;
    /** Logs the previous batch held, and its completion targets per log: what {@link #prepay} expects. */
    private int lastBatchCount;

    private double lastRunsPerLog = 1.0;
    private boolean retired;
    /** The open batch's room lent to the stream's owner ({@link #lend}), or null; nothing seals a lent batch. */
    private LentRoom lent;
    /** A seal came due while the room was lent: the owner's {@link #giveBack} carries it out. */
    private boolean sealWanted;

    private long lastActivityNanos;

    /** Sender-owned: the send order of this partition's sealed batches (one at a time for a hash key). */
    final KeyLane lane;

    Partition(
            Accumulator accumulator,
            TopicState topic,
            String hashKey,
            GroupTrailer trailer,
            BatchLimits limits,
            boolean dedicated) {
        this.accumulator = accumulator;
        this.dedicated = dedicated;
        this.limits = limits;
        this.topic = topic;
        this.topicId = topic.topicId;
        this.hashKey = hashKey;
        this.trailer = trailer;
        this.trailerMax = trailer.size(ContextFlows.LONGEST);
        this.lane = new KeyLane(hashKey != null);
        this.lastActivityNanos = accumulator.clock.nanoTime();
    }

    /** Outcome of {@link #append}: appended, or the partition was retired and the caller must look it up again. */
    enum Appended {
        OK,
        RETIRED
    }

    /**
     * Appends one encoded log ({@code log[0, length)}), waiting for memory at most {@code maxWaitNanos} (the clock is
     * read only if it has to wait: an append that finds room costs no clock read).
     *
     * @throws ClsClientException with reason BUFFER_FULL when no memory came free in time, CLOSED when the producer
     *     closed meanwhile (also while this waited for memory), INTERRUPTED if interrupted
     */
    Appended append(byte[] log, int length, int valueBytes, Object target, long maxWaitNanos) {
        long deadlineNanos = 0;
        boolean waited = false;
        while (true) {
            int shortOf;
            lock.lock();
            try {
                if (accumulator.isClosed()) {
                    throw DefaultClsProducer.closedException();
                }
                if (retired) {
                    return Appended.RETIRED;
                }
                checkNotLent();
                shortOf = tryAppendLocked(log, 0, length, valueBytes, target);
                if (shortOf == 0) {
                    return Appended.OK;
                }
            } finally {
                lock.unlock();
            }
            if (!waited) {
                deadlineNanos = waitDeadline(maxWaitNanos);
                waited = true;
            }
            awaitMemory(accumulator.pool, shortOf, deadlineNanos);
        }
    }

    /**
     * Appends if memory allows. Returns 0 when appended; otherwise the bytes of memory it could not get: for a new
     * batch its buffer, {@link BatchMemory#FIXED_BYTES} and its first target, having sealed the open batch so that it
     * is sent and its memory eventually returns; for a log that only lacks its completion target's bytes, those (the
     * open batch keeps its room: sealing it would only make batches small).
     */
    private int tryAppendLocked(byte[] log, int offset, int length, int valueBytes, Object target) {
        BufferPool pool = accumulator.pool;
        Batch b = open;
        if (b != null && !b.fits(length, limits.maxCount, trailerMax)) {
            sealLocked();
            b = null;
        }
        if (b == null) {
            int limit = limits.limitFor(length, trailerMax);
            int initial = initialCapacity(length, limit);
            byte[] buf = pool.tryAllocate(initial, BatchMemory.FIXED_BYTES + BatchMemory.TARGET_BYTES);
            if (buf == null) {
                return newBatchBytes(length);
            }
            b = newBatch(buf, limit);
            b.memory().addAllowance(BatchMemory.TARGET_BYTES); // the first log's, reserved with the buffer
            prepay(b, buf.length, length);
        } else if (!b.hasRoom(length, trailerMax)) {
            int needed = b.capacityNeeded(length, trailerMax);
            byte[] larger = pool.tryAllocate(Math.min(b.limitBytes(), Math.max(needed, 2 * b.buf.length)));
            if (larger == null) {
                larger = pool.tryAllocate(needed);
            }
            if (larger == null) {
                sealLocked();
                return newBatchBytes(length);
            }
            int added = larger.length - b.buf.length;
            pool.release(b.moveTo(larger));
            prepay(b, added, b.size() / b.count());
        }
        int cost = b.appendCost(target);
        int shortfall = b.memory().shortfall(cost);
        if (shortfall > 0 && !pool.tryReserve(shortfall)) {
            return shortfall;
        }
        b.append(log, offset, length, valueBytes, target, cost);
        if (!b.fits(1, limits.maxCount, trailerMax)) {
            sealLocked();
        }
        return 0;
    }

    /**
     * Reserves, if the pool has it now, an allowance for the completion targets of the logs {@code addedBytes} more
     * buffer is expected to hold: logs of about {@code logBytes}, no more than the previous batch held in all, with as
     * many distinct targets per log as it had. A busy stream so fills its buffer even when the pool runs full; a quiet
     * one (a log per batch) or one with a shared callback reserves nothing ahead. What is not used returns at seal.
     */
    private void prepay(Batch b, int addedBytes, int logBytes) {
        long logs = Math.min(addedBytes / Math.max(1, logBytes), (long) lastBatchCount - b.count());
        long bytes = (long) Math.ceil(logs * lastRunsPerLog * BatchMemory.ALLOWANCE_PER_RUN);
        if (bytes > 0 && bytes < Integer.MAX_VALUE && accumulator.pool.tryReserve((int) bytes)) {
            b.memory().addAllowance((int) bytes);
        }
    }

    /**
     * Lends the room left in the open batch to the stream's owner, for logs that continue its last run of completion
     * targets ({@code target}'s); null if there is no open batch, it has no room, or its last log had another target.
     */
    LentRoom lend(Object target, ProducerStats stats) {
        lock.lock();
        try {
            checkNotLent();
            Batch b = open;
            if (b == null || retired || accumulator.isClosed() || b.appendCost(target) != 0) {
                return null;
            }
            long room = b.roomFor(trailerMax);
            int logs = limits.maxCount - b.count();
            if (room <= 0 || logs <= 0) {
                return null;
            }
            lent = new LentRoom(this, stats, b, (int) room, logs);
            return lent;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the loan of {@code room}: with {@code append}, appends the logs written into it in place, unless the
     * producer closed meanwhile. Returns whether they were appended. Carries out a seal that came due while it was
     * lent, and seals a batch that is full.
     */
    boolean giveBack(LentRoom room, boolean append) {
        lock.lock();
        try {
            if (lent != room) {
                throw new IllegalStateException("this room is not lent (given back already?)");
            }
            lent = null;
            Batch b = room.batch; // still the open batch: nothing seals a lent batch
            boolean appended = append && !accumulator.isClosed();
            if (appended && room.logs() > 0) {
                b.appendInPlace(room.bytes(), room.logs(), room.valueBytes());
            }
            if (sealWanted || !b.fits(1, limits.maxCount, trailerMax)) {
                sealWanted = false;
                sealLocked();
            }
            return appended;
        } finally {
            lock.unlock();
        }
    }

    private void checkNotLent() {
        if (lent != null) {
            throw new IllegalStateException("the stream's room is lent: give it back first");
        }
    }

    /** Seals the open batch if it is {@code batch} (its linger expired); a newer batch is left alone. */
    void sealIfOpen(Batch batch) {
        lock.lock();
        try {
            if (open == batch) {
                sealOrDefer();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Seals whatever batch is open (flush, close, memory pressure). */
    void sealNow() {
        lock.lock();
        try {
            if (open != null) {
                sealOrDefer();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Retires this partition if it has had no open batch and no activity for {@code idleNanos}; a retired partition
     * accepts no logs, so senders look the key up again and get a fresh partition.
     */
    boolean retireIfIdle(long nowNanos, long idleNanos) {
        lock.lock();
        try {
            if (open == null && lane.idle() && nowNanos - lastActivityNanos > idleNanos) {
                retired = true;
            }
            return retired;
        } finally {
            lock.unlock();
        }
    }

    /** Seals the open batch and refuses further logs (a stream closed by its owner). */
    void retire() {
        lock.lock();
        try {
            checkNotLent();
            if (open != null) {
                sealLocked();
            }
            retired = true;
        } finally {
            lock.unlock();
        }
    }

    private Batch newBatch(byte[] buf, int limit) {
        long now = accumulator.clock.nanoTime();
        Batch b = new Batch(this, buf, limit, now, now + accumulator.deliveryTimeoutNanos);
        open = b;
        accumulator.incomplete.add(b);
        accumulator.sender.opened(b);
        return b;
    }

    /** Seals the open batch, or, while its room is lent, has the owner seal it when it gives the room back. */
    private void sealOrDefer() {
        if (lent != null) {
            sealWanted = true;
        } else {
            sealLocked();
        }
    }

    private void sealLocked() {
        Batch b = open;
        open = null;
        // every log appended here went into a batch sealed no earlier: the time of the last seal bounds the last
        // append from above, so idleness (which needs no open batch) is judged conservatively at one clock read a batch
        lastActivityNanos = accumulator.clock.nanoTime();
        lastBatchBytes = b.size();
        lastBatchCount = b.count();
        lastRunsPerLog = (double) b.completionRuns().runs() / Math.max(1, b.count());
        int unused = b.memory().dropAllowance();
        if (unused > 0) {
            accumulator.pool.unreserve(unused);
        }
        if (!b.seal(accumulator.contextFlows.next())) {
            return; // abandoned at close while its room was lent: decided, nothing to send
        }
        Spool spool = accumulator.spool;
        if (spool != null) {
            b.spooled = spool.write(b, accumulator.clock.currentTimeMillis());
        }
        accumulator.sender.sealed(b);
    }

    /** The memory a new batch for a first log of {@code length} bytes takes. */
    private int newBatchBytes(int length) {
        BufferPool pool = accumulator.pool;
        return pool.sizeFor(initialCapacity(length, limits.limitFor(length, trailerMax)))
                + BatchMemory.FIXED_BYTES
                + BatchMemory.TARGET_BYTES;
    }

    /** Start near the size the previous batch reached, so a busy stream does not regrow from the smallest class. */
    private int initialCapacity(int firstLog, int limit) {
        int wanted = Math.max(BufferPool.MIN_CLASS, Math.max(lastBatchBytes, firstLog + trailerMax + 16));
        return Math.min(wanted, limit);
    }

    /** The end of a wait for memory that starts now. */
    private long waitDeadline(long maxWaitNanos) {
        long now = accumulator.clock.nanoTime();
        return maxWaitNanos > Long.MAX_VALUE - Math.max(0, now) ? Long.MAX_VALUE : now + maxWaitNanos;
    }

    private static void awaitMemory(BufferPool pool, int bytes, long deadlineNanos) {
        boolean available;
        try {
            available = pool.awaitAvailable(bytes, deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClsClientException(
                    ClsClientException.Reason.INTERRUPTED, "interrupted while waiting for producer buffer space", e);
        }
        if (!available) {
            throw pool.isClosed() ? DefaultClsProducer.closedException() : bufferFull(pool);
        }
    }

    static ClsClientException bufferFull(BufferPool pool) {
        return new ClsClientException(
                ClsClientException.Reason.BUFFER_FULL,
                "the producer buffer is full (" + pool.inUseBytes() + " of " + pool.totalBytes()
                        + " bytes hold logs waiting for delivery) and no space came free within maxBlock; CLS may be"
                        + " unreachable or slower than the send rate");
    }

    @Override
    public String toString() {
        return "Partition{topic=" + topicId + (hashKey == null ? "" : ", hashKey=" + hashKey) + '}';
    }
}
