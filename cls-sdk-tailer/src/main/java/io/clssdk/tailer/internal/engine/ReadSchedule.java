package io.clssdk.tailer.internal.engine;

import java.util.concurrent.TimeUnit;

/**
 * Where one followed file stands in the engine's read scheduling: one {@link State}, plus the failure count and retry
 * time of its sink or read backoff. It changes only through the transition methods below; each checks that it is
 * allowed from the current state and throws {@link IllegalStateException} when it is not, because that means the
 * engine lost track of the file (it would be read by two readers at once, or never again). Moving a file into or out
 * of the read queue is done by {@link Scheduler}, which owns the queue; the file table and the timers use the other
 * transitions. Engine-thread only.
 *
 * <p>The lifecycle a status shows ({@link io.clssdk.tailer.FileStatus.State}: active, draining, closed while idle) is
 * a separate matter: a draining file is scheduled like any other.
 */
final class ReadSchedule {
    /** The first retry after a failure waits this long; each further failure doubles it. */
    static final long BACKOFF_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The longest wait between two attempts. */
    static final long BACKOFF_MAX_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** The first read after a transient delivery failure waits about this long; each further one doubles it. */
    static final long DELIVERY_BACKOFF_MIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The longest wait between two reads of a file whose delivery keeps failing. */
    static final long DELIVERY_BACKOFF_MAX_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Scheduling states. "More to read" means lines may follow the read offset, or a flush or a retry is owed. */
    enum State {
        /** Nothing more known to read, and no task running. */
        IDLE,
        /**
         * More to read, not in the read queue and no task running: it may be queued now ({@link #readyToRead}). A file
         * is left here while it waits for a descriptor or cannot be opened; it is queued when it gets one.
         */
        PENDING,
        /** In the read queue, exactly once. */
        QUEUED,
        /** A reader runs a task for it (a read, a flush, an idle or close notice); nothing new since it started. */
        BUSY,
        /** A task runs and there is more to read after it: it is queued when the task ends. */
        BUSY_PENDING,
        /**
         * The last read or flush failed, or the file was rewound after a delivery failure: more to read, but not before
         * the retry time.
         */
        BACKOFF,
        /**
         * Delivery of the file's lines failed for a reason that is not theirs ({@link
         * io.clssdk.tailer.LineChunk#retryLater}), or a probe read waits for its outcome: nothing is read, however the
         * file grows, until the engine rewinds it (every range settled, one failed) or its probe is acknowledged.
         */
        HELD,
        /** Held while a task (the rewind notice, or a close notice) runs. */
        HELD_BUSY,
        /**
         * Released (drained, gone while closed) or forgotten by the file table: never read again unless the table
         * finds it under a matching name again ({@link #revive}).
         */
        RETIRED,
        /** Retired while a task (usually the close notice) still runs. */
        RETIRED_BUSY
    }

    private State state = State.IDLE;
    private int failures;
    /** Transient delivery failures in a row: while above 0, reads are small probes ({@link #probing}). */
    private int deliveryFailures;

    private long retryAtNanos;

    State state() {
        return state;
    }

    /**
     * The one rule for "this file may be queued for reading now": it has more to read, no task is running for it (a
     * file is never read by two readers, and a task's result may itself say there is more), it is not retired, and it
     * is not waiting out a failure backoff.
     *
     * <p>Before this class the engine wrote the rule out three times with different conditions: when a file was marked
     * dirty (no failures), after a task's result (no in-flight check: the task had just ended) and when a backoff
     * ended (no failure check: the failure was the reason it waited), and it checked a fourth variant when taking a
     * file from the queue (a retry time in the future). The differences were each explained by where the rule was
     * written; the states make them one: a task that ends leaves {@link State#BUSY}, and an ended backoff leaves
     * {@link State#BACKOFF}, before the rule is asked. The one case the old checks missed is a file the table forgot
     * (gone before it could be opened) while it sat in the queue: nothing marked it, so it was opened again and counted
     * lost twice; forgetting now retires it and takes it out of the queue.
     */
    boolean readyToRead() {
        return state == State.PENDING;
    }

    /** More to read: not in the queue yet, being read (and more came), or waiting out a backoff. */
    boolean hasMoreToRead() {
        return state == State.PENDING
                || state == State.QUEUED
                || state == State.BUSY_PENDING
                || state == State.BACKOFF
                || held();
    }

    /** A reader runs a task for the file. */
    boolean busy() {
        return state == State.BUSY
                || state == State.BUSY_PENDING
                || state == State.RETIRED_BUSY
                || state == State.HELD_BUSY;
    }

    /** Held after a delivery failure ({@link State#HELD}), a task running or not. */
    boolean held() {
        return state == State.HELD || state == State.HELD_BUSY;
    }

    /** Waiting out a backoff (after a sink or read failure, or a rewind). */
    boolean backingOff() {
        return state == State.BACKOFF;
    }

    /** Delivery failed and no probe has been acknowledged since: read one small chunk, then hold again. */
    boolean probing() {
        return deliveryFailures > 0;
    }

    boolean retired() {
        return state == State.RETIRED || state == State.RETIRED_BUSY;
    }

    /** Sink or read failures in a row (0 after a task that succeeded). */
    int failures() {
        return failures;
    }

    long retryAtNanos() {
        return retryAtNanos;
    }

    /**
     * Something may follow the read offset (an event, a size change, a descriptor taken away before the end). A
     * queued, backing-off or retired file stays as it is: it is read anyway, after its backoff, or not at all.
     */
    void markPending() {
        if (state == State.IDLE) {
            state = State.PENDING;
        } else if (state == State.BUSY) {
            state = State.BUSY_PENDING;
        }
    }

    /** {@link Scheduler} put the file in its queue; only a file {@link #readyToRead} may be. */
    void enqueued() {
        expect(state == State.PENDING, "enqueue");
        state = State.QUEUED;
    }

    /** {@link Scheduler} took the file out of its queue to read it (it may still have to get a descriptor). */
    void dequeued() {
        expect(state == State.QUEUED, "dequeue");
        state = State.PENDING;
    }

    /** A read task starts: what was pending is being read now. */
    void readStarted() {
        expect(state == State.PENDING, "start a read");
        state = State.BUSY;
    }

    /**
     * Another task (flush, idle or close notice) starts; what was pending stays pending.
     *
     * @return true if the file was in the read queue, from which the caller must take it out
     */
    boolean taskStarted() {
        switch (state) {
            case IDLE:
                state = State.BUSY;
                return false;
            case PENDING:
                state = State.BUSY_PENDING;
                return false;
            case QUEUED:
                state = State.BUSY_PENDING;
                return true;
            case RETIRED:
                state = State.RETIRED_BUSY;
                return false;
            case HELD:
                state = State.HELD_BUSY;
                return false;
            default:
                throw illegal("start a task");
        }
    }

    /** The running task's result reached the engine. */
    void taskEnded() {
        switch (state) {
            case BUSY:
                state = State.IDLE;
                break;
            case BUSY_PENDING:
                state = State.PENDING;
                break;
            case RETIRED_BUSY:
                state = State.RETIRED;
                break;
            case HELD_BUSY:
                state = State.HELD;
                break;
            default:
                throw illegal("end a task");
        }
    }

    /**
     * The task that just ended failed (the sink threw, or reading failed): the same lines are offered again after a
     * backoff that doubles with each failure in a row.
     *
     * @return the backoff, in nanoseconds
     */
    long failed(long nowNanos) {
        expect(state == State.IDLE || state == State.PENDING, "fail");
        failures++;
        long backoff = Math.min(BACKOFF_MAX_NANOS, BACKOFF_MIN_NANOS << Math.min(20, failures - 1));
        retryAtNanos = nowNanos + backoff;
        state = State.BACKOFF;
        return backoff;
    }

    /**
     * A delivery of the file failed transiently, or a probe read ended: hold the file (no reading) until the engine
     * rewinds it or the probe is acknowledged. A failure backoff in progress is superseded.
     *
     * @return true if the file was in the read queue, from which the caller must take it out
     */
    boolean hold() {
        expect(
                state == State.IDLE || state == State.PENDING || state == State.QUEUED || state == State.BACKOFF,
                "hold");
        boolean wasQueued = state == State.QUEUED;
        failures = 0;
        state = State.HELD;
        return wasQueued;
    }

    /**
     * The held file was rewound to its committed offset: it is read again (a probe) after a backoff of about {@link
     * #DELIVERY_BACKOFF_MIN_NANOS} doubling with each rewind in a row up to {@link #DELIVERY_BACKOFF_MAX_NANOS}, of which
     * the last quarter is random (so files held by one outage do not retry in step).
     *
     * @param random in [0, 1)
     * @return the backoff, in nanoseconds
     */
    long rewound(long nowNanos, double random) {
        expect(state == State.HELD, "rewind");
        deliveryFailures++;
        long full =
                Math.min(DELIVERY_BACKOFF_MAX_NANOS, DELIVERY_BACKOFF_MIN_NANOS << Math.min(20, deliveryFailures - 1));
        long backoff = full - (long) (full / 4 * random);
        retryAtNanos = nowNanos + backoff;
        state = State.BACKOFF;
        return backoff;
    }

    /** Every range of the held file was acknowledged (its probe got through): read at full speed again. */
    void deliveryRecovered() {
        expect(state == State.HELD, "release");
        deliveryFailures = 0;
        state = State.PENDING;
    }

    /** The task that just ended succeeded: the next failure starts the backoff afresh. */
    void succeeded() {
        failures = 0;
    }

    /**
     * The retry time of a failed file has come (the timers ask again on each pass while failures remain, so a retried
     * file that had to wait for a descriptor is still read).
     */
    void retryDue() {
        expect(!busy() && !retired() && !held(), "retry");
        state = state == State.BACKOFF ? State.PENDING : state;
        markPending();
    }

    /**
     * The file table released or forgot the file. Allowed from every state: a file closed while idle may lose its path
     * while its close notice runs.
     *
     * @return true if the file was in the read queue, from which the caller must take it out
     */
    boolean retire() {
        boolean wasQueued = state == State.QUEUED;
        state = busy() ? State.RETIRED_BUSY : State.RETIRED;
        return wasQueued;
    }

    /**
     * The table found a retired file under a matching name again; it resumes where it was, backing off first if its
     * last attempt failed. A file that is not retired is unchanged (it was renamed from one matching name to another).
     */
    void revive() {
        if (state == State.RETIRED) {
            state = failures > 0 || deliveryFailures > 0 ? State.BACKOFF : State.IDLE;
        } else if (state == State.RETIRED_BUSY) {
            state = State.BUSY;
        }
    }

    private void expect(boolean allowed, String what) {
        if (!allowed) {
            throw illegal(what);
        }
    }

    private IllegalStateException illegal(String what) {
        return new IllegalStateException("cannot " + what + " a file in scheduling state " + state);
    }

    @Override
    public String toString() {
        String s = failures > 0 ? state + " (" + failures + " failures)" : state.toString();
        return deliveryFailures > 0 ? s + " (" + deliveryFailures + " delivery failures)" : s;
    }
}
