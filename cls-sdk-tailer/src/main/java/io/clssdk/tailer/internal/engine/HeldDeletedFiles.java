package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.FileStatus.State;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what deleted files cost while their lines wait for delivery. A deleted file is kept open (so its bytes stay on
 * disk) until every line is delivered; during a long delivery outage that could pin any amount of disk. Beyond {@code
 * maxFiles} such files or {@code maxBytes} of their undelivered bytes, the file deleted first is released: one ERROR
 * line naming it and the undelivered byte range, counted as a lost file and in lost bytes. Engine-thread only.
 */
final class HeldDeletedFiles {
    private static final Logger log = LoggerFactory.getLogger(HeldDeletedFiles.class);

    private final int maxFiles;
    private final long maxBytes;
    private long droppedFiles;
    private long droppedBytes;

    HeldDeletedFiles(int maxFiles, long maxBytes) {
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    /** Releases the oldest deleted files holding undelivered bytes until the rest are within both bounds. */
    void enforce(FileTable table) {
        int count = 0;
        long bytes = 0;
        for (TrackedFile f : table.files()) {
            if (held(f)) {
                count++;
                bytes += unsent(f);
            }
        }
        if (count <= maxFiles && bytes <= maxBytes) {
            return;
        }
        List<TrackedFile> held = new ArrayList<>();
        for (TrackedFile f : table.files()) {
            if (held(f)) {
                held.add(f);
            }
        }
        held.sort((a, b) -> Long.compare(a.deletedNanos, b.deletedNanos));
        for (TrackedFile f : held) {
            if (count <= maxFiles && bytes <= maxBytes) {
                return;
            }
            if (f.schedule.busy()) {
                return; // dropped at the next pass, when its task is over: still the oldest
            }
            long from = Math.max(0, f.tracker.committed());
            long unsent = unsent(f);
            log.error(
                    "{} was deleted and its bytes {}..{} were not delivered yet; releasing it to stay under"
                            + " maxHeldDeletedFiles {} / maxHeldDeletedBytes {}: those lines are lost",
                    f.path,
                    from,
                    from + unsent,
                    maxFiles,
                    maxBytes);
            droppedFiles++;
            droppedBytes += unsent;
            count--;
            bytes -= unsent;
            table.retire(f);
        }
    }

    private static boolean held(TrackedFile f) {
        return f.state == State.DELETED_DRAINING && !f.schedule.retired() && unsent(f) > 0;
    }

    private static long unsent(TrackedFile f) {
        return Math.max(0, Math.max(f.size, f.readOffset) - Math.max(0, f.tracker.committed()));
    }

    long droppedFiles() {
        return droppedFiles;
    }

    long droppedBytes() {
        return droppedBytes;
    }
}
