package io.clssdk.producer.internal;

/**
 * What one batch counts against the producer's buffer bound besides its buffer, and the allowance that pays for the
 * completion targets of logs still to come. Owned like its batch: under the partition lock while the batch is open.
 *
 * <p>What pending logs hold besides their bytes counts as well ({@link #reservedBytes()}): {@link #FIXED_BYTES}
 * reserved with the buffer for the batch's own objects and its first {@value #INITIAL_RUNS} completion slots; {@link
 * #TARGET_BYTES} for each new completion target (a future or per-log callback kept alive until the outcome), and
 * {@link #SLOT_BYTES} for each slot the arrays gain when they double. The appender asks {@link #appendCost}; an
 * {@linkplain #addAllowance allowance} reserved with the buffer pays for it, and what the allowance does not cover
 * ({@link #shortfall}) the appender reserves in the pool before the append {@linkplain #pay pays} it. A log that
 * continues the last run costs nothing, so a shared callback adds no bytes per log.
 */
final class BatchMemory {
    private static final int INITIAL_RUNS = CompletionRuns.INITIAL_CAPACITY;
    /** Heap of one completion slot in the arrays: a reference and a run length (with compressed references). */
    static final int SLOT_BYTES = 8;
    /**
     * Heap of the target a new run keeps alive until the outcome: the {@code CompletableFuture} {@code send()} created
     * (24 B) or a per-log callback of about that size. A callback shared by consecutive logs is counted once.
     */
    static final int TARGET_BYTES = 24;
    /** What a log with a target of its own costs on average: its target, and its slot with the arrays' slack. */
    static final int ALLOWANCE_PER_RUN = TARGET_BYTES + 2 * SLOT_BYTES;
    /**
     * Heap of the batch's own objects with compressed references: measured at 298 B (class histogram of 7,944 open
     * batches: the batch, its attempt array (56 B), state (16 B), the headers of its slot arrays (32 B) and its
     * entries in the producer's sets and queues (about 50 B)) before its completion runs and callback latch (24 B
     * each), attempt history (32 B) and this accounting (24 B) became objects of their own, less the 16 B of fields
     * the batch gave them (computed from their fields): 386 B, rounded up.
     */
    static final int OBJECT_BYTES = 400;
    /** Reserved with the buffer: {@link #OBJECT_BYTES} and the first {@value #INITIAL_RUNS} completion slots. */
    static final int FIXED_BYTES = OBJECT_BYTES + INITIAL_RUNS * SLOT_BYTES;

    private long reservedBytes;
    private int allowance;

    /** Accounting that starts with {@code reservedBytes} counted in the pool. */
    BatchMemory(long reservedBytes) {
        this.reservedBytes = reservedBytes;
    }

    /** What a batch (a split's half) holding {@code runs} counts in the pool besides its buffer. */
    static long reservedFor(CompletionRuns runs) {
        return FIXED_BYTES + (long) runs.runs() * TARGET_BYTES + (long) (runs.capacity() - INITIAL_RUNS) * SLOT_BYTES;
    }

    /**
     * Bytes of heap appending a log for {@code target} to {@code runs} adds besides the log's own bytes: nothing when
     * it continues the last run; else the target and, when every slot is taken, the slots the arrays gain by doubling.
     */
    static int appendCost(CompletionRuns runs, Object target) {
        if (runs.continuesLast(target)) {
            return 0;
        }
        return TARGET_BYTES + (runs.full() ? runs.capacity() * SLOT_BYTES : 0);
    }

    /** Of {@code cost} bytes, what the allowance does not cover: the appender reserves that much first. */
    int shortfall(int cost) {
        return Math.max(0, cost - allowance);
    }

    /** Counts an appended log's {@code cost}: the allowance pays first, the rest the appender reserved. */
    void pay(int cost) {
        int fromAllowance = Math.min(cost, allowance);
        allowance -= fromAllowance;
        reservedBytes += cost - fromAllowance;
    }

    /**
     * Adds {@code bytes}, reserved in the pool, to the allowance that pays for the completion targets of logs yet to
     * come. Reserved with a buffer for the logs it is expected to hold, it lets those logs fill the buffer while the
     * pool is full (as the buffer's own bytes are already counted), instead of being refused for want of a few bytes
     * each and leaving the batch part empty.
     */
    void addAllowance(int bytes) {
        allowance += bytes;
        reservedBytes += bytes;
    }

    /** Ends the allowance (at seal, no more logs come); returns its unused bytes for the pool. */
    int dropAllowance() {
        int unused = allowance;
        allowance = 0;
        reservedBytes -= unused;
        return unused;
    }

    /** Bytes counted in the pool for the batch besides its buffer; released with it. */
    long reservedBytes() {
        return reservedBytes;
    }
}
