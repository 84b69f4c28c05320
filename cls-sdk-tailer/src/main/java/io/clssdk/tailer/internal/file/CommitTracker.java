package io.clssdk.tailer.internal.file;

import java.util.ArrayDeque;

/**
 * Computes a file's committed offset from acknowledgements: chunks are registered in file order and may be acknowledged
 * in any order; the committed offset is the end of the longest prefix of registered ranges that are all acknowledged.
 * {@link #reset} starts a new generation (after a truncation): acknowledgements of older ranges then only release their
 * in-flight bytes. Thread-safe (acknowledgements come from sink threads).
 *
 * <p>A range may also {@linkplain #fail fail}: its lines could not be delivered now and must be read again. A failed
 * range settles (it no longer waits for an outcome, and its in-flight bytes are released) but is never committed, so
 * the committed offset stops before it; the engine sees {@link #failure()}, waits until {@link #outstanding()} is 0 and
 * rewinds the file to {@link #committed()} with {@link #reset}, which also clears the failure. A failure, and the last
 * outcome of a range once a failure is known or while the engine {@linkplain #wakeWhenSettled waits for it}, wake the
 * engine ({@link InFlight#signal()}).
 */
public final class CommitTracker {
    private final InFlight inFlight;
    private final ArrayDeque<Range> pending = new ArrayDeque<>();
    private int generation;
    private volatile long committed;
    private volatile int pendingCount;
    /** Ranges of the current generation neither acknowledged nor failed. */
    private volatile int outstanding;
    /** Why a range of the current generation failed, or null. */
    private volatile String failure;
    /** The engine waits for the outstanding ranges to settle (a held file's probe): wake it when they have. */
    private volatile boolean wakeWhenSettled;

    /** @param committed the offset already committed (-1 if no line boundary is known yet) */
    public CommitTracker(InFlight inFlight, long committed) {
        this.inFlight = inFlight;
        this.committed = committed;
    }

    /** One registered range; handed to {@link #acknowledge} and {@link #cancel}. */
    public static final class Range {
        final long end;
        final long charge;
        final int generation;
        boolean acknowledged;
        boolean failed;
        boolean released;

        Range(long end, long charge, int generation) {
            this.end = end;
            this.charge = charge;
            this.generation = generation;
        }
    }

    /** Registers the next range, ending at {@code end}, charging {@code bytes} to the in-flight count. */
    public synchronized Range register(long end, long bytes) {
        long charge = bytes + InFlight.CHUNK_OVERHEAD;
        Range r = new Range(end, charge, generation);
        pending.addLast(r);
        pendingCount = pending.size();
        outstanding++;
        inFlight.charge(charge);
        return r;
    }

    /** Registers a range that needs no acknowledgement (bytes skipped without delivering a line). */
    public synchronized void skip(long end) {
        Range r = register(end, 0);
        acknowledge(r);
    }

    /** Marks {@code r} acknowledged; idempotent. */
    public synchronized void acknowledge(Range r) {
        if (r.acknowledged || r.failed) {
            return;
        }
        r.acknowledged = true;
        release(r);
        if (r.generation != generation) {
            return;
        }
        settle();
        while (!pending.isEmpty() && pending.peekFirst().acknowledged) {
            committed = pending.pollFirst().end;
        }
        pendingCount = pending.size();
    }

    /** Withdraws the most recently registered range {@code r} (its chunk was refused); a later acknowledge is a no-op. */
    public synchronized void cancel(Range r) {
        if (r.acknowledged || r.failed) {
            return;
        }
        r.acknowledged = true;
        release(r);
        if (r.generation == generation && pending.peekLast() == r) {
            pending.pollLast();
            pendingCount = pending.size();
            settle();
        }
    }

    /**
     * Marks {@code r} failed: its lines were not delivered and must be read again (see the class comment). Idempotent;
     * a no-op on an acknowledged range or one of an older generation (the file was already rewound before it).
     */
    public synchronized void fail(Range r, String reason) {
        if (r.acknowledged || r.failed) {
            return;
        }
        r.failed = true;
        release(r);
        if (r.generation != generation) {
            return;
        }
        if (failure == null) {
            failure = reason == null ? "delivery failed" : reason;
        }
        outstanding--;
        inFlight.signal();
    }

    private void settle() {
        outstanding--;
        if (outstanding == 0 && (failure != null || wakeWhenSettled)) {
            inFlight.signal(); // the engine waits for this to rewind, or to read at full speed again
        }
    }

    /**
     * Whether the engine waits for every outstanding range to settle (it holds the file): then the last outcome wakes it
     * even without a failure. Off by default, so ordinary acknowledgements do not wake the engine.
     */
    public void wakeWhenSettled(boolean wake) {
        this.wakeWhenSettled = wake;
    }

    /** Why a range of the current generation failed, or null if none did. */
    public String failure() {
        return failure;
    }

    /** Ranges of the current generation still waiting for an outcome (neither acknowledged nor failed). */
    public int outstanding() {
        return outstanding;
    }

    /** Starts a new generation committed at {@code offset}; unacknowledged older ranges no longer count. */
    public synchronized void reset(long offset) {
        generation++;
        pending.clear();
        pendingCount = 0;
        outstanding = 0;
        failure = null;
        committed = offset;
    }

    private void release(Range r) {
        if (!r.released) {
            r.released = true;
            inFlight.release(r.charge);
        }
    }

    /** The committed offset, or -1 if none is known. */
    public long committed() {
        return committed;
    }

    /** True if no registered range of the current generation waits for an acknowledgement. */
    public boolean settled() {
        return pendingCount == 0;
    }
}
