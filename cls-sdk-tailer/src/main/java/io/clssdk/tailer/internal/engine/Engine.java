package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.DiscoveryStatus;
import io.clssdk.tailer.FileStatus;
import io.clssdk.tailer.TailerOptions;
import io.clssdk.tailer.TailerStatus;
import io.clssdk.tailer.internal.checkpoint.CheckpointStore;
import io.clssdk.tailer.internal.file.InFlight;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tailer's engine. One engine thread owns all state and runs a loop: take messages (watch events from the watcher
 * thread, handled by {@link DiscoveryHandler}; results from reader threads; wake-ups, status and stop requests), run
 * due timers ({@link Timers}), and let the {@link Scheduler} hand files with more to read to the reader threads; after
 * a stop request it winds down through {@link Shutdown}. The engine wires these parts together and answers the few
 * questions they ask of it ({@link FileTable.Sources}, {@link Timers.Scans}). Thread-safe entry points: {@link #start},
 * {@link #stop}, {@link #status}, {@link #wake}; they reach engine-thread state only through the queue.
 */
public final class Engine implements FileTable.Sources, Timers.Scans {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final Object WAKE = new Object();
    /**
     * How much of the start-up walk {@link #start} does itself, in units of {@link Discovery#step} (about a directory
     * entry each): a tree this small is found before start() returns, so a file created afterwards is always read from
     * its beginning. The engine thread walks a larger tree on in the background, where a file created in a directory
     * the walk has not reached yet counts as found at start-up. Measured: start() returned after about 0.4 s with a
     * rule {@code /**}{@code /*.zzz} on a loaded 2-core machine (27,000 directories, walked in 7 to 17 s).
     */
    static final int START_SCAN_BUDGET = 10_000;
    /** Units of walking (see {@link Discovery#step}) the engine thread does between two looks at its queue. */
    static final int SCAN_SLICE = 1_000;

    private final Clock clock;
    private final InFlight inFlight;
    private final FileTable table;
    private final CheckpointWriter checkpoints;
    private final Arrivals arrivals;
    private final List<SourceSpec> sources;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Readers readers;
    private final Scheduler scheduler;
    private final Timers timers;
    private final DiscoveryHandler discoveryHandler;
    private final Shutdown shutdown;
    private final Thread engineThread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private Discovery discovery;
    private Watcher watcher;
    private int startScanBudget = START_SCAN_BUDGET;
    /** {@link FileTable#followedCount()} at the last checkpoint written for newly followed files. */
    private long followedWhenPersisted;

    private long truncatedLines;
    private boolean started;
    private volatile boolean running;
    private volatile Boolean stopResult;
    private volatile TailerStatus finalStatus;

    public Engine(TailerOptions options, List<SourceSpec> sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
        this.inFlight = new InFlight(options.maxInFlightBytes());
        this.inFlight.onRelease(this::wake);
        this.arrivals = new Arrivals(this::sourceFor, clock);
        this.readers = new Readers(
                options.readerThreads(),
                options.readBufferBytes(),
                options.maxLineBytes(),
                inFlight,
                clock,
                clock,
                queue::add);
        this.scheduler =
                new Scheduler(readers, inFlight, options.readerThreads(), this::requestOpen, this::persistNewFiles);
        this.table = new FileTable(
                options.fingerprintBytes(), options.maxOpenFiles(), inFlight, clock, scheduler, this, arrivals);
        this.arrivals.table(table);
        this.checkpoints =
                new CheckpointWriter(new CheckpointStore(options.checkpointDirectory()), table, options, clock);
        this.timers = new Timers(options, clock, table, checkpoints, scheduler, this);
        this.discoveryHandler =
                new DiscoveryHandler(table, arrivals, timers, scheduler, this, clock, this::startUpWalkDone);
        this.shutdown = new Shutdown(table, scheduler, readers, checkpoints);
        this.engineThread = new Thread(this::run, "cls-tailer-engine");
        this.engineThread.setDaemon(true);
    }

    /**
     * Test hook: how much of the start-up walk {@link #start} does itself (default {@link #START_SCAN_BUDGET}); 0
     * leaves it all to the engine thread.
     */
    public synchronized void startScanBudget(int directoryEntries) {
        this.startScanBudget = directoryEntries;
    }

    /**
     * Reads the checkpoint, starts the directory walk (positioning files it finds at their start positions) and starts
     * the threads. Walks at most about {@link #START_SCAN_BUDGET} directory entries itself; the engine thread walks the
     * rest in slices ({@link TailerStatus#discovery()} tells when it is done).
     *
     * @throws IOException if the checkpoint directory or the watch service cannot be used
     */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("the tailer was already started; create a new one to start again");
        }
        started = true;
        checkpoints.open(clock.currentTimeMillis());
        WatchService watch;
        try {
            watch = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            checkpoints.close();
            throw e;
        }
        discovery = new Discovery(sources, watch);
        discovery.startScan(true);
        discovery.step(startScanBudget, discoveryHandler);
        persistNewFiles(); // what start() found is in the checkpoint when it returns
        watcher = new Watcher(watch, queue::add);
        running = true;
        readers.start();
        watcher.start();
        engineThread.start();
        log.info(
                "tailer started: {} sources, {} files, {} directories watched{}",
                sources.size(),
                table.files().size(),
                discovery.watchedDirectories(),
                discovery.scanning() ? "; the start-up walk goes on in the background" : "");
    }

    /**
     * Stops reading, waits up to {@code timeout} for outstanding acknowledgements, writes the final checkpoint and
     * releases files and threads. Idempotent.
     *
     * @return true if every delivered chunk was acknowledged
     */
    public boolean stop(Duration timeout) {
        synchronized (this) {
            if (stopResult != null) {
                return stopResult;
            }
            if (!started || !running) {
                stopResult = true;
                checkpoints.close();
                return true;
            }
            queue.add(new StopRequest(timeout.toNanos()));
        }
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(10);
        try {
            finished.await(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            TimeUnit.NANOSECONDS.timedJoin(engineThread, Math.max(1, deadline - System.nanoTime()));
            readers.join(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
            watcher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (stopResult == null) {
                stopResult = false;
            }
            return stopResult;
        }
    }

    /** A snapshot; asks the engine thread while it runs (waiting up to 10 s), else the final one. */
    public TailerStatus status() {
        if (running) {
            CompletableFuture<TailerStatus> f = new CompletableFuture<>();
            queue.add(f);
            try {
                return f.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // fall through: the engine stopped meanwhile
            }
        }
        TailerStatus s = finalStatus;
        return s != null ? s : TailerStatus.of(false, new ArrayList<FileStatus>(), 0, 0, 0, checkpoints.problem());
    }

    /** Makes the engine look at its timers now (after acknowledgements, or when a test moves its clock). */
    public void wake() {
        queue.add(WAKE);
    }

    private void run() {
        try {
            while (true) {
                long now = clock.nanoTime();
                long next;
                if (shutdown.stopping()) {
                    if (shutdown.done()) {
                        break;
                    }
                    next = now + TimeUnit.MILLISECONDS.toNanos(10);
                } else {
                    next = timers.run(now);
                    if (table.waiting()) {
                        table.serveWaiting();
                    }
                    scheduler.schedule();
                    if (discovery.walking()) {
                        discovery.step(SCAN_SLICE, discoveryHandler);
                        next = now; // look at the queue, then walk on
                    }
                    persistNewFiles(); // files found by the timers, the walk or an open
                }
                Object m = queue.poll(Math.max(0, next - now), TimeUnit.NANOSECONDS);
                while (m != null) {
                    handle(m);
                    persistNewFiles(); // before the next message: a stream of events can keep the timers waiting
                    m = queue.poll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("tailer engine failed; stopping", e);
        } finally {
            finish();
        }
    }

    private void finish() {
        boolean allAcked = shutdown.finish(discovery);
        finalStatus = snapshot(false);
        running = false;
        synchronized (this) {
            stopResult = allAcked;
        }
        finished.countDown();
        log.info("tailer stopped; every delivered chunk acknowledged: {}", allAcked);
    }

    private void handle(Object m) {
        if (m instanceof ReadResult) {
            onResult((ReadResult) m);
        } else if (m instanceof Watcher.Batch) {
            Watcher.Batch b = (Watcher.Batch) m;
            if (!shutdown.stopping()) {
                discovery.handle(b.key, b.events, discoveryHandler);
            }
            if (!b.valid) {
                discovery.invalid(b.key);
            }
        } else if (m instanceof CompletableFuture) {
            @SuppressWarnings("unchecked")
            CompletableFuture<TailerStatus> f = (CompletableFuture<TailerStatus>) m;
            f.complete(snapshot(true));
        } else if (m instanceof StopRequest) {
            shutdown.begin(((StopRequest) m).timeoutNanos);
        }
    }

    private void onResult(ReadResult r) {
        TrackedFile f = r.file;
        scheduler.taskEnded(r);
        truncatedLines += r.truncated;
        if (!shutdown.stopping()) {
            timers.afterTask(f, r, clock.nanoTime());
        }
        scheduler.offer(f);
    }

    private Opener.Result requestOpen(TrackedFile f) {
        return table.requestOpen(f);
    }

    /**
     * Writes a checkpoint if the table started following files since the last such write. A file rotated to a name no
     * rule matches is found again after a crash only by its identity in the checkpoint, so a followed file must be in
     * the checkpoint before the engine does anything else: before start() returns, before the next message is handled
     * (a status request included) and before its first line is handed out. Waiting for its first read or the next
     * checkpoint tick left it out for as long as the reader was busy, the in-flight budget full, or watch events kept
     * the engine from its timers; a crash then lost the whole file once it had been rotated. Costs one checkpoint
     * write per batch of newly found files.
     */
    private void persistNewFiles() {
        long followed = table.followedCount();
        if (followed != followedWhenPersisted) {
            checkpoints.write(true);
            followedWhenPersisted = followed;
        }
    }

    private void startUpWalkDone() {
        if (running) {
            DiscoveryStatus d = discovery.status();
            log.info(
                    "start-up walk done: {} files, {} directories watched, {} listed",
                    table.files().size(),
                    d.watchedDirectories(),
                    d.directoriesListed());
        }
    }

    // FileTable.Sources

    @Override
    public SourceSpec sourceFor(Path path) {
        return discovery == null ? null : discovery.bestSource(path);
    }

    @Override
    public SourceSpec sourceNamed(String name) {
        for (SourceSpec s : sources) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }

    // Timers.Scans

    @Override
    public void startRescan() {
        discovery.startScan(false); // walked in slices by the engine loop
    }

    @Override
    public boolean scanning() {
        return discovery.scanning();
    }

    private TailerStatus snapshot(boolean live) {
        List<FileStatus> files = new ArrayList<>();
        for (TrackedFile f : table.files()) {
            if (!f.schedule.retired()) {
                files.add(f.status());
            }
        }
        files.sort((a, b) -> a.file().path().compareTo(b.file().path()));
        return TailerStatus.of(
                        live,
                        files,
                        table.openCount(),
                        inFlight.bytes(),
                        truncatedLines,
                        checkpoints.problem(),
                        arrivals.lostFiles() + timers.heldDeleted().droppedFiles())
                .withDiscovery(discovery.status())
                .withLostBytes(timers.heldDeleted().droppedBytes());
    }

    private static final class StopRequest {
        final long timeoutNanos;

        StopRequest(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }
    }
}
