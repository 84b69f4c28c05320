package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.internal.file.InFlight;
import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * Hands files to the reader threads: keeps the queue of files ready to read, served round-robin while fewer reads run
 * than there are readers and the in-flight budget allows, and starts the other tasks (flush, idle and close notices).
 * Every file enters the queue through {@link #offer}, which asks {@link ReadSchedule#readyToRead} and nothing else. A
 * file leaves the queue when it is read, and also when it is retired or a notice starts for it, so a file is in the
 * queue exactly when its state is {@link ReadSchedule.State#QUEUED}. Engine-thread only.
 */
final class Scheduler implements FileTable.Events, Timers.Tasks {
    private final ArrayDeque<TrackedFile> ready = new ArrayDeque<>();
    private final Readers readers;
    private final InFlight inFlight;
    private final int readerThreads;
    private final Function<TrackedFile, Opener.Result> open;
    private final Runnable persistNewFiles;
    private int readsInFlight;
    private int tasksInFlight;

    /**
     * @param open gives a file that is not open its descriptor (or queues it for one)
     * @param persistNewFiles writes a checkpoint if files were followed since the last one it wrote; run before a
     *     file's first line can be handed out
     */
    Scheduler(
            Readers readers,
            InFlight inFlight,
            int readerThreads,
            Function<TrackedFile, Opener.Result> open,
            Runnable persistNewFiles) {
        this.readers = readers;
        this.inFlight = inFlight;
        this.readerThreads = readerThreads;
        this.open = open;
        this.persistNewFiles = persistNewFiles;
    }

    /** Tasks handed to the readers whose results have not come back yet. */
    int tasksInFlight() {
        return tasksInFlight;
    }

    /** Starts reads of queued files while readers and in-flight budget are free. */
    void schedule() {
        while (readsInFlight < readerThreads && !ready.isEmpty()) {
            if (inFlight.full()) {
                return; // woken by the release of in-flight bytes
            }
            TrackedFile f = ready.poll();
            f.schedule.dequeued();
            if (!f.open() && open.apply(f) != Opener.Result.OPENED) {
                continue; // waits for a descriptor (it is offered again when it gets one), cannot be opened, or
                // was found elsewhere (and queued again there) or gone
            }
            persistNewFiles.run();
            f.schedule.readStarted();
            tasksInFlight++;
            readsInFlight++;
            readers.submit(new Readers.Task(f, ReadResult.Kind.READ, f.schedule.probing()));
        }
    }

    /** Queues {@code f} if it may be read now (the one rule, {@link ReadSchedule#readyToRead}). */
    void offer(TrackedFile f) {
        if (f.schedule.readyToRead()) {
            f.schedule.enqueued();
            ready.add(f);
        }
    }

    /** The result of one of {@code f}'s tasks reached the engine: the task is over. */
    void taskEnded(ReadResult r) {
        TrackedFile f = r.file;
        f.schedule.taskEnded();
        tasksInFlight--;
        if (r.kind == ReadResult.Kind.READ) {
            readsInFlight--;
            f.readSinceOpen = true;
        }
    }

    @Override
    public void dirty(TrackedFile f) {
        f.schedule.markPending();
        offer(f);
    }

    @Override
    public void retry(TrackedFile f) {
        f.schedule.retryDue();
        offer(f);
    }

    /** Hands a flush or a notice for {@code f} to the readers; reads start in {@link #schedule} only. */
    @Override
    public void submit(TrackedFile f, ReadResult.Kind kind) {
        if (kind == ReadResult.Kind.READ) {
            throw new IllegalArgumentException("reads are started by schedule()");
        }
        if (f.schedule.taskStarted()) {
            ready.remove(f);
        }
        tasksInFlight++;
        readers.submit(new Readers.Task(f, kind, false));
    }

    @Override
    public void hold(TrackedFile f) {
        if (f.schedule.hold()) {
            ready.remove(f);
        }
    }

    @Override
    public void closed(TrackedFile f) {
        f.closeNotified = true;
        if (!f.schedule.busy()) {
            submit(f, ReadResult.Kind.CLOSED);
        }
    }

    @Override
    public void released(TrackedFile f) {
        if (f.schedule.retire()) {
            ready.remove(f);
        }
    }
}
