package io.clssdk.tailer;

import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.SystemClock;
import io.clssdk.tailer.internal.engine.Engine;
import io.clssdk.tailer.internal.engine.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Follows log files inside your JVM the way the CLS LogListener agent does, and hands their lines to
 * {@link TailSink}s: LogListener path rules, event-driven discovery with a periodic rescan, (device, inode) plus
 * content-fingerprint identity, rotation (rename, copytruncate, deletion) handling, and checkpoints committed only for
 * acknowledged lines.
 *
 * <pre>{@code
 * TailSource app = TailSource.builder("app")
 *         .path("/var/log/app/**}{@code /*.log")
 *         .sink(mySink)
 *         .build();
 * try (Tailer tailer = Tailer.builder()
 *         .options(TailerOptions.builder(Paths.get("/var/lib/myservice/tailer")).build())
 *         .source(app)
 *         .build()) {
 *     tailer.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Threads: one engine thread, one watcher thread (plus the JDK's watch-service thread) and
 * {@link TailerOptions#readerThreads()} reader threads, all daemons named {@code cls-tailer-*}, from {@link #start()}
 * until {@link #stop} returns. Thread-safe: every method may be called from any thread. A tailer starts once.
 */
public final class Tailer implements AutoCloseable {
    /** What {@link #close()} waits for outstanding acknowledgements. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Engine engine;
    private final List<TailSource> sources;

    private Tailer(Builder b) {
        this.sources = new ArrayList<>(b.sources);
        List<SourceSpec> specs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            TailSource s = sources.get(i);
            specs.add(new SourceSpec(
                    i,
                    s.name(),
                    s.rules(),
                    s.sink(),
                    s.backtrackingBytes(),
                    s.fileTimeout().toNanos()));
        }
        this.engine = new Engine(b.options, specs, b.clock);
        if (b.startScanBudget >= 0) {
            engine.startScanBudget(b.startScanBudget);
        }
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the checkpoint, starts finding the files of every source (positioning files found by this start-up walk at
     * their checkpoint or start position) and starts following them. Returns promptly whatever the size of the
     * directory trees: start() walks at most about 10,000 directory entries itself, enough for most deployments, so
     * their files are all found (and a file created after start() returns is read from its beginning); the engine
     * thread walks a larger tree on in the background, following files as it finds them, and
     * {@link TailerStatus#discovery()} tells when it is done. While it walks, a file created in a directory it has not
     * reached yet counts as found at start-up ({@link TailSource#backtrackingBytes()} applies).
     *
     * @throws IllegalStateException if the tailer was started before
     * @throws UncheckedIOException if the checkpoint directory cannot be used (for example another tailer holds it)
     *     or no watch service is available
     */
    public void start() {
        try {
            engine.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tailer: " + e.getMessage(), e);
        }
    }

    /**
     * Stops reading, waits up to {@code timeout} for sinks to acknowledge what they received, writes the final
     * checkpoint, closes the files (calling {@link TailSink#fileClosed}) and ends the threads. Blocks up to about
     * {@code timeout}; a sink that blocks in {@code accept} past it is interrupted. Idempotent: later calls return the
     * first result at once. Lines not acknowledged are offered again by the next tailer using the checkpoint directory.
     *
     * @return true if every chunk handed to a sink was acknowledged
     */
    public boolean stop(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return engine.stop(timeout.isNegative() ? Duration.ZERO : timeout);
    }

    /** {@link #stop(Duration)} with {@link #DEFAULT_STOP_TIMEOUT}. */
    @Override
    public void close() {
        stop(DEFAULT_STOP_TIMEOUT);
    }

    /**
     * A snapshot of the followed files, offsets, lag and in-flight bytes. Taken on the engine thread; blocks briefly
     * (at most 10 s) while the tailer runs.
     */
    public TailerStatus status() {
        return engine.status();
    }

    /** The sources, in the order they were added (later sources win a shared file). */
    public List<TailSource> sources() {
        return java.util.Collections.unmodifiableList(sources);
    }

    /** Test hook: look at timers now (after moving an injected clock). */
    void wake() {
        engine.wake();
    }

    /** Builds a {@link Tailer}. */
    public static final class Builder {
        private TailerOptions options;
        private final List<TailSource> sources = new ArrayList<>();
        private Clock clock = SystemClock.INSTANCE;
        private int startScanBudget = -1;

        private Builder() {}

        /** Engine-wide settings, including the checkpoint directory (required). */
        public Builder options(TailerOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Adds a source. When several sources match a file, the one added last wins. */
        public Builder source(TailSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** Test hook: the clock for quiet periods, idle flushes, retention and read times. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Test hook: how many directory entries start() walks itself before leaving the rest to the engine. */
        Builder startScanBudget(int directoryEntries) {
            this.startScanBudget = directoryEntries;
            return this;
        }

        /**
         * Builds the tailer (it does nothing until {@link Tailer#start()}).
         *
         * @throws IllegalArgumentException if options are missing, there is no source, or two sources share a name
         */
        public Tailer build() {
            if (options == null) {
                throw new IllegalArgumentException(
                        "options are required, e.g. TailerOptions.builder(Paths.get(\"/var/lib/app/tailer\")).build()");
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("at least one source is required");
            }
            Set<String> names = new HashSet<>();
            for (TailSource s : sources) {
                if (!names.add(s.name())) {
                    throw new IllegalArgumentException("two sources are named " + s.name() + "; names must be unique");
                }
            }
            return new Tailer(this);
        }
    }
}
