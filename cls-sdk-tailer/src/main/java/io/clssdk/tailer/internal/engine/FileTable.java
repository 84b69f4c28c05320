package io.clssdk.tailer.internal.engine;

import io.clssdk.core.internal.time.Clock;
import io.clssdk.tailer.FileStatus.State;
import io.clssdk.tailer.internal.checkpoint.CheckpointEntry;
import io.clssdk.tailer.internal.file.CommitTracker;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import io.clssdk.tailer.internal.file.Fingerprint;
import io.clssdk.tailer.internal.file.InFlight;
import io.clssdk.tailer.internal.file.OpenFileLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The followed files, by identity and by path: decides what a path that appeared or changed is (the same file, a
 * renamed one, a replaced one, a reused inode), and what happens to a file that lost its path. A file is followed from
 * the moment its (device, inode) is known, even before it can be opened: {@link Opener} gives it a descriptor (or
 * queues it under the open-file cap, or records why it cannot be opened), and a file that is not open and loses its
 * path is looked for by identity in its directory ({@link Siblings}), so it is still read, or counted as lost, if it
 * was renamed or deleted meanwhile. Engine-thread only.
 */
final class FileTable {
    private static final Logger log = LoggerFactory.getLogger(FileTable.class);
    private static final Fingerprint NONE_YET = new Fingerprint(0, 0xcbf29ce484222325L);

    /** What the table asks of the engine. */
    interface Events {
        void dirty(TrackedFile f);

        /** The file was closed for good or after inactivity; the sink should hear of it. */
        void closed(TrackedFile f);

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
    private final OpenFiles open;
    private final Opener opener;
    private final Arrivals arrivals;
    private long followed;

    FileTable(
            int fingerprintBytes, int maxOpenFiles, InFlight inFlight, Clock clock, Events events, Arrivals arrivals) {
        this.fingerprintBytes = fingerprintBytes;
        this.arrivals = arrivals;
        this.open = new OpenFiles(maxOpenFiles, byKey.values());
        this.opener = new Opener(open, remembered, fingerprintBytes, clock);
        this.inFlight = inFlight;
        this.clock = clock;
        this.events = events;
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
                pathLost(cur); // deleted, or replaced by a directory or something else that is not a file
            }
            return;
        }
        if (cur != null && cur.key.equals(st.key())) {
            sameFile(cur, st.size());
            return;
        }
        if (cur != null) {
            pathLost(cur);
        }
        if (events.sourceFor(path) == null) {
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
            if (f.opened && size == f.size && !f.dirty) {
                return; // closed while idle (or drained) and unchanged: leave it closed
            }
            f.size = size;
            f.dirty = true; // kept while it waits or cannot be opened: it is not done
            if (requestOpen(f) != Opener.Result.OPENED) {
                return;
            }
        }
        f.size = size;
        if (size != f.readOffset || f.scanOffset >= 0) {
            events.dirty(f);
        }
    }

    private void movedHere(TrackedFile f, Path path) {
        if (byPath.get(f.path) == f) {
            byPath.remove(f.path);
        }
        if (!path.equals(f.path)) {
            log.info("{} was renamed to {}; continuing at offset {}", f.path, path, f.readOffset);
            f.moveTo(path);
            arrivals.identified(path); // it arrived here; the same path again is no new arrival
        }
        byPath.put(path, f);
        f.state = State.ACTIVE;
        f.retired = false;
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
        f.dirty = true;
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
     * After a restart: a checkpointed file that no rule finds any more may have been rotated next to its old path, or
     * may have been draining under its rotated name already (the checkpoint then records that name).
     */
    void recoverRotated() {
        for (CheckpointEntry e : new ArrayList<>(remembered.values())) {
            if (byKey.containsKey(e.key())) {
                continue; // found by the scan, not opened yet (open-file cap): positioned by its entry when opened
            }
            Path old = e.path();
            if (old == null) {
                continue; // a name this JVM cannot represent: reported when the checkpoint was loaded
            }
            Siblings.Found found = Siblings.find(old, e.key());
            if (found == null || found.size <= e.offset()) {
                continue;
            }
            SourceSpec s = sourceOf(e, old);
            if (s == null) {
                continue;
            }
            boolean matching = events.sourceFor(found.path) != null;
            track(found.path, found.stat, s, false, found.path, matching ? State.ACTIVE : State.ROTATED_DRAINING);
            if (!matching) {
                log.info("draining {} (rotated from {} while stopped)", found.path, old);
            }
        }
    }

    /**
     * The source a remembered file is drained for: the one matching its checkpointed path if a rule does (it was
     * rotated while the tailer was stopped), else the source the entry names. A file stopped or killed while draining
     * under a rotated name is checkpointed with that name, which no rule matches; it still owes its source the lines
     * after its committed offset.
     */
    private SourceSpec sourceOf(CheckpointEntry e, Path old) {
        SourceSpec s = events.sourceFor(old);
        return s != null ? s : events.sourceNamed(e.source());
    }

    /** {@code f}'s path no longer leads to it: find out whether it was renamed or deleted, and drain it. */
    void pathLost(TrackedFile f) {
        if (byPath.get(f.path) == f) {
            byPath.remove(f.path);
        }
        if (!f.open()) {
            closedPathLost(f);
            return;
        }
        OpenFileLocator where = OpenFileLocator.locate(f.key);
        Path old = f.path;
        if (where.fate() == OpenFileLocator.Fate.DELETED) {
            f.state = State.DELETED_DRAINING;
            log.info("{} was deleted; draining it from offset {} and releasing it", old, f.readOffset);
        } else {
            if (where.fate() == OpenFileLocator.Fate.RENAMED) {
                if (events.sourceFor(where.newPath()) != null) {
                    movedHere(f, where.newPath());
                    return;
                }
                f.moveTo(where.newPath());
                if (!byPath.containsKey(f.path)) {
                    byPath.put(f.path, f); // so writes to the rotated name mark it dirty
                }
            }
            f.state = State.ROTATED_DRAINING;
            log.info("{} was rotated to {}; draining it from offset {}", old, f.path, f.readOffset);
        }
        f.lastGrowthNanos = clock.nanoTime();
        events.dirty(f);
    }

    /**
     * A file without a descriptor lost its path: there is no {@code /proc/self/fd} entry to ask, so its directory is
     * searched for its identity. Not found: a file never opened is lost (counted, WARN); a file closed while idle or
     * drained is released, and if it had grown past what was read before it was closed, that tail is lost.
     */
    private void closedPathLost(TrackedFile f) {
        Path old = f.path;
        Siblings.Found found = Siblings.find(old, f.key);
        // Without a fingerprint, the same inode back at the same name is a new file reusing the freed inode (ext4
        // reuses it at once), not a rename: a name cannot be renamed to itself.
        if (found != null && (f.opened || !found.path.equals(old))) {
            relocated(f, found);
            return;
        }
        if (!f.opened) {
            String why = f.problem != null ? f.problem : "it vanished right after it was found";
            forget(f);
            arrivals.lost(f, why);
            return;
        }
        if (f.size > f.readOffset) {
            arrivals.lostTail(f, f.readOffset, f.size);
        } else {
            log.info("{} is gone (it was closed, read to offset {}); releasing it", old, f.readOffset);
        }
        retire(f);
    }

    private void relocated(TrackedFile f, Siblings.Found found) {
        if (events.sourceFor(found.path) != null) {
            movedHere(f, found.path);
            return;
        }
        log.info("{} (not open) was renamed to {}; draining it from there", f.path, found.path);
        f.moveTo(found.path);
        if (!byPath.containsKey(f.path)) {
            byPath.put(f.path, f);
        }
        f.state = State.ROTATED_DRAINING;
        f.lastGrowthNanos = clock.nanoTime();
        if (!f.opened || found.size != f.size || f.dirty || f.partialPending) {
            f.size = Math.max(f.size, found.size);
            events.dirty(f); // read (or first opened) there, through the queue if descriptors are short
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
            pathLost(f);
        } else if (r == Opener.Result.OTHER_FILE) {
            Path path = f.path;
            forget(f);
            if (events.sourceFor(path) != null) {
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
        if (byPath.get(f.path) == f) {
            byPath.remove(f.path);
        }
        f.retired = true;
        f.lastSeenMillis = clock.currentTimeMillis();
        if (!f.closeNotified) {
            events.closed(f);
        }
    }

    /** Drops every trace of {@code f}. */
    void forget(TrackedFile f) {
        if (f.open()) {
            close(f, f.state);
        }
        open.dequeue(f);
        if (byPath.get(f.path) == f) {
            byPath.remove(f.path);
        }
        byKey.remove(f.key);
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
