package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.FileStatus.State;
import io.clssdk.tailer.internal.checkpoint.CheckpointEntry;
import io.clssdk.tailer.internal.file.CommitTracker;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import io.clssdk.tailer.internal.file.Fingerprint;
import io.clssdk.tailer.internal.file.InFlight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The followed files, by identity and by path: decides what a path that appeared or changed is (the same file, a
 * renamed one, a replaced one, a reused inode); what happens to a file that lost its path is worked out by {@link
 * Relocation}. A file is followed from the moment its (device, inode) is known, even before it can be opened: {@link
 * Opener} gives it a descriptor (or queues it under the open-file cap, or records why it cannot be opened). The table
 * tells the read scheduler about files through {@link Events} only. Engine-thread only.
 */
final class FileTable {
    private static final Logger log = LoggerFactory.getLogger(FileTable.class);
    private static final Fingerprint NONE_YET = new Fingerprint(0, 0xcbf29ce484222325L);

    /** What the table tells the read scheduler ({@link Scheduler}). */
    interface Events {
        /** {@code f} has more to read: queue it if it may be read now. */
        void dirty(TrackedFile f);

        /** The file was closed for good; the sink should hear of it. */
        void closed(TrackedFile f);

        /** {@code f} was retired or forgotten: it must not be read (nor stay queued) unless found again. */
        void released(TrackedFile f);
    }

    /** Which source a path belongs to (the engine asks discovery). */
    interface Sources {
        /** The highest-priority source matching {@code path}, or null. */
        SourceSpec sourceFor(Path path);

        /** The source called {@code name}, or null if there is none (any more). */
        SourceSpec sourceNamed(String name);
    }

    private final Map<FileKey, TrackedFile> byKey = new HashMap<>();
    private final Map<Path, TrackedFile> byPath = new HashMap<>();
    private final Map<FileKey, CheckpointEntry> remembered = new HashMap<>();
    private final int fingerprintBytes;
    private final InFlight inFlight;
    private final Clock clock;
    private final Events events;
    private final Sources sources;
    private final OpenFiles open;
    private final Opener opener;
    private final Arrivals arrivals;
    private final Relocation relocation;
    private long followed;

    FileTable(
            int fingerprintBytes,
            int maxOpenFiles,
            InFlight inFlight,
            Clock clock,
            Events events,
            Sources sources,
            Arrivals arrivals) {
        this.fingerprintBytes = fingerprintBytes;
        this.arrivals = arrivals;
        this.open = new OpenFiles(maxOpenFiles, byKey.values());
        this.opener = new Opener(open, remembered, fingerprintBytes, clock);
        this.inFlight = inFlight;
        this.clock = clock;
        this.events = events;
        this.sources = sources;
        this.relocation = new Relocation(this, events, sources, arrivals, clock);
    }

    void remember(List<CheckpointEntry> entries) {
        for (CheckpointEntry e : entries) {
            remembered.put(e.key(), e);
        }
    }

    Collection<TrackedFile> files() {
        return byKey.values();
    }

    Collection<CheckpointEntry> rememberedEntries() {
        return remembered.values();
    }

    TrackedFile atPath(Path path) {
        return byPath.get(path);
    }

    int openCount() {
        return open.count();
    }

    boolean knows(FileKey key) {
        return byKey.containsKey(key);
    }

    /**
     * How many files the table started following so far: a change tells the engine that the checkpoint does not list
     * every followed file yet.
     */
    long followedCount() {
        return followed;
    }

    /**
     * A path that matches {@code source} exists (found by a scan or an event), or a followed file's path changed.
     * Starts following it, or recognises it. A path no rule matches (a rotated name) only updates the file followed
     * there.
     *
     * @param initial true during the start-up scan: a file without checkpoint starts at the source's Backtracking
     *     position instead of 0
     */
    void seen(Path path, SourceSpec source, boolean initial) {
        FileStat st;
        try {
            st = FileStat.of(path);
        } catch (IOException e) {
            st = null;
        }
        TrackedFile cur = byPath.get(path);
        if (st == null || !st.regularFile()) {
            if (cur != null) {
                relocation.pathLost(cur); // deleted, or replaced by a directory or something else that is not a file
            }
            return;
        }
        if (cur != null && cur.key.equals(st.key())) {
            sameFile(cur, st.size());
            return;
        }
        if (cur != null) {
            relocation.pathLost(cur);
        }
        if (sources.sourceFor(path) == null) {
            return; // a rotated name now leads to another file: not ours to start following here
        }
        TrackedFile known = byKey.get(st.key());
        if (known != null) {
            movedHere(known, path);
            if (!known.open()) {
                requestOpen(known); // a reused inode is told apart by the fingerprint check on opening
            }
            return;
        }
        track(path, st, source, initial, path, State.ACTIVE);
    }

    private void sameFile(TrackedFile f, long size) {
        if (!f.open()) {
            if (f.opened && size == f.size && !f.schedule.hasMoreToRead()) {
                return; // closed while idle (or drained) and unchanged: leave it closed
            }
            f.size = size;
            f.schedule.markPending(); // kept while it waits or cannot be opened: it is not done
            if (requestOpen(f) != Opener.Result.OPENED) {
                return;
            }
        }
        f.size = size;
        if (size != f.readOffset || f.scanOffset >= 0) {
            events.dirty(f);
        }
    }

    /** {@code f} is now at {@code path}, which a rule matches: it is followed there (again, if it was retired). */
    void movedHere(TrackedFile f, Path path) {
        unlink(f);
        if (!path.equals(f.path)) {
            log.info("{} was renamed to {}; continuing at offset {}", f.path, path, f.readOffset);
            f.moveTo(path);
            arrivals.identified(path); // it arrived here; the same path again is no new arrival
        }
        byPath.put(path, f);
        f.state = State.ACTIVE;
        f.schedule.revive();
        events.dirty(f);
    }

    /** Starts following a file not followed before, and opens it now if a descriptor is free. */
    void track(Path path, FileStat st, SourceSpec source, boolean initial, Path origin, State state) {
        boolean hasCheckpoint = remembered.containsKey(st.key());
        // A new file found by an event starts at 0 (a line boundary), so it can be checkpointed before it is opened;
        // a file found at start is positioned (checkpoint or Backtracking) when first opened.
        CommitTracker tracker = new CommitTracker(inFlight, initial || hasCheckpoint ? -1 : 0);
        TrackedFile f = new TrackedFile(st.key(), source, path, NONE_YET, tracker);
        f.origin = origin;
        f.initial = initial;
        f.state = state;
        f.size = st.size();
        long now = clock.nanoTime();
        f.lastGrowthNanos = now;
        f.lastActivityNanos = now;
        f.lastSeenMillis = clock.currentTimeMillis();
        f.schedule.markPending();
        byKey.put(st.key(), f);
        followed++;
        if (state == State.ACTIVE || !byPath.containsKey(path)) {
            byPath.put(path, f);
        }
        arrivals.identified(origin);
        if (requestOpen(f) == Opener.Result.OPENED) {
            events.dirty(f);
        }
    }

    /**
     * After a restart: checkpointed files that no rule found may have been rotated next to their old paths ({@link
     * Relocation#recoverRotated}).
     */
    void recoverRotated() {
        relocation.recoverRotated();
    }

    /** Follows {@code f} at its (new) path too, unless another file is followed there. */
    void linkIfFree(TrackedFile f) {
        if (!byPath.containsKey(f.path)) {
            byPath.put(f.path, f);
        }
    }

    /** {@code f}'s path no longer leads to it. */
    void unlink(TrackedFile f) {
        if (byPath.get(f.path) == f) {
            byPath.remove(f.path);
        }
    }

    /** Gives {@code f} a descriptor, or queues it for one; handles a file found gone or replaced on the way. */
    Opener.Result requestOpen(TrackedFile f) {
        Opener.Result r = opener.open(f);
        afterOpen(f, r);
        return r;
    }

    /** Opens waiting files, first come first served, while descriptors are free or can be freed. */
    void serveWaiting() {
        TrackedFile f;
        while ((f = open.nextServable()) != null) {
            Opener.Result r = opener.attempt(f);
            afterOpen(f, r);
            if (r == Opener.Result.OPENED) {
                events.dirty(f);
            } else if (r == Opener.Result.WAITING) {
                return;
            }
        }
    }

    boolean waiting() {
        return open.hasWaiting();
    }

    private void afterOpen(TrackedFile f, Opener.Result r) {
        if (r == Opener.Result.ELSEWHERE) {
            relocation.pathLost(f);
        } else if (r == Opener.Result.OTHER_FILE) {
            Path path = f.path;
            forget(f);
            if (sources.sourceFor(path) != null) {
                seen(path, f.source, false);
            }
        }
    }

    /** Closes the descriptor; {@code state} is what the file becomes. */
    void close(TrackedFile f, State state) {
        open.close(f, state);
    }

    /** Stops following {@code f} for good (drained, or its path is gone while closed); kept for its checkpoint. */
    void retire(TrackedFile f) {
        if (f.open()) {
            close(f, f.state);
        }
        open.dequeue(f);
        unlink(f);
        events.released(f);
        f.lastSeenMillis = clock.currentTimeMillis();
        if (!f.closeNotified) {
            events.closed(f);
        }
    }

    /** Drops every trace of {@code f}, in the read queue too. */
    void forget(TrackedFile f) {
        if (f.open()) {
            close(f, f.state);
        }
        open.dequeue(f);
        unlink(f);
        byKey.remove(f.key);
        events.released(f);
    }

    void forgetRemembered(FileKey key) {
        remembered.remove(key);
    }

    /** The file was truncated (or rewritten from the start) under the same identity: read it again from 0. */
    void truncated(TrackedFile f) {
        log.info("{} was truncated (size {} < offset {}); reading it again from 0", f.path, f.size, f.readOffset);
        f.tracker.reset(0);
        f.readOffset = 0;
        f.scanOffset = -1;
        f.partialPending = false;
        try {
            f.fingerprint(Fingerprint.read(f.channel, fingerprintBytes));
        } catch (IOException e) {
            log.debug("cannot fingerprint {}: {}", f.path, e.toString());
        }
        events.dirty(f);
    }

    /**
     * Extends a short fingerprint as the file grows, after checking that the bytes it covers are unchanged; a changed
     * start means the file was truncated and rewritten.
     */
    void refreshFingerprint(TrackedFile f) {
        Fingerprint fp = f.fingerprint;
        if (!f.open() || fp.length() >= fingerprintBytes || f.size <= fp.length()) {
            return;
        }
        try {
            if (!fp.matches(f.channel)) {
                truncated(f);
                return;
            }
            f.fingerprint(Fingerprint.read(f.channel, fingerprintBytes));
        } catch (IOException e) {
            log.debug("cannot fingerprint {}: {}", f.path, e.toString());
        }
    }
}
