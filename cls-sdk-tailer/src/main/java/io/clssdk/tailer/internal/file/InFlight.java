package io.clssdk.tailer.internal.file;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts bytes handed to sinks and not yet acknowledged, for backpressure. Each chunk is charged its bytes plus a fixed
 * overhead, so that many tiny chunks are bounded too. Nothing more is handed out at the limit; once a reader waited
 * for it, the listener is told when a quarter of the limit is free again, not at the first byte under it: a resumed
 * reader then reads a run of chunks rather than one, and each resumption costs the engine and a reader thread a round
 * trip (at one per acknowledged chunk, about one per request, that was a measurable part of a busy tailer's CPU).
 * Everything in flight settles without more reading (delivered, failed, or a pending multi-line entry flushed by its
 * timer), so a waiting reader is always told. Thread-safe.
 */
public final class InFlight {
    /** Charged per chunk on top of its bytes: roughly the bookkeeping a chunk costs. */
    public static final long CHUNK_OVERHEAD = 128;

    private final long limit;
    /** A release that takes the count below this wakes a waiting reader. */
    private final long resumeBelow;

    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean waiting;
    private volatile Runnable onRelease = () -> {};

    public InFlight(long limit) {
        this.limit = limit;
        this.resumeBelow = limit - limit / 4;
    }

    public void onRelease(Runnable listener) {
        this.onRelease = listener;
    }

    public void charge(long n) {
        bytes.addAndGet(n);
    }

    public void release(long n) {
        long now = bytes.addAndGet(-n);
        if (waiting && now < resumeBelow) {
            waiting = false;
            onRelease.run();
        }
    }

    /** Runs the listener now: something the engine waits for happened (a delivery failed, or settled after one). */
    public void signal() {
        onRelease.run();
    }

    /** True if nothing more may be handed out; records that someone waits for a release. */
    public boolean full() {
        if (bytes.get() < limit) {
            return false;
        }
        waiting = true;
        // re-check: a release between the read and the flag would otherwise be missed
        return bytes.get() >= limit;
    }

    public long bytes() {
        return bytes.get();
    }

    public long limit() {
        return limit;
    }
}
