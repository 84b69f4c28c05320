package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.FileStatus.State;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the engine does because time passed: the periodic rescan (started here, walked by the engine loop in
 * slices, finished in {@link #scanFinished}; the next one is due a rescan interval after the last one ended), checkpoint
 * writes, and per-file deadlines
 * (polling and closing drained rotated or deleted files, flushing a held partial line, telling the sink a file went
 * idle, closing inactive files, retrying after a sink failure). Also updates a file's timestamps from reader results.
 * {@link #run} returns the next deadline, so an idle engine sleeps until then. Engine-thread only.
 */
final class Timers {
    private static final Logger log = LoggerFactory.getLogger(Timers.class);
    /** How often a draining file's size is checked (it may get no events: it no longer matches any rule). */
    static final long DRAIN_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A deleted file is released once read to its end and unchanged for this long. */
    static final long DELETED_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final long BACKOFF_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long BACKOFF_MAX_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Engine engine;
    private final long rescanNanos;
    private final long checkpointNanos;
    private final long quietNanos;
    private final long partialIdleNanos;
    private final Set<Path> seenInScan = new HashSet<>();
    private long nextRescan;
    /** Events were lost during a scan pass: scan again as soon as it ends. */
    private boolean rescanAgain;

    private long nextCheckpoint;

    Timers(Engine engine) {
        this.engine = engine;
        this.rescanNanos = engine.options.rescanInterval().toNanos();
        this.checkpointNanos = engine.options.checkpointInterval().toNanos();
        this.quietNanos = engine.options.rotationQuietPeriod().toNanos();
        this.partialIdleNanos = engine.options.partialLineFlushIdle().toNanos();
        long now = engine.clock.nanoTime();
        this.nextRescan = now + rescanNanos;
        this.nextCheckpoint = now + checkpointNanos;
    }

    void rescanNow() {
        if (engine.scanning()) {
            rescanAgain = true; // the pass in progress may have listed the directories whose events were lost
        } else {
            nextRescan = engine.clock.nanoTime();
        }
    }

    void noteSeen(Path file) {
        seenInScan.add(file);
    }

    /** Runs what is due at {@code now}; returns the next deadline. */
    long run(long now) {
        boolean scanning = engine.scanning();
        if (!scanning && now - nextRescan >= 0) {
            seenInScan.clear();
            engine.startRescan();
            scanning = true;
        }
        if (now - nextCheckpoint >= 0) {
            engine.checkpoints.write(false);
            nextCheckpoint = now + checkpointNanos;
        }
        long next = Math.min(now + MAX_WAIT_NANOS, scanning ? nextCheckpoint : Math.min(nextRescan, nextCheckpoint));
        for (TrackedFile f : new ArrayList<>(engine.table.files())) {
            if (!f.retired && !f.inFlight) {
                next = Math.min(next, fileTimers(f, now));
            }
        }
        return next;
    }

    /**
     * A scan pass ended at {@code now}: a followed file it did not find is looked at (gone, replaced, or no longer
     * matched; not after the start-up walk, which only found files), and the next pass is scheduled.
     */
    void scanFinished(long now, boolean startUp) {
        if (!startUp) {
            checkUnseen();
        }
        seenInScan.clear();
        nextRescan = rescanAgain ? now : now + rescanNanos;
        rescanAgain = false;
    }

    private void checkUnseen() {
        for (TrackedFile f : new ArrayList<>(engine.table.files())) {
            if (f.retired || f.draining()) {
                continue;
            }
            if (!seenInScan.contains(f.path)) {
                engine.table.seen(f.path, f.source, false); // gone, replaced, or no longer matched
            }
            if (!f.retired && !f.draining()) {
                engine.table.refreshFingerprint(f);
            }
        }
    }

    /** Runs the due timers of one file that is not in flight; returns its next deadline. */
    private long fileTimers(TrackedFile f, long now) {
        long none = Long.MAX_VALUE;
        if (f.failures > 0) {
            if (now - f.retryAtNanos >= 0) {
                engine.retry(f);
                return none;
            }
            return f.retryAtNanos;
        }
        if (f.draining()) {
            return drainTimers(f, now);
        }
        if (!f.open()) {
            return none;
        }
        long next = none;
        if (partialIdleNanos > 0 && f.partialPending && !f.dirty) {
            long due = f.lastGrowthNanos + partialIdleNanos;
            if (now - due >= 0) {
                f.partialPending = false;
                engine.submit(f, ReadResult.Kind.FLUSH);
                return none;
            }
            next = Math.min(next, due);
        }
        if (partialIdleNanos > 0 && !f.idleNotified) {
            long due = f.lastLineNanos + partialIdleNanos;
            if (now - due >= 0) {
                f.idleNotified = true;
                engine.submit(f, ReadResult.Kind.IDLE);
                return none;
            }
            next = Math.min(next, due);
        }
        long timeout = f.source.fileTimeoutNanos;
        if (timeout > 0 && f.state == State.ACTIVE && !f.dirty && !f.queued) {
            long due = f.lastActivityNanos + timeout;
            if (now - due >= 0) {
                log.debug("closing {} after {} ms without new data", f.path, TimeUnit.NANOSECONDS.toMillis(timeout));
                engine.table.close(f, State.CLOSED_IDLE);
                engine.closed(f);
                return none;
            }
            next = Math.min(next, due);
        }
        return next;
    }

    private long drainTimers(TrackedFile f, long now) {
        if (now - f.lastDrainPollNanos >= DRAIN_POLL_NANOS && !f.open()) {
            // closed while drained (open-file cap), waiting, or unreadable: look at it by path; it is reopened by
            // identity if it grew, found again if it was renamed, and released or counted lost if it is gone
            f.lastDrainPollNanos = now;
            engine.table.seen(f.path, f.source, false);
        } else if (now - f.lastDrainPollNanos >= DRAIN_POLL_NANOS) {
            f.lastDrainPollNanos = now;
            try {
                long size = f.channel.size();
                if (size > f.size) {
                    f.lastGrowthNanos = now;
                }
                f.size = size;
                if (size != f.readOffset && !f.partialPending || size < f.readOffset) {
                    engine.dirty(f);
                }
            } catch (IOException e) {
                log.debug("cannot check {}: {}", f.path, e.toString());
            }
        }
        long next = f.lastDrainPollNanos + DRAIN_POLL_NANOS;
        if (f.dirty || f.queued || !f.opened || f.retired) {
            return next; // a file never opened is never released unread
        }
        if (partialIdleNanos > 0 && !f.idleNotified) {
            // a renamed file usually gets no more lines: let the sink settle what it holds (a multi-line entry)
            // now rather than when the quiet period ends
            long idleDue = f.lastLineNanos + partialIdleNanos;
            if (now - idleDue >= 0) {
                f.idleNotified = true;
                engine.submit(f, ReadResult.Kind.IDLE);
                return next;
            }
            next = Math.min(next, idleDue);
        }
        long quiet = f.state == State.ROTATED_DRAINING ? quietNanos : DELETED_GRACE_NANOS;
        long due = f.lastGrowthNanos + quiet;
        if (now - due < 0) {
            return Math.min(next, due);
        }
        if (f.partialPending) {
            f.partialPending = false;
            engine.submit(f, ReadResult.Kind.FLUSH);
        } else {
            log.info("{} drained to offset {}; releasing it", f.path, f.readOffset);
            engine.table.retire(f);
        }
        return Long.MAX_VALUE;
    }

    /** Updates {@code f} from the result of one of its tasks. */
    void afterTask(TrackedFile f, ReadResult r, long now) {
        if (r.bytesConsumed > 0) {
            f.lastActivityNanos = now;
            f.lastGrowthNanos = now;
        }
        if (r.lines > 0) {
            f.lastLineNanos = now;
            f.idleNotified = false;
        }
        if (r.sinkError != null || r.ioError != null) {
            f.failures++;
            long backoff = Math.min(BACKOFF_MAX_NANOS, BACKOFF_MIN_NANOS << Math.min(20, f.failures - 1));
            f.retryAtNanos = now + backoff;
            f.dirty = true;
            f.partialPending |= r.kind == ReadResult.Kind.FLUSH;
            Throwable t = r.sinkError != null ? r.sinkError : r.ioError;
            log.warn(
                    "{} {} failed for {} (attempt {}); retrying the same lines in {} ms",
                    r.sinkError != null ? "sink of source" : "reading for source",
                    f.source.name,
                    f.path,
                    f.failures,
                    TimeUnit.NANOSECONDS.toMillis(backoff),
                    t);
            return;
        }
        f.failures = 0;
        if (r.kind != ReadResult.Kind.READ && r.kind != ReadResult.Kind.FLUSH) {
            return;
        }
        if (!r.eof) {
            engine.dirty(f); // budget used up, or backpressure: more to read
            return;
        }
        if (r.size > f.size) {
            f.lastGrowthNanos = now;
        }
        f.size = r.size;
        // A size below what was read is a truncation: files whose size means nothing (procfs, sysfs: 0 or 4096
        // whatever they hold) would look truncated after every read, so discovery never follows them.
        if (r.size < f.readOffset || (f.scanOffset >= 0 && r.size < f.scanOffset)) {
            engine.table.truncated(f);
            return;
        }
        f.partialPending = f.readOffset < r.size;
        engine.table.refreshFingerprint(f);
    }
}
