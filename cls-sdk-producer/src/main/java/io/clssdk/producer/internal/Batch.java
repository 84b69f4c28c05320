package io.clssdk.producer.internal;

import io.clssdk.core.internal.encode.LogGroupListEncoder;
import io.clssdk.producer.Attempt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One LogGroup on its way to CLS: encoded logs in a pooled buffer, the completion target of every log, and the state
 * of its upload attempts.
 *
 * <p>Life cycle: OPEN (logs are appended under the partition lock) → SEALED (framed as a complete request body; owned
 * by the sender or one I/O thread at a time, handed over through queues) → DONE (outcome decided exactly once by
 * {@link #markDone()}) → callbacks run → {@link #awaitCallbacks()} returns.
 *
 * <p>Completion targets are stored run-length encoded: consecutive logs with the same target (a shared callback, a
 * tailer chunk) cost one slot, so a shared callback allocates nothing per log.
 */
final class Batch {
    private static final int OPEN = 0;
    private static final int SEALED = 1;
    private static final int DONE = 2;
    private static final int HISTORY = 10;

    final Partition partition;
    final long createdNanos;
    final long deadlineNanos;
    private final int limitBytes;

    byte[] buf;
    private int pos = LogGroupListEncoder.HEADER_RESERVE;
    private int count;
    private long valueBytes;

    private Object[] targets = new Object[4];
    private int[] runLengths = new int[4];
    private int runs;

    private int bodyStart;
    private int bodyLength;
    private String contextFlow;

    /** Upload attempts made so far; only the thread currently owning the sealed batch touches these. */
    int attempts;

    int authRefreshes;
    long nextAttemptNanos;
    /** What the last attempt said, for the sender's per-topic concurrency and pause decisions. */
    boolean succeededLast;

    boolean throttledLast;
    /** The last attempt found the endpoint unavailable (see {@link EndpointHealth}). */
    boolean unavailableLast;
    /** The last attempt got an answer showing the endpoint works: a success, a 429 or another 4xx. */
    boolean answeredLast;

    long retryAfterNanos;
    io.clssdk.core.ClsException lastError;
    private final Attempt[] history = new Attempt[HISTORY];
    private int historyCount;

    private final AtomicInteger state = new AtomicInteger(OPEN);
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

    void append(byte[] log, int offset, int length, int logValueBytes, Object target) {
        System.arraycopy(log, offset, buf, pos, length);
        pos += length;
        count++;
        valueBytes += logValueBytes;
        addTarget(target);
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
        state.set(SEALED);
    }

    boolean isOpen() {
        return state.get() == OPEN;
    }

    /** Decides the outcome; true for exactly one caller. */
    boolean markDone() {
        while (true) {
            int s = state.get();
            if (s == DONE) {
                return false;
            }
            if (state.compareAndSet(s, DONE)) {
                return true;
            }
        }
    }

    boolean isDone() {
        return state.get() == DONE;
    }

    void recordAttempt(Attempt attempt) {
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
