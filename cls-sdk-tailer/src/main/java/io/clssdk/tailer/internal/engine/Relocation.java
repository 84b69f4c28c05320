package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.FileStatus.State;
import io.clssdk.tailer.internal.checkpoint.CheckpointEntry;
import io.clssdk.tailer.internal.file.OpenFileLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out where a followed file went when its path stopped leading to it, and drains it there: an open file is
 * located through its descriptor ({@link OpenFileLocator}: renamed, or deleted); a file without a descriptor is looked
 * for by identity in its directory ({@link Siblings}), so it is still read, or counted as lost, if it was renamed or
 * deleted while it waited for a descriptor or was closed. At start, the same search finds checkpointed files rotated
 * while the tailer was stopped. Engine-thread only; part of {@link FileTable}.
 */
final class Relocation {
    private static final Logger log = LoggerFactory.getLogger(Relocation.class);

    private final FileTable table;
    private final FileTable.Events events;
    private final FileTable.Sources sources;
    private final Arrivals arrivals;
    private final Clock clock;

    Relocation(FileTable table, FileTable.Events events, FileTable.Sources sources, Arrivals arrivals, Clock clock) {
        this.table = table;
        this.events = events;
        this.sources = sources;
        this.arrivals = arrivals;
        this.clock = clock;
    }

    /** {@code f}'s path no longer leads to it: find out whether it was renamed or deleted, and drain it. */
    void pathLost(TrackedFile f) {
        table.unlink(f);
        if (!f.open()) {
            closedPathLost(f);
            return;
        }
        OpenFileLocator where = OpenFileLocator.locate(f.key);
        Path old = f.path;
        if (where.fate() == OpenFileLocator.Fate.DELETED) {
            f.state = State.DELETED_DRAINING;
            f.deletedNanos = clock.nanoTime();
            log.info("{} was deleted; draining it from offset {} and releasing it", old, f.readOffset);
        } else {
            if (where.fate() == OpenFileLocator.Fate.RENAMED) {
                if (sources.sourceFor(where.newPath()) != null) {
                    table.movedHere(f, where.newPath());
                    return;
                }
                f.moveTo(where.newPath());
                table.linkIfFree(f); // so writes to the rotated name mark it dirty
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
            table.forget(f);
            arrivals.lost(f, why);
            return;
        }
        if (f.size > f.readOffset) {
            arrivals.lostTail(f, f.readOffset, f.size);
        } else {
            log.info("{} is gone (it was closed, read to offset {}); releasing it", old, f.readOffset);
        }
        table.retire(f);
    }

    private void relocated(TrackedFile f, Siblings.Found found) {
        if (sources.sourceFor(found.path) != null) {
            table.movedHere(f, found.path);
            return;
        }
        log.info("{} (not open) was renamed to {}; draining it from there", f.path, found.path);
        f.moveTo(found.path);
        table.linkIfFree(f);
        f.state = State.ROTATED_DRAINING;
        f.lastGrowthNanos = clock.nanoTime();
        if (!f.opened || found.size != f.size || f.schedule.hasMoreToRead() || f.partialPending) {
            f.size = Math.max(f.size, found.size);
            events.dirty(f); // read (or first opened) there, through the queue if descriptors are short
        }
    }

    /**
     * After a restart: a checkpointed file that no rule finds any more may have been rotated next to its old path, or
     * may have been draining under its rotated name already (the checkpoint then records that name).
     */
    void recoverRotated() {
        for (CheckpointEntry e : new ArrayList<>(table.rememberedEntries())) {
            if (table.knows(e.key())) {
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
            boolean matching = sources.sourceFor(found.path) != null;
            table.track(found.path, found.stat, s, false, found.path, matching ? State.ACTIVE : State.ROTATED_DRAINING);
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
        SourceSpec s = sources.sourceFor(old);
        return s != null ? s : sources.sourceNamed(e.source());
    }
}
