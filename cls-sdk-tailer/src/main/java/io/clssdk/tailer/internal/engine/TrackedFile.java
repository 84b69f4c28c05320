package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.FileStatus;
import io.clssdk.tailer.TailedFile;
import io.clssdk.tailer.internal.file.CommitTracker;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.Fingerprint;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The state of one followed file. The engine thread owns every field, except that while a task runs for it ({@link
 * ReadSchedule#busy}) a reader thread owns the reading fields ({@link #readOffset}, {@link #scanOffset}, {@link
 * #keepHead}, {@link #wideReads}); the hand-over goes through the engine's queues, which orders the accesses. Volatile
 * fields are read by {@code status()}. Where the file stands in read scheduling is {@link #schedule}, changed only
 * through its transitions.
 */
final class TrackedFile {
    final FileKey key;
    final SourceSpec source;
    final CommitTracker tracker;

    volatile Path path;
    volatile Fingerprint fingerprint;
    volatile TailedFile view;
    volatile FileStatus.State state = FileStatus.State.ACTIVE;
    FileChannel channel;
    /**
     * Read scheduling: idle, queued, being read, backing off after a failure, or retired (then kept only until its
     * ranges are acknowledged and its checkpoint entry expires).
     */
    final ReadSchedule schedule = new ReadSchedule();
    /**
     * False until the file was first opened and positioned: a file found while every descriptor is in use, or that
     * cannot be opened, is followed by (device, inode) alone; its offsets and fingerprint mean nothing yet.
     */
    boolean opened;
    /** Found by the start-up scan: its first open starts at the source's Backtracking position. */
    boolean initial;
    /** In the queue for a descriptor ({@link OpenFiles}). */
    boolean waiting;
    /** A read ran since the file got its descriptor: under the open-file cap it may give it up even with more to read. */
    boolean readSinceOpen;
    /** The matching path this file is accounted to in {@link Arrivals} (its first path, or the name it was renamed from). */
    Path origin;
    /** Why the file is not being read now (waiting for a descriptor, cannot be opened), or null; shown in status. */
    volatile String problem;
    /** The problem last logged at WARN and when, for rate-limiting. */
    String problemLogged;

    long problemLoggedNanos;

    // Reading state, owned by the reader while a task runs.
    /** Offset of the first byte not yet consumed (the start of a held partial line). */
    volatile long readOffset;
    /** When >= 0: scanning for the end of the line starting at readOffset, scanned up to here. */
    long scanOffset = -1;
    /** While scanning: deliver the line's first maxLineBytes (an over-long line) rather than skip it (alignment). */
    boolean keepHead;
    /** The last read ended in a long line: read with the whole buffer, not in windows (see ChunkReader). */
    boolean wideReads;

    /** When delivery of this file first failed in the current spell (epoch millis), or -1; shown in status. */
    volatile long deliveryFailingSinceMillis = -1;
    /** The last transient delivery failure, or null once a probe got through. */
    volatile String deliveryError;

    volatile long truncatedLines;
    volatile long size;

    // Notices and deadlines, owned by the engine.
    boolean partialPending;
    boolean idleNotified = true;
    boolean closeNotified;

    long lastGrowthNanos;
    long lastLineNanos;
    long lastActivityNanos;
    long lastSeenMillis;
    long lastDrainPollNanos;
    /** When the file was found deleted (for {@link HeldDeletedFiles}: the first deleted is released first). */
    long deletedNanos;

    TrackedFile(FileKey key, SourceSpec source, Path path, Fingerprint fingerprint, CommitTracker tracker) {
        this.key = key;
        this.source = source;
        this.path = path;
        this.origin = path;
        this.fingerprint = fingerprint;
        this.tracker = tracker;
        refreshView();
    }

    void moveTo(Path newPath) {
        this.path = newPath;
        refreshView();
    }

    void fingerprint(Fingerprint f) {
        this.fingerprint = f;
        refreshView();
    }

    private void refreshView() {
        view = TailedFile.of(path, source.name, key.device(), key.inode(), fingerprint.length(), fingerprint.hash());
    }

    boolean open() {
        return channel != null;
    }

    boolean draining() {
        return state == FileStatus.State.ROTATED_DRAINING || state == FileStatus.State.DELETED_DRAINING;
    }

    FileStatus status() {
        long failingSince = deliveryFailingSinceMillis;
        return FileStatus.of(view, state, readOffset, tracker.committed(), size, truncatedLines, problem)
                .withDelivery(failingSince < 0 ? null : failingSince, deliveryError);
    }

    @Override
    public String toString() {
        return path + " (" + key + ", " + state + ", " + schedule + ", read " + readOffset + ")";
    }
}
