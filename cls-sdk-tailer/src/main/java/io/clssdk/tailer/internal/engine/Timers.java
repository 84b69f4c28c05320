package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.FileStatus.State;
import io.clssdk.tailer.TailerOptions;
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

    /** The tasks the timers start ({@link Scheduler}). */
    interface Tasks {
        /** {@code f} has more to read: queue it if it may be read now. */
        void dirty(TrackedFile f);

        /** {@code f}'s backoff after a failure is over: read it again. */
        void retry(TrackedFile f);

        /** Hands a flush or an idle notice for {@code f}, which no task runs for, to the readers. */
        void submit(TrackedFile f, ReadResult.Kind kind);

        /** {@code f} was closed after inactivity; the sink should hear of it. */
        void closed(TrackedFile f);

        /** Delivery of {@code f} failed: stop reading it ({@link ReadSchedule#hold}), out of the read queue too. */
        void hold(TrackedFile f);
    }

    /** The periodic rescan, walked by the engine loop. */
    interface Scans {
        /** True while a scan pass is being walked. */
        boolean scanning();

        /** Starts a scan pass. */
        void startRescan();
    }

    private final Clock clock;
    private final FileTable table;
    private final CheckpointWriter checkpoints;
    private final Tasks tasks;
    private final Scans scans;
    private final DeliveryHolds holds;
    private final HeldDeletedFiles heldDeleted;
    private final long rescanNanos;
    private final long checkpointNanos;
    private final long quietNanos;
    private final long partialIdleNanos;
    private final Set<Path> seenInScan = new HashSet<>();
    private long nextRescan;
    /** Events were lost during a scan pass: scan again as soon as it ends. */
    private boolean rescanAgain;

    private long nextCheckpoint;

    Timers(
            TailerOptions options,
            Clock clock,
            FileTable table,
            CheckpointWriter checkpoints,
            Tasks tasks,
            Scans scans) {
        this.clock = clock;
        this.table = table;
        this.checkpoints = checkpoints;
        this.tasks = tasks;
        this.scans = scans;
        this.holds = new DeliveryHolds(clock, tasks);
        this.heldDeleted = new HeldDeletedFiles(options.maxHeldDeletedFiles(), options.maxHeldDeletedBytes());
        this.rescanNanos = options.rescanInterval().toNanos();
        this.checkpointNanos = options.checkpointInterval().toNanos();
        this.quietNanos = options.rotationQuietPeriod().toNanos();
        this.partialIdleNanos = options.partialLineFlushIdle().toNanos();
        long now = clock.nanoTime();
        this.nextRescan = now + rescanNanos;
        this.nextCheckpoint = now + checkpointNanos;
    }

    void rescanNow() {
        if (scans.scanning()) {
            rescanAgain = true; // the pass in progress may have listed the directories whose events were lost
        } else {
            nextRescan = clock.nanoTime();
        }
    }

    void noteSeen(Path file) {
        seenInScan.add(file);
    }

    /** Runs what is due at {@code now}; returns the next deadline. */
    long run(long now) {
        boolean scanning = scans.scanning();
        if (!scanning && now - nextRescan >= 0) {
            seenInScan.clear();
            scans.startRescan();
            scanning = true;
        }
        if (now - nextCheckpoint >= 0) {
            checkpoints.write(false);
            nextCheckpoint = now + checkpointNanos;
        }
        long next = Math.min(now + MAX_WAIT_NANOS, scanning ? nextCheckpoint : Math.min(nextRescan, nextCheckpoint));
        heldDeleted.enforce(table);
        for (TrackedFile f : new ArrayList<>(table.files())) {
            if (!f.schedule.retired() && !f.schedule.busy()) {
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
        for (TrackedFile f : new ArrayList<>(table.files())) {
            if (f.schedule.retired() || f.draining()) {
                continue;
            }
            if (!seenInScan.contains(f.path)) {
                table.seen(f.path, f.source, false); // gone, replaced, or no longer matched
            }
            if (!f.schedule.retired() && !f.draining()) {
                table.refreshFingerprint(f);
            }
        }
    }

    /** Runs the due timers of one file that is not in flight; returns its next deadline. */
    private long fileTimers(TrackedFile f, long now) {
        long none = Long.MAX_VALUE;
        if (holds.check(f)) {
            return none; // woken by the outcome it waits for; its backoff starts after the rewind notice
        }
        if (f.schedule.failures() > 0 || f.schedule.backingOff()) {
            if (now - f.schedule.retryAtNanos() >= 0) {
                tasks.retry(f);
                return none;
            }
            return f.schedule.retryAtNanos();
        }
        if (f.draining()) {
            return drainTimers(f, now);
        }
        if (!f.open()) {
            return none;
        }
        long next = none;
        if (partialIdleNanos > 0 && f.partialPending && !f.schedule.hasMoreToRead()) {
            long due = f.lastGrowthNanos + partialIdleNanos;
            if (now - due >= 0) {
                f.partialPending = false;
                tasks.submit(f, ReadResult.Kind.FLUSH);
                return none;
            }
            next = Math.min(next, due);
        }
        if (partialIdleNanos > 0 && !f.idleNotified) {
            long due = f.lastLineNanos + partialIdleNanos;
            if (now - due >= 0) {
                f.idleNotified = true;
                tasks.submit(f, ReadResult.Kind.IDLE);
                return none;
            }
            next = Math.min(next, due);
        }
        long timeout = f.source.fileTimeoutNanos;
        if (timeout > 0 && f.state == State.ACTIVE && !f.schedule.hasMoreToRead()) {
            long due = f.lastActivityNanos + timeout;
            if (now - due >= 0) {
                log.debug("closing {} after {} ms without new data", f.path, TimeUnit.NANOSECONDS.toMillis(timeout));
                table.close(f, State.CLOSED_IDLE);
                tasks.closed(f);
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
            table.seen(f.path, f.source, false);
        } else if (now - f.lastDrainPollNanos >= DRAIN_POLL_NANOS) {
            f.lastDrainPollNanos = now;
            try {
                long size = f.channel.size();
                if (size > f.size) {
                    f.lastGrowthNanos = now;
                }
                f.size = size;
                if (size != f.readOffset && !f.partialPending || size < f.readOffset) {
                    tasks.dirty(f);
                }
            } catch (IOException e) {
                log.debug("cannot check {}: {}", f.path, e.toString());
            }
        }
        long next = f.lastDrainPollNanos + DRAIN_POLL_NANOS;
        if (f.schedule.hasMoreToRead() || !f.opened || f.schedule.retired()) {
            return next; // a file never opened is never released unread
        }
        if (partialIdleNanos > 0 && !f.idleNotified) {
            // a renamed file usually gets no more lines: let the sink settle what it holds (a multi-line entry)
            // now rather than when the quiet period ends
            long idleDue = f.lastLineNanos + partialIdleNanos;
            if (now - idleDue >= 0) {
                f.idleNotified = true;
                tasks.submit(f, ReadResult.Kind.IDLE);
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
            tasks.submit(f, ReadResult.Kind.FLUSH);
        } else if (!f.tracker.settled()) {
            return next; // lines not yet delivered may have to be read again: keep the file (polled, and woken)
        } else {
            log.info("{} drained to offset {}; releasing it", f.path, f.readOffset);
            table.retire(f);
        }
        return Long.MAX_VALUE;
    }

    /** Deleted files released with undelivered lines ({@link HeldDeletedFiles}). */
    HeldDeletedFiles heldDeleted() {
        return heldDeleted;
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
        if (r.sinkError == null && r.ioError == null && holds.afterTask(f, r, now)) {
            f.schedule.succeeded();
            return;
        }
        if (r.sinkError != null || r.ioError != null) {
            long backoff = f.schedule.failed(now);
            f.partialPending |= r.kind == ReadResult.Kind.FLUSH;
            Throwable t = r.sinkError != null ? r.sinkError : r.ioError;
            log.warn(
                    "{} {} failed for {} (attempt {}); retrying the same lines in {} ms",
                    r.sinkError != null ? "sink of source" : "reading for source",
                    f.source.name,
                    f.path,
                    f.schedule.failures(),
                    TimeUnit.NANOSECONDS.toMillis(backoff),
                    t);
            return;
        }
        f.schedule.succeeded();
        if (r.kind != ReadResult.Kind.READ && r.kind != ReadResult.Kind.FLUSH) {
            return;
        }
        if (!r.eof) {
            tasks.dirty(f); // budget used up, or backpressure: more to read
            return;
        }
        if (r.size > f.size) {
            f.lastGrowthNanos = now;
        }
        f.size = r.size;
        // A size below what was read is a truncation: files whose size means nothing (procfs, sysfs: 0 or 4096
        // whatever they hold) would look truncated after every read, so discovery never follows them.
        if (r.size < f.readOffset || (f.scanOffset >= 0 && r.size < f.scanOffset)) {
            table.truncated(f);
            return;
        }
        f.partialPending = f.readOffset < r.size;
        table.refreshFingerprint(f);
    }
}
