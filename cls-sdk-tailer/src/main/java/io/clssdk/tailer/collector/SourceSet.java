package io.clssdk.tailer.collector;

import io.clssdk.producer.ClsProducer;
import io.clssdk.tailer.CollectionMetrics;
import io.clssdk.tailer.CollectionSource;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerOptions;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The configurations being collected, one {@link Tailer} each on {@code <checkpoints>/<safe key>}, all shipping
 * through one producer. {@link #apply} moves to a new set of configurations touching only what changed: an added one
 * starts, a removed one stops (its checkpoint directory stays, so adding it back resumes), a modified one stops and
 * starts again on the same directory; the others keep running. Calls to {@code apply} and {@code stop} are serialized;
 * {@link #running()} reads a snapshot without waiting for them.
 */
final class SourceSet {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private final ClsProducer producer;
    private final Path checkpoints;
    private final boolean allowUnsupported;
    private final Duration restartStopTimeout;
    private final Console console;
    private final Object lock = new Object();
    private volatile Map<String, RunningConfig> running = Collections.emptyMap();
    /** Configurations that failed to build or start, skipped until they change (machine-group mode). */
    private final Map<String, NamedConfig> rejected = new LinkedHashMap<>();

    private final RetiredTotals retired = new RetiredTotals();
    /** Set by {@link #stopAll}: a poll that comes later changes nothing. */
    private boolean closed;

    SourceSet(
            ClsProducer producer,
            Path checkpoints,
            boolean allowUnsupported,
            Duration restartStopTimeout,
            Console console) {
        this.producer = producer;
        this.checkpoints = checkpoints;
        this.allowUnsupported = allowUnsupported;
        this.restartStopTimeout = restartStopTimeout;
        this.console = console;
    }

    /**
     * Moves to {@code wanted}. With {@code allOrNothing} (a config file) every new or modified configuration is built
     * first and any error is thrown before anything changes; a tailer that then fails to start is thrown too (the
     * caller stops the set). Without it (a machine group) a configuration that fails is reported and skipped until it
     * changes, and a modified one that fails keeps its previous version running.
     *
     * @return what changed, e.g. "1 added, 1 modified", or "" when nothing did
     * @throws IllegalArgumentException (allOrNothing) naming the configuration and field that is wrong
     */
    String apply(List<NamedConfig> wanted, boolean allOrNothing) {
        synchronized (lock) {
            if (closed) {
                return "";
            }
            Map<String, RunningConfig> now = new LinkedHashMap<>(running);
            Map<String, NamedConfig> want = new LinkedHashMap<>();
            for (NamedConfig c : wanted) {
                want.put(c.key(), c);
            }
            rejected.keySet().retainAll(want.keySet());
            Map<String, RunningConfig> fresh = build(want, now, allOrNothing);
            List<RunningConfig> toStop = new ArrayList<>();
            for (RunningConfig r : now.values()) {
                if (!want.containsKey(r.named().key())
                        || fresh.containsKey(r.named().key())) {
                    toStop.add(r);
                }
            }
            int removed = 0;
            for (RunningConfig r : toStop) {
                stopOne(r, restartStopTimeout);
                now.remove(r.named().key());
                removed += fresh.containsKey(r.named().key()) ? 0 : 1;
            }
            int added = 0;
            int modified = 0;
            try {
                for (RunningConfig r : fresh.values()) {
                    boolean wasRunning = running.containsKey(r.named().key());
                    if (startOne(r, allOrNothing)) {
                        now.put(r.named().key(), r);
                        added += wasRunning ? 0 : 1;
                        modified += wasRunning ? 1 : 0;
                    }
                }
            } finally {
                running = Collections.unmodifiableMap(now); // what runs, also when a start failed (allOrNothing)
            }
            return summary(added, modified, removed);
        }
    }

    private Map<String, RunningConfig> build(
            Map<String, NamedConfig> want, Map<String, RunningConfig> now, boolean allOrNothing) {
        Map<String, RunningConfig> fresh = new LinkedHashMap<>();
        for (NamedConfig c : want.values()) {
            RunningConfig current = now.get(c.key());
            if ((current != null && current.named().equals(c)) || c.equals(rejected.get(c.key()))) {
                continue;
            }
            try {
                fresh.put(c.key(), newRunning(c));
            } catch (IllegalArgumentException | IllegalStateException e) {
                String what = "config " + c.label() + ": " + e.getMessage();
                if (allOrNothing) {
                    throw new IllegalArgumentException(what, e);
                }
                rejected.put(c.key(), c);
                console.error(what + (current != null ? " (its previous version keeps running)" : " (skipped)"));
            }
        }
        return fresh;
    }

    private RunningConfig newRunning(NamedConfig c) {
        CollectionSource.Builder b =
                CollectionSource.builder(c.config()).producer(producer).name(c.key());
        if (allowUnsupported) {
            b.allowUnsupported();
        }
        CollectionSource source = b.build();
        Path dir = checkpoints.resolve(directoryName(c.key()));
        Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(dir).build())
                .source(source.tailSource())
                .build();
        return new RunningConfig(c, source, dir, tailer);
    }

    private boolean startOne(RunningConfig r, boolean allOrNothing) {
        try {
            r.start();
            console.info(
                    "started " + r.named().label() + ": " + r.named().config().path() + " -> topic "
                            + r.named().config().output() + ", checkpoints " + r.checkpointDirectory());
            return true;
        } catch (UncheckedIOException | IllegalStateException e) {
            String what = "cannot start config " + r.named().label() + ": " + e.getMessage();
            if (allOrNothing) {
                throw new IllegalStateException(what, e);
            }
            console.error(what + " (retried when the config changes)");
            rejected.put(r.named().key(), r.named());
            return false;
        }
    }

    private void stopOne(RunningConfig r, Duration timeout) {
        boolean acknowledged = r.stop(timeout);
        retired.add(r.metrics());
        console.info("stopped " + r.named().label()
                + (acknowledged ? "" : " (lines not acknowledged in time are read again on its next start)"));
    }

    /**
     * Stops every tailer in parallel, each waiting up to {@code timeout} for acknowledgements, and empties the set.
     *
     * @return true if every line handed to the producer was acknowledged
     */
    boolean stopAll(Duration timeout) {
        synchronized (lock) {
            closed = true;
            List<RunningConfig> all = new ArrayList<>(running.values());
            running = Collections.emptyMap();
            boolean[] ok = new boolean[all.size()];
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                int index = i;
                Thread t = new Thread(() -> ok[index] = all.get(index).stop(timeout), "cls-collector-stop-" + i);
                t.start();
                threads.add(t);
            }
            boolean result = true;
            for (int i = 0; i < threads.size(); i++) {
                joinUninterruptibly(threads.get(i));
                retired.add(all.get(i).metrics());
                result &= ok[i];
            }
            return result;
        }
    }

    /** The configurations running now (a snapshot). */
    Collection<RunningConfig> running() {
        return running.values();
    }

    /** The counters of configurations stopped since start (removed, modified, or at shutdown). */
    CollectionMetrics retiredMetrics() {
        return retired.snapshot();
    }

    /**
     * The checkpoint subdirectory of a configuration key: the key itself when it is a plain file name (letters, digits,
     * {@code . _ -}, not starting with a dot, at most 100 characters), else its safe characters followed by a hash of
     * the key, so different keys never share a directory.
     */
    static String directoryName(String key) {
        if (SAFE.matcher(key).matches()) {
            return key;
        }
        String cleaned = key.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        if (cleaned.length() > 80) {
            cleaned = cleaned.substring(0, 80);
        }
        return cleaned + "-" + sha256Hex(key).substring(0, 12);
    }

    private static String sha256Hex(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : FileFeed.sha256(text.getBytes(StandardCharsets.UTF_8))) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    private static String summary(int added, int modified, int removed) {
        List<String> parts = new ArrayList<>();
        if (added > 0) {
            parts.add(added + " added");
        }
        if (modified > 0) {
            parts.add(modified + " modified");
        }
        if (removed > 0) {
            parts.add(removed + " removed");
        }
        return String.join(", ", parts);
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sums of the final counters of stopped configurations, so totals never go down when one is replaced. */
    private static final class RetiredTotals {
        private long shipped;
        private long delivered;
        private long lost;
        private long unacknowledged;
        private long filtered;
        private long parseFailures;

        synchronized void add(CollectionMetrics m) {
            shipped += m.shipped();
            delivered += m.delivered();
            lost += m.lost();
            unacknowledged += m.unacknowledged();
            filtered += m.filtered();
            parseFailures += m.parseFailures();
        }

        synchronized CollectionMetrics snapshot() {
            return new CollectionMetrics(shipped, delivered, lost, unacknowledged, filtered, parseFailures);
        }
    }
}
