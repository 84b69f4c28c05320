package io.clssdk.tailer.internal.engine;

import java.io.IOException;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's shutdown sequence. Once a stop was asked for ({@link #begin}), running reads end soon and the engine
 * loop only handles results and waits until {@link #done}: every chunk handed out is acknowledged or has failed, or
 * the stop timeout passed. {@link #finish} then releases everything, in this order: the reader threads, the final
 * checkpoint, the descriptors (each sink hears that its files closed), the watch service and the checkpoint directory
 * lock. Engine-thread only: it runs in the engine loop and its {@code finally}; {@link Engine#stop}, on the caller's
 * thread, only queues the request and waits for the engine thread to end.
 */
final class Shutdown {
    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private final FileTable table;
    private final Scheduler scheduler;
    private final Readers readers;
    private final CheckpointWriter checkpoints;
    private boolean stopping;
    private long deadlineNanos;

    Shutdown(FileTable table, Scheduler scheduler, Readers readers, CheckpointWriter checkpoints) {
        this.table = table;
        this.scheduler = scheduler;
        this.readers = readers;
        this.checkpoints = checkpoints;
    }

    /** A stop was asked for: wait at most {@code timeoutNanos} (from now) for outstanding acknowledgements. */
    void begin(long timeoutNanos) {
        stopping = true;
        deadlineNanos = System.nanoTime() + timeoutNanos;
        readers.beginStop();
    }

    /** True once a stop was asked for: no new reads, timers or discovery, only results are handled. */
    boolean stopping() {
        return stopping;
    }

    /** True when the engine loop may end: nothing more to wait for, or the stop timeout passed. */
    boolean done() {
        return settled(true) || System.nanoTime() - deadlineNanos >= 0;
    }

    /**
     * Releases threads, files and the checkpoint directory (the final checkpoint written first); runs once, when the
     * engine loop ends for whatever reason.
     *
     * @return true if every chunk handed out was acknowledged
     */
    boolean finish(Discovery discovery) {
        boolean allAcked = settled(false);
        readers.stop();
        checkpoints.writeFinal();
        for (TrackedFile f : new ArrayList<>(table.files())) {
            if (f.open()) {
                table.close(f, f.state);
            }
            if (!f.schedule.retired() && !f.closeNotified) {
                f.closeNotified = true;
                try {
                    f.source.sink.fileClosed(f.view);
                } catch (RuntimeException e) {
                    log.warn("sink of source {} failed in fileClosed({}): {}", f.source.name, f.path, e.toString());
                }
            }
        }
        try {
            discovery.close();
        } catch (IOException e) {
            log.debug("closing the watch service: {}", e.toString());
        }
        checkpoints.close();
        return allAcked;
    }

    /**
     * True if every chunk handed out was acknowledged; with {@code orFailed}, also if the only ones that were not have
     * failed (nothing more will come for them: stopping need not wait).
     */
    private boolean settled(boolean orFailed) {
        if (scheduler.tasksInFlight() > 0) {
            return false;
        }
        for (TrackedFile f : table.files()) {
            boolean failed = orFailed && f.tracker.failure() != null && f.tracker.outstanding() == 0;
            if (!f.tracker.settled() && !failed) {
                return false;
            }
        }
        return true;
    }
}
