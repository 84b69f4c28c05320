package io.clssdk.tailer.micrometer;

import io.clssdk.tailer.CollectionMetrics;
import io.clssdk.tailer.CollectionSource;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Binds a {@link Tailer}'s status and its {@link CollectionSource}s' counters to a Micrometer registry. Meters read
 * when the registry polls; a status snapshot is taken at most once per poll round (a {@code status()} walks every
 * followed file, so the gauges of one round share it for up to a second). Names follow Micrometer's conventions:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>cls.tailer.files</td><td>gauge</td><td>files followed</td></tr>
 *   <tr><td>cls.tailer.files.open</td><td>gauge</td><td>files holding a descriptor</td></tr>
 *   <tr><td>cls.tailer.lag</td><td>gauge (bytes)</td><td>bytes on disk not yet committed, all files</td></tr>
 *   <tr><td>cls.tailer.in.flight</td><td>gauge (bytes)</td><td>bytes read and not yet acknowledged</td></tr>
 *   <tr><td>cls.tailer.lines.truncated</td><td>gauge</td><td>over-long lines cut, over followed files</td></tr>
 *   <tr><td>cls.tailer.files.lost</td><td>gauge</td><td>files dropped before being read to the end</td></tr>
 *   <tr><td>cls.tailer.files.held</td><td>gauge</td><td>files held because their delivery is failing</td></tr>
 *   <tr><td>cls.tailer.lost</td><td>gauge (bytes)</td><td>undelivered bytes of deleted files released</td></tr>
 *   <tr><td>cls.collection.logs.shipped / .delivered / .lost / .retried / .unacknowledged / .filtered /
 *   .parse.failures
 *   </td><td>counter, tag {@code source}</td><td>per collection source ({@link CollectionMetrics})</td></tr>
 *   <tr><td>cls.collection.logs.pending</td><td>gauge, tag {@code source}</td><td>shipped, not settled</td></tr>
 * </table>
 *
 * <p>Usage: {@code new TailerMeters(tailer, Tags.of("app", "web")).source("nginx", nginxSource).bindTo(registry)}.
 * Thread-safe once bound.
 */
public final class TailerMeters implements MeterBinder {
    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    private final Tailer tailer;
    private final Iterable<Tag> tags;
    private final List<NamedSource> sources = new ArrayList<>();
    private TailerStatus snapshot;
    private long snapshotNanos;

    /** Meters for {@code tailer}, each carrying {@code tags}. */
    public TailerMeters(Tailer tailer, Iterable<Tag> tags) {
        this.tailer = Objects.requireNonNull(tailer, "tailer");
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    /** Meters for {@code tailer} with no extra tags. */
    public TailerMeters(Tailer tailer) {
        this(tailer, Tags.empty());
    }

    /** Also binds the counters of {@code source}, tagged {@code source=name}. Call before {@link #bindTo}. */
    public TailerMeters source(String name, CollectionSource source) {
        sources.add(new NamedSource(Objects.requireNonNull(name, "name"), Objects.requireNonNull(source, "source")));
        return this;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        status(
                registry,
                "cls.tailer.files",
                "Files followed",
                null,
                s -> s.files().size());
        status(registry, "cls.tailer.files.open", "Files holding a descriptor", null, TailerStatus::openFiles);
        status(registry, "cls.tailer.lag", "Bytes not yet committed", BaseUnits.BYTES, TailerStatus::unsentBytes);
        status(
                registry,
                "cls.tailer.in.flight",
                "Bytes read, not acknowledged",
                BaseUnits.BYTES,
                TailerStatus::inFlightBytes);
        status(registry, "cls.tailer.lines.truncated", "Over-long lines cut", null, TailerStatus::truncatedLines);
        status(
                registry,
                "cls.tailer.files.lost",
                "Files dropped before read to the end",
                null,
                TailerStatus::lostFiles);
        status(registry, "cls.tailer.files.held", "Files whose delivery is failing", null, TailerStatus::heldFiles);
        status(
                registry,
                "cls.tailer.lost",
                "Undelivered bytes of deleted files released",
                BaseUnits.BYTES,
                TailerStatus::lostBytes);
        for (NamedSource s : sources) {
            bindSource(registry, s.name, s.source);
        }
    }

    private void bindSource(MeterRegistry registry, String name, CollectionSource source) {
        Tags sourceTags = Tags.of(tags).and("source", name);
        collection(registry, sourceTags, source, "shipped", "Logs handed to the producer", CollectionMetrics::shipped);
        collection(registry, sourceTags, source, "delivered", "Logs CLS acknowledged", CollectionMetrics::delivered);
        collection(registry, sourceTags, source, "lost", "Logs CLS can never accept", CollectionMetrics::lost);
        collection(
                registry,
                sourceTags,
                source,
                "retried",
                "Logs whose delivery failed transiently, read again",
                CollectionMetrics::retried);
        collection(
                registry,
                sourceTags,
                source,
                "unacknowledged",
                "Logs failed by a closed producer, read again",
                CollectionMetrics::unacknowledged);
        collection(registry, sourceTags, source, "filtered", "Logs dropped by filters", CollectionMetrics::filtered);
        collection(
                registry,
                sourceTags,
                source,
                "parse.failures",
                "Lines that did not parse",
                CollectionMetrics::parseFailures);
        Gauge.builder("cls.collection.logs.pending", source, s -> s.metrics().pending())
                .description("Logs shipped and not settled")
                .baseUnit(BaseUnits.EVENTS)
                .tags(sourceTags)
                .strongReference(true)
                .register(registry);
    }

    private static void collection(
            MeterRegistry registry,
            Tags tags,
            CollectionSource source,
            String name,
            String help,
            ToDoubleFunction<CollectionMetrics> f) {
        FunctionCounter.builder("cls.collection.logs." + name, source, s -> f.applyAsDouble(s.metrics()))
                .description(help)
                .baseUnit(BaseUnits.EVENTS)
                .tags(tags)
                .register(registry);
    }

    private void status(
            MeterRegistry registry, String name, String help, String unit, ToDoubleFunction<TailerStatus> f) {
        Gauge.builder(name, this, m -> f.applyAsDouble(m.snapshot()))
                .description(help)
                .baseUnit(unit)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private synchronized TailerStatus snapshot() {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshotNanos > SNAPSHOT_NANOS) {
            snapshot = tailer.status();
            snapshotNanos = now;
        }
        return snapshot;
    }

    private static final class NamedSource {
        final String name;
        final CollectionSource source;

        NamedSource(String name, CollectionSource source) {
            this.name = name;
            this.source = source;
        }
    }
}
