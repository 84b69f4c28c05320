package io.clssdk.producer.internal;

import io.clssdk.core.ClsException;
import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.producer.Attempt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One LogGroup on its way to CLS: encoded logs in a pooled buffer, the completion target of every log, and the state
 * of its upload attempts.
 *
 * <p>Life cycle ({@link State}): OPEN (logs are appended under the partition lock) → SEALED (framed as a complete
 * request body; owned by the sender or one I/O thread at a time, handed over through queues) → IN_FLIGHT (dispatched
 * to an I/O thread) → RETRY_WAIT (waiting for its backoff) → IN_FLIGHT … → DONE (outcome decided exactly once by
 * {@link #markDone()}) → callbacks run → {@link #awaitCallbacks()} returns. Any state may end in DONE (a batch
 * abandoned at close is decided by the closing thread whatever it was doing); DONE is final. Every other move is
 * checked: a move not in the life cycle throws {@link IllegalStateException} naming both states.
 *
 * <p>Completion targets are stored run-length encoded: consecutive logs with the same target (a shared callback, a
 * tailer chunk) cost one slot, so a shared callback allocates nothing per log.
 *
 * <p>What pending logs hold besides their bytes counts against the buffer bound as well ({@link #reservedBytes()}):
 * {@link #FIXED_BYTES} reserved with the buffer for the batch's own objects and its first {@value #INITIAL_RUNS}
 * completion slots; {@link #TARGET_BYTES} for each new completion target (a future or per-log callback kept alive until
 * the outcome), and {@link #SLOT_BYTES} for each slot the arrays gain when they double. The appender asks
 * {@link #appendCost}; an {@linkplain #addAllowance allowance} reserved with the buffer pays for it, and what the
 * allowance does not cover the appender reserves in the pool before {@link #append}. A log that continues the last
 * run costs nothing, so a shared callback adds no bytes per log.
 */
final class Batch {
    /** Where a batch is in its life cycle. */
    enum State {
        OPEN,
        SEALED,
        IN_FLIGHT,
        RETRY_WAIT,
        DONE
    }

    private static final int HISTORY = 10;
    private static final int INITIAL_RUNS = 4;
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
     * Heap of the batch's own objects, measured with compressed references (class histogram of 7,944 open batches):
     * this object (144 B), its attempt history (56 B), state (16 B), the headers of its slot arrays (32 B) and its
     * entries in the producer's sets and queues (about 50 B), rounded up.
     */
    static final int OBJECT_BYTES = 320;
    /** Reserved with the buffer: {@link #OBJECT_BYTES} and the first {@value #INITIAL_RUNS} completion slots. */
    static final int FIXED_BYTES = OBJECT_BYTES + INITIAL_RUNS * SLOT_BYTES;

    final Partition partition;
    final long createdNanos;
    final long deadlineNanos;
    /** Order of arrival at the sender, which breaks ties of {@link #createdNanos} (sender-owned). */
    long openedSeq;

    private final int limitBytes;

    byte[] buf;
    private int pos = LogGroupListEncoder.HEADER_RESERVE;
    private int count;
    private long valueBytes;

    private Object[] targets = new Object[INITIAL_RUNS];
    private int[] runLengths = new int[INITIAL_RUNS];
    private int runs;
    private long reservedBytes = FIXED_BYTES;
    private int allowance;

    private int bodyStart;
    private int bodyLength;
    private String contextFlow;

    /** Upload attempts made so far; only the thread currently owning the sealed batch touches these. */
    private int attempts;

    private int authRefreshes;
    private long nextAttemptNanos;
    private volatile ClsException lastError;
    private final Attempt[] history = new Attempt[HISTORY];
    private int historyCount;

    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private boolean callbacksDone;

    Batch(Partition partition, byte[] buf, int limitBytes, long createdNanos, long deadlineNanos) {
        this.partition = partition;
        this.buf = buf;
        this.limitBytes = limitBytes;
        this.createdNanos = createdNanos;
        this.deadlineNanos = deadlineNanos;
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
     * the caller has reserved the rest ({@link #shortfall}) in the pool.
     */
    void append(byte[] log, int offset, int length, int logValueBytes, Object target, int cost) {
        System.arraycopy(log, offset, buf, pos, length);
        pos += length;
        count++;
        valueBytes += logValueBytes;
        int fromAllowance = Math.min(cost, allowance);
        allowance -= fromAllowance;
        reservedBytes += cost - fromAllowance;
        addTarget(target);
    }

    /** Of {@code cost} bytes, what the allowance does not cover: the appender reserves that much first. */
    int shortfall(int cost) {
        return Math.max(0, cost - allowance);
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

    /**
     * Bytes of heap an {@link #append} for {@code target} adds besides the log's own bytes: nothing when it continues
     * the last run; else the target and, when every slot is taken, the slots the arrays gain by doubling.
     */
    int appendCost(Object target) {
        if (runs > 0 && targets[runs - 1] == target) {
            return 0;
        }
        return TARGET_BYTES + (runs == targets.length ? targets.length * SLOT_BYTES : 0);
    }

    /** Bytes counted in the pool for this batch besides its buffer; released with it. */
    long reservedBytes() {
        return reservedBytes;
    }

    private void addTarget(Object target) {
        if (runs > 0 && targets[runs - 1] == target) {
            runLengths[runs - 1]++;
            return;
        }
        if (runs == targets.length) {
            targets = Arrays.copyOf(targets, runs * 2);
            runLengths = Arrays.copyOf(runLengths, runs * 2);
        }
        targets[runs] = target;
        runLengths[runs] = 1;
        runs++;
    }

    /** Frames the body: writes the trailer after the logs and the list header before them. */
    void seal(String contextFlow) {
        this.contextFlow = contextFlow;
        int end = partition.trailer.writeTo(buf, pos, contextFlow);
        int contentStart = LogGroupListEncoder.HEADER_RESERVE;
        bodyStart = LogGroupListEncoder.writeHeader(buf, contentStart, end - contentStart);
        bodyLength = end - bodyStart;
        move(State.SEALED);
    }

    /**
     * The sender hands the batch to an I/O thread (SEALED or RETRY_WAIT → IN_FLIGHT); false if it was decided
     * meanwhile (abandoned at close), and then it must not be sent.
     */
    boolean dispatched() {
        return move(State.IN_FLIGHT);
    }

    /**
     * The I/O thread starts an attempt that reaches the network: counts it and returns its number (1 for the first).
     *
     * @throws IllegalStateException unless the batch is IN_FLIGHT or DONE (abandoned while queued for the thread)
     */
    int beginAttempt() {
        State s = state.get();
        if (s != State.IN_FLIGHT && s != State.DONE) {
            throw refused(s, State.IN_FLIGHT);
        }
        return ++attempts;
    }

    /**
     * The attempt failed and another may start at {@code atNanos} (IN_FLIGHT → RETRY_WAIT); false if the batch was
     * decided meanwhile (abandoned at close).
     */
    boolean retryAt(long atNanos) {
        nextAttemptNanos = atNanos; // before the move: the sender reads it once it sees the batch waiting
        return move(State.RETRY_WAIT);
    }

    /** Decides the outcome (any state → DONE); true for exactly one caller. */
    boolean markDone() {
        return move(State.DONE);
    }

    boolean isDone() {
        return state.get() == State.DONE;
    }

    State state() {
        return state.get();
    }

    /**
     * Moves to {@code to} if the life cycle allows it from the current state. Returns false, changing nothing, when
     * the batch is already DONE (decided by another thread, which wins); throws for any other move not allowed.
     */
    private boolean move(State to) {
        while (true) {
            State from = state.get();
            if (from == State.DONE) {
                return false;
            }
            if (!allowed(from, to)) {
                throw refused(from, to);
            }
            if (state.compareAndSet(from, to)) {
                return true;
            }
        }
    }

    private static boolean allowed(State from, State to) {
        switch (to) {
            case SEALED:
                return from == State.OPEN;
            case IN_FLIGHT:
                return from == State.SEALED || from == State.RETRY_WAIT;
            case RETRY_WAIT:
                return from == State.IN_FLIGHT;
            case DONE:
                return true;
            default:
                return false;
        }
    }

    private IllegalStateException refused(State from, State to) {
        return new IllegalStateException("a batch may not move from " + from + " to " + to + ": " + this);
    }

    /** Upload attempts made so far. */
    int attempts() {
        return attempts;
    }

    /** Rejected signatures a credentials refresh may cure so far, counting one more if {@code another}. */
    int authRefreshes(boolean another) {
        return another ? ++authRefreshes : authRefreshes;
    }

    /** When a batch in RETRY_WAIT may be sent again. */
    long nextAttemptNanos() {
        return nextAttemptNanos;
    }

    /** The error of the last failed attempt, null if none failed. */
    ClsException lastError() {
        return lastError;
    }

    /** Records a finished attempt in the history; a failed one's error becomes {@link #lastError()}. */
    void recordAttempt(Attempt attempt, ClsException error) {
        if (error != null) {
            lastError = error;
        }
        history[historyCount % HISTORY] = attempt;
        historyCount++;
    }

    /** The last attempts, oldest first. */
    List<Attempt> attemptHistory() {
        int n = Math.min(historyCount, HISTORY);
        List<Attempt> out = new ArrayList<>(n);
        for (int i = historyCount - n; i < historyCount; i++) {
            out.add(history[i % HISTORY]);
        }
        return out;
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

    int runs() {
        return runs;
    }

    Object target(int run) {
        return targets[run];
    }

    int runLength(int run) {
        return runLengths[run];
    }

    /** Marks the callbacks of every log as run and wakes {@link #awaitCallbacks()}. */
    synchronized void callbacksDone() {
        callbacksDone = true;
        targets = null; // let futures and callbacks be collected
        notifyAll();
    }

    synchronized void awaitCallbacks() throws InterruptedException {
        while (!callbacksDone) {
            wait();
        }
    }

    synchronized boolean awaitCallbacks(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!callbacksDone) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return true;
    }

    @Override
    public String toString() {
        return "Batch{topic=" + partition.topicId + ", logs=" + count + ", contextFlow=" + contextFlow + ", attempts="
                + attempts + '}';
    }
}
