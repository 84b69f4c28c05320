package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.internal.file.InFlight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader threads: each owns a {@link ChunkReader} (and so a read buffer) and runs tasks for one file at a time:
 * read and deliver, flush a partial line, or tell the sink the file went idle or was closed. Results go back to the
 * engine through {@code results}.
 */
final class Readers {
    private static final Logger log = LoggerFactory.getLogger(Readers.class);
    private static final Task POISON = new Task(null, null, false);

    /** One unit of work for a reader thread. */
    static final class Task {
        final TrackedFile file;
        final ReadResult.Kind kind;
        /** A read after a delivery failure: one small chunk ({@link ChunkReader#read(TrackedFile, long, boolean, ChunkReader.Stopping)}). */
        final boolean probe;

        Task(TrackedFile file, ReadResult.Kind kind, boolean probe) {
            this.file = file;
            this.kind = kind;
            this.probe = probe;
        }
    }

    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Consumer<ReadResult> results;
    private final long budget;
    private volatile boolean stopping;

    Readers(
            int count,
            int bufferBytes,
            int maxLineBytes,
            InFlight inFlight,
            Clock clock,
            Clock idleClock,
            Consumer<ReadResult> results) {
        this.results = results;
        this.budget = Math.max(4L * bufferBytes, 4 << 20);
        for (int i = 0; i < count; i++) {
            ChunkReader reader = new ChunkReader(bufferBytes, maxLineBytes, inFlight, clock);
            Thread t = new Thread(() -> loop(reader, idleClock), "cls-tailer-reader-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        for (Thread t : threads) {
            t.start();
        }
    }

    void submit(Task task) {
        tasks.add(task);
    }

    private void loop(ChunkReader reader, Clock clock) {
        try {
            while (true) {
                Task task = tasks.take();
                if (task == POISON) {
                    return;
                }
                results.accept(run(reader, task, clock));
            }
        } catch (InterruptedException e) {
            // stop() interrupted us
        }
    }

    private ReadResult run(ChunkReader reader, Task task, Clock clock) {
        TrackedFile f = task.file;
        switch (task.kind) {
            case READ:
                return reader.read(f, budget, task.probe, () -> stopping);
            case FLUSH:
                return reader.flushPartial(f);
            case IDLE:
                try {
                    f.source.sink.idle(f.view, clock.currentTimeMillis());
                } catch (RuntimeException e) {
                    log.warn("sink of source {} failed in idle({}): {}", f.source.name, f.path, e.toString());
                }
                return new ReadResult(f, ReadResult.Kind.IDLE);
            case REWIND:
                try {
                    f.source.sink.fileRewound(f.view);
                } catch (RuntimeException e) {
                    log.warn("sink of source {} failed in fileRewound({}): {}", f.source.name, f.path, e.toString());
                }
                return new ReadResult(f, ReadResult.Kind.REWIND);
            default:
                try {
                    f.source.sink.fileClosed(f.view);
                } catch (RuntimeException e) {
                    log.warn("sink of source {} failed in fileClosed({}): {}", f.source.name, f.path, e.toString());
                }
                return new ReadResult(f, ReadResult.Kind.CLOSED);
        }
    }

    /** Makes running reads stop soon; queued tasks still run (and return at once). */
    void beginStop() {
        stopping = true;
    }

    /** Drops queued tasks and makes the threads exit. */
    void stop() {
        stopping = true;
        tasks.clear();
        for (int i = 0; i < threads.size(); i++) {
            tasks.add(POISON);
        }
    }

    /** Waits for the threads to end, interrupting them (a sink blocked in accept) when the deadline passes. */
    boolean join(long deadlineNanos) throws InterruptedException {
        for (Thread t : threads) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        }
        boolean clean = true;
        for (Thread t : threads) {
            if (t.isAlive()) {
                t.interrupt();
                t.join(1000);
                clean &= !t.isAlive();
            }
        }
        return clean;
    }
}
