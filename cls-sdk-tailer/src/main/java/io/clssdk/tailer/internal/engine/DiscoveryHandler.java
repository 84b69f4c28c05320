package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what {@link Discovery} reports (files found by walks, watch events, lost events, ended passes) into updates of
 * the file table, the arrival ledger and the timers. Engine-thread only.
 */
final class DiscoveryHandler implements Discovery.Listener {
    private static final Logger log = LoggerFactory.getLogger(DiscoveryHandler.class);

    private final FileTable table;
    private final Arrivals arrivals;
    private final Timers timers;
    private final Scheduler scheduler;
    private final FileTable.Sources sources;
    private final Clock clock;
    private final Runnable startUpWalkDone;

    /** @param startUpWalkDone run when the start-up walk has ended (after rotated checkpointed files were looked for) */
    DiscoveryHandler(
            FileTable table,
            Arrivals arrivals,
            Timers timers,
            Scheduler scheduler,
            FileTable.Sources sources,
            Clock clock,
            Runnable startUpWalkDone) {
        this.table = table;
        this.arrivals = arrivals;
        this.timers = timers;
        this.scheduler = scheduler;
        this.sources = sources;
        this.clock = clock;
        this.startUpWalkDone = startUpWalkDone;
    }

    @Override
    public void candidate(Path file, SourceSpec source, boolean startUp) {
        timers.noteSeen(file);
        table.seen(file, source, startUp);
    }

    @Override
    public void appeared(Path file, SourceSpec source, Path renamedFrom) {
        arrivals.appeared(file, source, renamedFrom);
    }

    @Override
    public void modified(Path path) {
        TrackedFile f = table.atPath(path);
        if (f != null && f.open()) {
            scheduler.dirty(f);
            return;
        }
        if (f != null) {
            table.seen(path, f.source, false); // closed (drained, idle, waiting or unreadable): open it again
            return;
        }
        SourceSpec s = sources.sourceFor(path);
        if (s != null) {
            table.seen(path, s, false);
        }
    }

    @Override
    public void removed(Path path) {
        TrackedFile f = table.atPath(path);
        if (f != null) {
            table.seen(path, f.source, false); // a new file may already be there; else the old one lost its path
        }
    }

    @Override
    public void overflow() {
        log.warn("file-system events were lost (overflow); rescanning");
        timers.rescanNow();
    }

    @Override
    public void scanDone(boolean startUp) {
        if (startUp) {
            table.recoverRotated(); // checkpointed files no rule found: rotated while the tailer was stopped?
            startUpWalkDone.run();
        } else {
            arrivals.settle(); // a whole pass has looked everywhere since the previous one ended
        }
        timers.scanFinished(clock.nanoTime(), startUp);
    }
}
