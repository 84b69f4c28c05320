package io.clssdk.tailer.collector;

import io.clssdk.producer.ClsProducer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running collector: a {@link SourceSet} fed by a {@link ConfigFeed} (polled every {@code pollInterval} on one
 * daemon thread), one shared producer, and a status line every {@code statusInterval} (zero: none). Owns the producer
 * and closes it in {@link #stop}. Thread-safe.
 */
final class Collector {
    private final ClsProducer producer;
    private final SourceSet sources;
    private final ConfigFeed feed;
    private final Console console;
    private final StatusReport report;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "cls-collector-timer");
        t.setDaemon(true);
        return t;
    });
    private final AutoCloseable onStop;

    /**
     * @param onStop closed after the producer at stop (the Cloud API client of a machine group), or null
     */
    Collector(ClsProducer producer, SourceSet sources, ConfigFeed feed, Console console, AutoCloseable onStop) {
        this.producer = producer;
        this.sources = sources;
        this.feed = feed;
        this.console = console;
        this.report = new StatusReport(sources, producer, console);
        this.onStop = onStop;
    }

    /**
     * Applies {@code initial} (the set to start with) and schedules the polls and the status line.
     *
     * @throws IllegalArgumentException if a configuration of an all-or-nothing feed is invalid; nothing was started
     * @throws IllegalStateException if a tailer cannot start (for example its checkpoint directory is held by another
     *     process); the ones started are stopped again before this is thrown
     */
    void start(List<NamedConfig> initial, Duration pollInterval, Duration statusInterval) {
        String changed = sources.apply(initial, feed.allOrNothing());
        console.info("running " + sources.running().size() + " configs from " + feed.describe()
                + (changed.isEmpty() ? "" : " (" + changed + ")"));
        if (!pollInterval.isZero()) {
            long ms = pollInterval.toMillis();
            scheduler.scheduleWithFixedDelay(this::pollNow, ms, ms, TimeUnit.MILLISECONDS);
        }
        if (!statusInterval.isZero()) {
            long ms = statusInterval.toMillis();
            scheduler.scheduleWithFixedDelay(this::printStatus, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Polls the feed once and applies what changed. A failure (unreadable file, bad new content, failing API call)
     * is reported and leaves the running set as it was.
     */
    void pollNow() {
        try {
            Optional<List<NamedConfig>> wanted = feed.poll();
            if (wanted.isPresent()) {
                String changed = sources.apply(wanted.get(), feed.allOrNothing());
                if (!changed.isEmpty()) {
                    console.info(feed.describe() + " changed: " + changed + "; "
                            + sources.running().size() + " configs running");
                }
            }
        } catch (RuntimeException e) {
            console.error(feed.describe() + ": " + e.getMessage() + "; keeping the "
                    + sources.running().size() + " configs running");
        }
    }

    /** The status report (also served by {@link StatusServer}). */
    StatusReport report() {
        return report;
    }

    /** The configurations running now. */
    SourceSet sources() {
        return sources;
    }

    private void printStatus() {
        try {
            console.info(report.line());
        } catch (RuntimeException e) {
            console.error("status: " + e);
        }
    }

    /**
     * Stops polling, stops every tailer (waiting for acknowledgements while the producer sends what it holds without
     * waiting for linger), writes their checkpoints, then closes the producer with what is left of {@code timeout}:
     * logs it could not deliver by then are not acknowledged and their lines are read again at the next start.
     *
     * @return true if every line read was acknowledged
     */
    boolean stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        scheduler.shutdown();
        Duration reserve = min(timeout.dividedBy(4), Duration.ofSeconds(5));
        Thread flusher = new Thread(this::flushQuietly, "cls-collector-flush");
        flusher.setDaemon(true);
        flusher.start();
        boolean acknowledged = sources.stopAll(timeout.minus(reserve));
        long left = Math.max(0, deadline - System.nanoTime());
        boolean closed = producer.close(Duration.ofNanos(left));
        try {
            if (onStop != null) {
                onStop.close();
            }
        } catch (Exception e) {
            console.error("closing: " + e);
        }
        return acknowledged && closed;
    }

    private void flushQuietly() {
        try {
            producer.flush();
        } catch (RuntimeException e) {
            // closed or interrupted while stopping: what is left is not acknowledged and read again next time
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
