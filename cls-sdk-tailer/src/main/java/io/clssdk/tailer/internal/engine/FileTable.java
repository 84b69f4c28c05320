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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
 * renamed one, a replaced one, a reused inode), where reading starts, and what happens to a file that lost its path.
 * Its descriptors are counted and capped by {@link OpenFiles}. Engine-thread only.
 */
final class FileTable {
    private static final Logger log = LoggerFactory.getLogger(FileTable.class);

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

    FileTable(int fingerprintBytes, int maxOpenFiles, InFlight inFlight, Clock clock, Events events) {
        this.fingerprintBytes = fingerprintBytes;
        this.open = new OpenFiles(maxOpenFiles, byKey.values());
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

    /**
     * A path that matches {@code source} exists (found by a scan or an event). Starts following it, or recognises it.
     *
     * @param initial true during the start-up scan: a file without checkpoint starts at the source's Backtracking
     *     position instead of 0
     */
    void seen(Path path, SourceSpec source, boolean initial) {
        FileStat st;
        try {
            st = FileStat.of(path);
        } catch (IOException e) {
            TrackedFile gone = byPath.get(path);
            if (gone != null) {
                pathLost(gone);
            }
            return;
        }
        if (!st.regularFile()) {
            return;
        }
        TrackedFile cur = byPath.get(path);
        if (cur != null && cur.key.equals(st.key())) {
            sameFile(cur, st.size());
            return;
        }
        if (cur != null) {
            pathLost(cur);
        }
        TrackedFile known = byKey.get(st.key());
        if (known != null) {
            Reopen r = known.open() ? Reopen.OPENED : reopen(known, path);
            if (r == Reopen.OPENED) {
                movedHere(known, path);
                return;
            }
            if (r == Reopen.UNAVAILABLE) {
                return;
            }
            forget(known);
        }
        track(path, st, source, initial);
    }

    private void sameFile(TrackedFile f, long size) {
        if (!f.open()) {
            if (size == f.size && !f.dirty) {
                return; // closed while idle and unchanged: leave it closed
            }
            Reopen r = reopen(f, f.path);
            if (r == Reopen.UNAVAILABLE) {
                f.dirty = true; // retried on the next event or rescan
                return;
            }
            if (r == Reopen.OTHER_FILE) {
                Path path = f.path;
                forget(f);
                seen(path, f.source, false);
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
        }
        byPath.put(path, f);
        f.state = State.ACTIVE;
        f.retired = false;
        events.dirty(f);
    }

    private void track(Path path, FileStat st, SourceSpec source, boolean initial) {
        FileChannel ch = open.open(path, st.key());
        if (ch == null) {
            return;
        }
        try {
            Fingerprint fp = Fingerprint.read(ch, fingerprintBytes);
            long size = ch.size();
            CheckpointEntry e = remembered.remove(st.key());
            long start;
            boolean align = false;
            if (e != null && e.fingerprint().matches(ch)) {
                start = e.offset() <= size ? e.offset() : 0;
                if (e.offset() > size) {
                    log.info(
                            "{} is shorter ({} bytes) than its checkpoint ({}); reading from 0",
                            path,
                            size,
                            e.offset());
                }
            } else if (initial && source.backtrackingBytes >= 0) {
                start = Math.max(0, size - source.backtrackingBytes);
                align = start > 0 && !atLineStart(ch, start);
            } else {
                if (e != null) {
                    log.info("{} reuses the inode of {} but has other content: a new file", path, e.pathText());
                }
                start = 0;
            }
            CommitTracker tracker = new CommitTracker(inFlight, align ? -1 : start);
            TrackedFile f = new TrackedFile(st.key(), source, path, fp, tracker);
            f.channel = ch;
            f.readOffset = start;
            f.scanOffset = align ? start : -1;
            f.size = size;
            long now = clock.nanoTime();
            f.lastGrowthNanos = now;
            f.lastActivityNanos = now;
            f.lastSeenMillis = clock.currentTimeMillis();
            byKey.put(st.key(), f);
            byPath.put(path, f);
            log.debug("following {} ({}) from offset {}", path, st.key(), start);
            events.dirty(f);
        } catch (IOException ex) {
            log.warn("cannot read {}: {}", path, ex.toString());
            open.close(ch);
        }
    }

    /**
     * After a restart: a checkpointed file that no rule finds any more may have been rotated next to its old path, or
     * may have been draining under its rotated name already (the checkpoint then records that name).
     */
    void recoverRotated() {
        for (CheckpointEntry e : new ArrayList<>(remembered.values())) {
            Path old = e.path();
            if (old == null) {
                continue; // a name this JVM cannot represent: reported when the checkpoint was loaded
            }
            Path dir = old.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir)) {
                for (Path p : siblings) {
                    FileStat st = FileStat.of(p);
                    if (st.regularFile() && st.key().equals(e.key()) && st.size() > e.offset()) {
                        SourceSpec s = sourceOf(e, old);
                        if (s != null) {
                            track(p, st, s, false);
                            TrackedFile f = byKey.get(e.key());
                            if (f != null && events.sourceFor(p) == null) {
                                byPath.remove(p);
                                f.state = State.ROTATED_DRAINING;
                                log.info(
                                        "draining {} (rotated from {} while stopped) from offset {}",
                                        p,
                                        old,
                                        f.readOffset);
                            }
                        }
                        break;
                    }
                }
            } catch (IOException | RuntimeException ex) {
                log.debug("cannot look for rotated {} in {}: {}", old, dir, ex.toString());
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
            retire(f);
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

    /** The outcome of {@link #reopen}. */
    enum Reopen {
        OPENED,
        /** The path leads to another file (or none): the closed file cannot be followed there any more. */
        OTHER_FILE,
        /** Not now (open-file cap, I/O error); try again later. */
        UNAVAILABLE
    }

    /** Opens a closed file again if its path still leads to the same identity (device, inode and fingerprint). */
    Reopen reopen(TrackedFile f, Path path) {
        FileStat st;
        try {
            st = FileStat.of(path);
        } catch (IOException e) {
            return Reopen.OTHER_FILE;
        }
        if (!st.key().equals(f.key)) {
            return Reopen.OTHER_FILE;
        }
        FileChannel ch = open.open(path, f.key);
        if (ch == null) {
            return Reopen.UNAVAILABLE;
        }
        try {
            if (f.fingerprint.matches(ch)) {
                f.channel = ch;
                f.lastActivityNanos = clock.nanoTime();
                if (f.state == State.CLOSED_IDLE) {
                    f.state = State.ACTIVE;
                }
                f.closeNotified = false;
                return Reopen.OPENED;
            }
            log.info("{} has the inode of a file followed before but other content: a new file", path);
            open.close(ch);
            return Reopen.OTHER_FILE;
        } catch (IOException e) {
            log.debug("cannot check {}: {}", path, e.toString());
            open.close(ch);
            return Reopen.UNAVAILABLE;
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

    private static boolean atLineStart(FileChannel ch, long offset) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return ch.read(one, offset - 1) == 1 && one.get(0) == '\n';
    }
}
