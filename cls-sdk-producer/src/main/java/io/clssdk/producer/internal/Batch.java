package io.clssdk.producer.internal;

import io.clssdk.core.spi.LogGroupListEncoder;

/**
 * One LogGroup on its way to CLS: encoded logs in a pooled buffer, the completion target of every log, and the state
 * of its upload attempts.
 *
 * <p>Life cycle ({@link State}): OPEN (logs are appended under the partition lock) → SEALED (framed as a complete
 * request body; owned by the sender or one I/O thread at a time, handed over through queues) → IN_FLIGHT (dispatched
 * to an I/O thread) → RETRY_WAIT (waiting for its backoff) → IN_FLIGHT … → DONE (outcome decided exactly once by
 * {@link #markDone()}) → callbacks run → {@link #awaitCallbacks()} returns. Any state may end in DONE (a batch
 * abandoned at close is decided by the closing thread whatever it was doing); DONE is final. Every other move is
 * checked ({@link BatchLifecycle}). When CLS rejects a
 * batch of several logs for its content, its attempt ends in SPLIT instead ({@link #splitPending()}): the sender
 * divides it into two halves ({@link BatchSplitter}), new batches that take over its logs, and the parent becomes DONE
 * without an outcome of its own; its callbacks count as run once both halves' have ({@link #halfFinished()}).
 *
 * <p>Completion targets are stored run-length encoded ({@link CompletionRuns}): a shared callback costs one slot.
 *
 * <p>What pending logs hold besides their bytes counts against the buffer bound as well, in its {@link BatchMemory}.
 */
final class Batch {
    /** Where a batch is in its life cycle. */
    enum State {
        OPEN,
        SEALED,
        IN_FLIGHT,
        RETRY_WAIT,
        SPLIT,
        DONE
    }

    final Partition partition;
    /** Split requests left to this batch's split tree, shared by all its halves; null until its first split. */
    private SplitBudget splitBudget;
    /** The batch this one is a half of, or null. */
    final Batch parent;

    final long createdNanos;
    final long deadlineNanos;
    /** Order of arrival at the sender, which breaks ties of {@link #createdNanos} (sender-owned). */
    long openedSeq;
    /** The sender took it sealed from its inbox: its linger timer no longer counts ({@link LingerTimers}). */
    boolean sealSeen;

    private final int limitBytes;

    byte[] buf;
    private int pos = LogGroupListEncoder.HEADER_RESERVE;
    private int count;
    private long valueBytes; // of the logs appended (not known per log, so 0 in a half)

    private final CompletionRuns completion;
    private final BatchMemory memory;

    private int bodyStart;
    private int bodyLength;
    private String contextFlow;

    /** Only the thread currently owning the sealed batch touches this. */
    private long nextAttemptNanos;

    private final AttemptHistory history;

    private final BatchLifecycle state = new BatchLifecycle();
    private final CallbackLatch callbacks = new CallbackLatch();
    /** Its record in the disk spool (shared with its halves), or null without a spool or if writing it failed. */
    SpoolEntry spooled;

    /** False once {@link #buf} is not the pool's: rebuilt from the spool, or spilled ({@link #spill}). */
    private boolean bufFromPool = true;

    /** The halves that took over the logs of a split batch (set before it becomes DONE), else null. */
    private volatile Batch[] halves;

    Batch(Partition partition, byte[] buf, int limitBytes, long createdNanos, long deadlineNanos) {
        this.partition = partition;
        this.parent = null;
        this.buf = buf;
        this.limitBytes = limitBytes;
        this.createdNanos = createdNanos;
        this.deadlineNanos = deadlineNanos;
        this.completion = new CompletionRuns();
        this.memory = new BatchMemory(BatchMemory.FIXED_BYTES);
        this.history = new AttemptHistory();
    }

    /**
     * An OPEN half of {@code parent} (SPLIT) for its logs with {@code runs}, in {@code buf} (filled by {@link #take}),
     * with {@code reservedBytes} counted in the pool besides the buffer. It keeps the parent's creation time, delivery
     * deadline and attempt history (so a log's result lists every attempt that carried it), not its attempt count.
     */
    Batch(Batch parent, byte[] buf, CompletionRuns runs, long reservedBytes) {
        this.splitBudget = parent.splitBudget;
        this.partition = parent.partition;
        this.parent = parent;
        this.buf = buf;
        this.limitBytes = buf.length;
        this.createdNanos = parent.createdNanos;
        this.deadlineNanos = parent.deadlineNanos;
        this.completion = runs;
        this.memory = new BatchMemory(reservedBytes);
        this.history = AttemptHistory.continuing(parent.history);
        this.spooled = parent.spooled;
    }

    /**
     * A SEALED batch replayed from the disk spool: an earlier process's request body, with its context flow, read
     * from the spool by the I/O thread before the first attempt ({@link #buf} stays null until then, so a large
     * backlog costs memory only for what is being sent). It has no completion targets, and its buffer is not the
     * pool's.
     */
    Batch(Partition partition, SpoolEntry entry, long createdNanos, long deadlineNanos) {
        this.partition = partition;
        this.parent = null;
        this.limitBytes = entry.bodyLength;
        this.createdNanos = createdNanos;
        this.deadlineNanos = deadlineNanos;
        this.completion = new CompletionRuns();
        this.memory = new BatchMemory(0);
        this.history = new AttemptHistory();
        this.spooled = entry;
        this.bufFromPool = false;
        this.count = entry.logs;
        this.contextFlow = entry.contextFlow;
        this.bodyLength = entry.bodyLength;
        state.move(State.SEALED, this);
    }

    /** When an open batch's linger ends: its partition's linger after its first log. */
    long lingerEndsNanos() {
        return createdNanos + partition.limits.lingerNanos;
    }

    /** Returns this batch's memory to the pool: its buffer if it is the pool's, and the bytes reserved with it. */
    void releaseTo(BufferPool pool) {
        long reserved = memory.reservedBytes();
        if (bufFromPool) {
            pool.release(buf, reserved);
        } else if (reserved > 0) {
            pool.unreserve(reserved);
        }
    }

    /**
     * Gives the buffer of this sealed, spooled batch back to the pool while it waits (memory is short during an
     * outage); the I/O thread reads the body back from the spool, into the same layout, before the next attempt. Only
     * the sender thread calls this, for a batch it owns (waiting for its turn or its retry). False if it cannot.
     */
    boolean spill(BufferPool pool) {
        if (!bufFromPool || spooled == null || spooled.segment.deleted) {
            return false;
        }
        pool.release(buf);
        buf = null;
        bufFromPool = false;
        return true;
    }

    /** True for a batch an earlier process left in the disk spool. */
    boolean replayed() {
        return spooled != null && spooled.replayed();
    }

    /** Copies {@code logs} encoded log entries, {@code src[from, to)}, into this (OPEN, empty) half. */
    void take(byte[] src, int from, int to, int logs) {
        System.arraycopy(src, from, buf, pos, to - from);
        pos += to - from;
        count = logs;
    }

    /** The completion targets of the logs (owned like the batch). */
    CompletionRuns completionRuns() {
        return completion;
    }

    /** True if a log of {@code length} encoded bytes fits in this batch (by count and size). */
    boolean fits(int length, int maxCount, int trailerMax) {
        return count < maxCount && (long) pos + length + trailerMax <= limitBytes;
    }

    /** Bytes of buffer this batch needs to take a log of {@code length} bytes. */
    int capacityNeeded(int length, int trailerMax) {
        return pos + length + trailerMax;
    }

    /** The most body bytes this batch may hold. */
    int limitBytes() {
        return limitBytes;
    }

    /** Bytes written so far (header room and logs). */
    int size() {
        return pos;
    }

    boolean hasRoom(int length, int trailerMax) {
        return pos + length + trailerMax <= buf.length;
    }

    /** Moves the content to a larger buffer; returns the old one for release. */
    byte[] moveTo(byte[] larger) {
        System.arraycopy(buf, 0, larger, 0, pos);
        byte[] old = buf;
        buf = larger;
        return old;
    }

    /**
     * Appends a log that costs {@code cost} bytes besides its own ({@link #appendCost}): the allowance pays first, and
     * the caller has reserved the rest ({@link BatchMemory#shortfall}) in the pool.
     */
    void append(byte[] log, int offset, int length, int logValueBytes, Object target, int cost) {
        System.arraycopy(log, offset, buf, pos, length);
        pos += length;
        count++;
        valueBytes += logValueBytes;
        memory.pay(cost);
        completion.add(target);
    }

    /**
     * Appends {@code logs} encoded logs already written behind the last one ({@code buf[size(), size() + length)}, in
     * a {@link LentRoom}) that continue the last run of completion targets.
     */
    void appendInPlace(int length, int logs, long logsValueBytes) {
        pos += length;
        count += logs;
        valueBytes += logsValueBytes;
        completion.extendLast(logs);
    }

    /** Bytes of logs this batch can still take in its buffer as it is, within its limit, leaving the trailer's room. */
    long roomFor(int trailerMax) {
        return (long) Math.min(limitBytes, buf.length) - trailerMax - pos;
    }

    /** What this batch counts against the buffer bound besides its buffer. */
    BatchMemory memory() {
        return memory;
    }

    /** Bytes of heap an {@link #append} for {@code target} adds besides the log's own bytes. */
    int appendCost(Object target) {
        return BatchMemory.appendCost(completion, target);
    }

    /** Frames the body (the trailer after the logs, the list header before them); false if decided meanwhile. */
    boolean seal(String contextFlow) {
        this.contextFlow = contextFlow;
        int end = partition.trailer.writeTo(buf, pos, contextFlow);
        int contentStart = LogGroupListEncoder.HEADER_RESERVE;
        bodyStart = LogGroupListEncoder.writeHeader(buf, contentStart, end - contentStart);
        bodyLength = end - bodyStart;
        return state.move(State.SEALED, this);
    }

    /**
     * The sender hands the batch to an I/O thread (SEALED or RETRY_WAIT → IN_FLIGHT); false if it was decided
     * meanwhile (abandoned at close), and then it must not be sent.
     */
    boolean dispatched() {
        return state.move(State.IN_FLIGHT, this);
    }

    /**
     * The I/O thread starts an attempt that reaches the network: counts it and returns its number (1 for the first).
     *
     * @throws IllegalStateException unless the batch is IN_FLIGHT or DONE (abandoned while queued for the thread)
     */
    int beginAttempt() {
        State s = state.get();
        if (s != State.IN_FLIGHT && s != State.DONE) {
            throw BatchLifecycle.refused(s, State.IN_FLIGHT, this);
        }
        return history.begin();
    }

    /**
     * The attempt failed and another may start at {@code atNanos} (IN_FLIGHT → RETRY_WAIT); false if the batch was
     * decided meanwhile (abandoned at close).
     */
    boolean retryAt(long atNanos) {
        nextAttemptNanos = atNanos; // before the move: the sender reads it once it sees the batch waiting
        return state.move(State.RETRY_WAIT, this);
    }

    /** Takes the two requests a split costs from the {@link SplitBudget} of this batch's split tree. */
    boolean takeSplit() {
        if (splitBudget == null) {
            splitBudget = new SplitBudget(count);
        }
        return splitBudget.take();
    }

    /**
     * CLS rejected the content of this batch of several logs (IN_FLIGHT → SPLIT): the sender is to split it. False if
     * it was decided meanwhile (abandoned at close).
     */
    boolean splitPending() {
        return state.move(State.SPLIT, this);
    }

    /**
     * The halves take over the logs of this SPLIT batch, which becomes DONE without an outcome of its own; false (and
     * nothing changes) if it was decided meanwhile (abandoned at close): then the halves must be discarded.
     */
    boolean splitInto(Batch first, Batch second) {
        halves = new Batch[] {first, second};
        if (state.move(State.DONE, this)) {
            return true;
        }
        halves = null;
        return false;
    }

    /** The halves that took over this batch's logs, or null if it was not split. */
    Batch[] halves() {
        return halves;
    }

    /** True once every log of this batch has its outcome decided (for a split batch: in its halves). */
    boolean decided() {
        if (!isDone()) {
            return false;
        }
        Batch[] h = halves;
        return h == null || (h[0].decided() && h[1].decided());
    }

    /** Decides the outcome (any state → DONE); true for exactly one caller. */
    boolean markDone() {
        return state.move(State.DONE, this);
    }

    boolean isDone() {
        return state.get() == State.DONE;
    }

    State state() {
        return state.get();
    }

    /** When a batch in RETRY_WAIT may be sent again. */
    long nextAttemptNanos() {
        return nextAttemptNanos;
    }

    /** Its upload attempts (owned like the batch). */
    AttemptHistory history() {
        return history;
    }

    int count() {
        return count;
    }

    long valueBytes() {
        return valueBytes;
    }

    int bodyStart() {
        return bodyStart;
    }

    int bodyLength() {
        return bodyLength;
    }

    String contextFlow() {
        return contextFlow;
    }

    /** Marks the callbacks of every log as run and wakes {@link #awaitCallbacks()}. */
    void callbacksDone() {
        completion.release(); // let futures and callbacks be collected
        callbacks.done();
    }

    /** One half of this split batch ran its callbacks; true when both have (then this batch's count as run). */
    boolean halfFinished() {
        return callbacks.halfDone();
    }

    void awaitCallbacks() throws InterruptedException {
        callbacks.await();
    }

    boolean awaitCallbacks(long timeoutNanos) throws InterruptedException {
        return callbacks.await(timeoutNanos);
    }

    @Override
    public String toString() {
        return "Batch{topic=" + partition.topicId + ", logs=" + count + ", contextFlow=" + contextFlow + ", attempts="
                + history.made() + '}';
    }
}
