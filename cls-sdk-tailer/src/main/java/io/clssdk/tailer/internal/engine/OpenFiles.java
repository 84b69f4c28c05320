package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.FileStatus.State;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tailer's file descriptors, kept under {@code maxOpenFiles}, and the queue of files waiting for one. Opening a
 * file checks that the path still leads to the expected identity. At the cap a descriptor is taken from a file that
 * does not need it now (see {@link #evictOne}); when none can give one up, the file waits in the queue, in the order
 * files asked, and gets the next free descriptor ({@link #nextServable}). The cap defers reading, it never drops a
 * file. Engine-thread only.
 */
final class OpenFiles {
    private static final Logger log = LoggerFactory.getLogger(OpenFiles.class);
    private static final long CAP_LOG_INTERVAL_NANOS = 60_000_000_000L;

    /** What became of an attempt to open a file. */
    enum Outcome {
        OPENED,
        /** Every descriptor is in use and none can be given up now. */
        AT_CAP,
        /** The path leads to another file, or to none. */
        ELSEWHERE,
        /** Opening failed (permissions, I/O error): see {@link Attempt#error}. */
        FAILED
    }

    /** The result of {@link #open}. */
    static final class Attempt {
        final Outcome outcome;
        final FileChannel channel;
        final IOException error;

        private Attempt(Outcome outcome, FileChannel channel, IOException error) {
            this.outcome = outcome;
            this.channel = channel;
            this.error = error;
        }
    }

    private static final Attempt AT_CAP = new Attempt(Outcome.AT_CAP, null, null);
    private static final Attempt ELSEWHERE = new Attempt(Outcome.ELSEWHERE, null, null);

    private final int maxOpenFiles;
    private final Collection<TrackedFile> files;
    private final ArrayDeque<TrackedFile> waiting = new ArrayDeque<>();
    private int count;
    private long lastCapLogNanos;
    private boolean capLogged;

    /** @param files the followed files, from which one is chosen to close at the cap */
    OpenFiles(int maxOpenFiles, Collection<TrackedFile> files) {
        this.maxOpenFiles = maxOpenFiles;
        this.files = files;
    }

    int count() {
        return count;
    }

    int max() {
        return maxOpenFiles;
    }

    /** Opens {@code path} if it still is {@code key}, closing another file first when at the cap. */
    Attempt open(Path path, FileKey key) {
        if (count >= maxOpenFiles && !evictOne()) {
            return AT_CAP;
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return ELSEWHERE;
        } catch (IOException e) {
            return new Attempt(Outcome.FAILED, null, e);
        }
        count++;
        try {
            if (FileStat.of(path).key().equals(key)) {
                return new Attempt(Outcome.OPENED, ch, null);
            }
        } catch (IOException e) {
            // gone again
        }
        close(ch);
        return ELSEWHERE;
    }

    /** Puts {@code f} at the end of the queue for a descriptor (once). */
    void enqueue(TrackedFile f, long nowNanos) {
        if (f.waiting) {
            return;
        }
        f.waiting = true;
        waiting.addLast(f);
        if (!capLogged || nowNanos - lastCapLogNanos >= CAP_LOG_INTERVAL_NANOS) {
            capLogged = true;
            lastCapLogNanos = nowNanos;
            log.info(
                    "open-file cap {} reached: {} waits for a descriptor ({} waiting); it is read as soon as one is"
                            + " free",
                    maxOpenFiles,
                    f.path,
                    waiting.size());
        } else {
            log.debug("open-file cap {} reached; {} waits ({} waiting)", maxOpenFiles, f.path, waiting.size());
        }
    }

    /** Takes {@code f} out of the queue (it was forgotten or found gone). */
    void dequeue(TrackedFile f) {
        if (f.waiting) {
            f.waiting = false;
            waiting.remove(f);
        }
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** The first waiting file, taken out of the queue, if a descriptor is free for it now (closing one if need be). */
    TrackedFile nextServable() {
        if (waiting.isEmpty() || (count >= maxOpenFiles && !evictOne())) {
            return null;
        }
        TrackedFile f = waiting.pollFirst();
        f.waiting = false;
        return f;
    }

    /** Closes {@code f}'s descriptor; {@code state} is what the file becomes. */
    void close(TrackedFile f, State state) {
        close(f.channel);
        f.channel = null;
        f.state = state;
    }

    /** Closes a descriptor this class opened; null is ignored. */
    void close(FileChannel ch) {
        if (ch == null) {
            return;
        }
        count--;
        try {
            ch.close();
        } catch (IOException e) {
            log.debug("closing: {}", e.toString());
        }
    }

    /**
     * Closes one open file to make room; false if there is none that may be closed. In this order: a renamed file read
     * to its end (its lines need not be acknowledged yet: acknowledgements only move the committed offset and never
     * touch the descriptor; it stays {@code ROTATED_DRAINING} and is reopened by identity if it grows); the least
     * recently active idle followed file (it becomes {@code CLOSED_IDLE}); and, so a file written without pause cannot
     * keep its descriptor while others wait, the least recently active file with more to read that had a read since it
     * got its descriptor (it queues again behind the waiting files). Never a file being read, one not read since it was
     * opened (no thrashing), nor a deleted file: a deleted file cannot be opened again.
     */
    private boolean evictOne() {
        TrackedFile drained = null;
        TrackedFile idle = null;
        TrackedFile busy = null;
        for (TrackedFile f : files) {
            if (!f.open() || f.schedule.busy() || f.state == State.DELETED_DRAINING) {
                continue;
            }
            boolean pending = f.schedule.hasMoreToRead();
            if (!pending && f.state == State.ROTATED_DRAINING && readToEnd(f)) {
                drained = older(drained, f);
            } else if (!pending && f.state == State.ACTIVE) {
                idle = older(idle, f);
            } else if (f.readSinceOpen) {
                busy = older(busy, f);
            }
        }
        TrackedFile victim = drained != null ? drained : idle != null ? idle : busy;
        if (victim == null) {
            return false;
        }
        State after = victim.state == State.ACTIVE ? State.CLOSED_IDLE : victim.state;
        log.debug("closing {} ({}) to stay within {} open files", victim.path, victim.state, maxOpenFiles);
        if (victim != drained && victim != idle) {
            victim.schedule.markPending(); // more to read: it asks for a descriptor again
        }
        close(victim, after);
        return true;
    }

    private static TrackedFile older(TrackedFile a, TrackedFile b) {
        return a == null || b.lastActivityNanos < a.lastActivityNanos ? b : a;
    }

    private static boolean readToEnd(TrackedFile f) {
        return f.readOffset >= f.size && f.scanOffset < 0 && !f.partialPending;
    }
}
