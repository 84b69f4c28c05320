package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.FileStatus.State;
import io.clssdk.tailer.internal.checkpoint.CheckpointEntry;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.Fingerprint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a followed file its descriptor: the first time, it positions the file (checkpoint, Backtracking or 0) and takes
 * its fingerprint; later (after the file was closed while idle or while drained) it checks the fingerprint, so a
 * reused inode is not taken for the old file. A file that must wait for a descriptor is queued in {@link OpenFiles}; a
 * file that cannot be opened keeps a {@link TrackedFile#problem} (shown in status), is logged at WARN at most once per
 * {@link #PROBLEM_LOG_INTERVAL_NANOS} for the same error, and is tried again by the caller on its next event or rescan.
 * Engine-thread only.
 */
final class Opener {
    private static final Logger log = LoggerFactory.getLogger(Opener.class);
    static final long PROBLEM_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(10);

    /** What {@link #open} did. */
    enum Result {
        OPENED,
        /** Queued for a descriptor. */
        WAITING,
        /** Cannot be opened now; the problem is recorded. */
        FAILED,
        /** The path leads to another file, or to none: find where the file went. */
        ELSEWHERE,
        /** The inode was reused by other content: the old file is gone. */
        OTHER_FILE
    }

    private final OpenFiles open;
    private final Map<FileKey, CheckpointEntry> remembered;
    private final int fingerprintBytes;
    private final Clock clock;

    Opener(OpenFiles open, Map<FileKey, CheckpointEntry> remembered, int fingerprintBytes, Clock clock) {
        this.open = open;
        this.remembered = remembered;
        this.fingerprintBytes = fingerprintBytes;
        this.clock = clock;
    }

    /** Opens {@code f} at its path now, or queues it behind the files already waiting. */
    Result open(TrackedFile f) {
        if (f.open()) {
            return Result.OPENED;
        }
        if (f.waiting) {
            return Result.WAITING;
        }
        if (open.hasWaiting()) {
            waitFor(f);
            return Result.WAITING;
        }
        return attempt(f);
    }

    /** Opens a file just taken from the queue by {@link OpenFiles#nextServable()}. */
    Result attempt(TrackedFile f) {
        OpenFiles.Attempt a = open.open(f.path, f.key);
        switch (a.outcome) {
            case AT_CAP:
                waitFor(f);
                return Result.WAITING;
            case ELSEWHERE:
                return Result.ELSEWHERE;
            case FAILED:
                failed(f, a.error);
                return Result.FAILED;
            default:
                break;
        }
        FileChannel ch = a.channel;
        try {
            if (!f.opened) {
                position(f, ch);
            } else if (!f.fingerprint.matches(ch)) {
                log.info("{} has the inode of a file followed before but other content: a new file", f.path);
                open.close(ch);
                return Result.OTHER_FILE;
            }
        } catch (IOException e) {
            open.close(ch);
            failed(f, e);
            return Result.FAILED;
        }
        f.channel = ch;
        f.readSinceOpen = false;
        f.lastActivityNanos = clock.nanoTime();
        if (f.problemLogged != null) {
            log.info("{} can be read now", f.path);
            f.problemLogged = null;
        }
        f.problem = null;
        if (f.state == State.CLOSED_IDLE) {
            f.state = State.ACTIVE;
        }
        f.closeNotified = false;
        return Result.OPENED;
    }

    private void waitFor(TrackedFile f) {
        f.problem = "waiting for a file descriptor: maxOpenFiles (" + open.max() + ") are in use";
        open.enqueue(f, clock.nanoTime());
    }

    /** Records why {@code f} cannot be opened; WARN the first time and then at most every ten minutes per error. */
    private void failed(TrackedFile f, IOException e) {
        String problem = "cannot be opened: " + e;
        f.problem = problem;
        long now = clock.nanoTime();
        if (!problem.equals(f.problemLogged) || now - f.problemLoggedNanos >= PROBLEM_LOG_INTERVAL_NANOS) {
            f.problemLogged = problem;
            f.problemLoggedNanos = now;
            log.warn(
                    "cannot open {} (source {}): {}; nothing of it is read until it can be: it is tried again on its"
                            + " next change and at every rescan",
                    f.path,
                    f.source.name,
                    e.toString());
        } else {
            log.debug("still cannot open {}: {}", f.path, e.toString());
        }
    }

    /** First open: where reading starts, from the checkpoint, the source's Backtracking or 0. */
    private void position(TrackedFile f, FileChannel ch) throws IOException {
        Fingerprint fp = Fingerprint.read(ch, fingerprintBytes);
        long size = ch.size();
        CheckpointEntry e = remembered.get(f.key);
        long start;
        boolean align = false;
        if (e != null && e.fingerprint().matches(ch)) {
            start = e.offset() <= size ? e.offset() : 0;
            if (e.offset() > size) {
                log.info("{} is shorter ({} bytes) than its checkpoint ({}); reading from 0", f.path, size, e.offset());
            }
        } else if (f.initial && f.source.backtrackingBytes >= 0) {
            start = Math.max(0, size - f.source.backtrackingBytes);
            align = start > 0 && !atLineStart(ch, start);
        } else {
            if (e != null) {
                log.info("{} reuses the inode of {} but has other content: a new file", f.path, e.pathText());
            }
            start = 0;
        }
        remembered.remove(f.key);
        f.tracker.reset(align ? -1 : start);
        f.fingerprint(fp);
        f.readOffset = start;
        f.scanOffset = align ? start : -1;
        f.size = size;
        f.opened = true;
        long now = clock.nanoTime();
        f.lastGrowthNanos = now;
        log.debug("following {} ({}) from offset {}", f.path, f.key, start);
    }

    private static boolean atLineStart(FileChannel ch, long offset) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return ch.read(one, offset - 1) == 1 && one.get(0) == '\n';
    }
}
