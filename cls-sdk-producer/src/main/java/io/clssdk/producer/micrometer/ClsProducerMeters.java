package io.clssdk.producer.micrometer;

import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a producer's {@link ProducerMetrics} to a Micrometer registry. Every meter reads the producer when the registry
 * polls it; nothing is recorded on the send path. Names follow Micrometer's conventions (dotted, lower case; the
 * registry adds its own suffixes such as {@code _total}):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>what</th></tr>
 *   <tr><td>cls.producer.logs.accepted</td><td>counter</td><td>logs accepted by {@code send()}</td></tr>
 *   <tr><td>cls.producer.logs.sent</td><td>counter</td><td>logs CLS acknowledged</td></tr>
 *   <tr><td>cls.producer.logs.failed</td><td>counter</td><td>logs completed as failed (all causes)</td></tr>
 *   <tr><td>cls.producer.logs.expired</td><td>counter</td><td>of those, failed by the delivery timeout</td></tr>
 *   <tr><td>cls.producer.logs.pending</td><td>gauge</td><td>accepted, not completed yet</td></tr>
 *   <tr><td>cls.producer.requests</td><td>counter</td><td>upload requests sent (any outcome)</td></tr>
 *   <tr><td>cls.producer.retries</td><td>counter</td><td>requests that retried an earlier attempt</td></tr>
 *   <tr><td>cls.producer.bytes.raw / .compressed</td><td>counter (bytes)</td><td>request bodies before / after
 *   compression</td></tr>
 *   <tr><td>cls.producer.batches.in.flight</td><td>gauge</td><td>sealed batches not completed</td></tr>
 *   <tr><td>cls.producer.buffer.used / .total</td><td>gauge (bytes)</td><td>memory bound in use / configured</td></tr>
 *   <tr><td>cls.producer.request.latency.mean / .p99 / .max</td><td>time gauge</td><td>upload request latency</td></tr>
 *   <tr><td>cls.producer.surrogates.replaced</td><td>counter</td><td>lone UTF-16 surrogates sent as ?</td></tr>
 * </table>
 *
 * <p>Usage: {@code new ClsProducerMeters(producer, Tags.of("app", "orders")).bindTo(registry)}. Thread-safe. The meters
 * hold the producer strongly; remove them from the registry when the producer is closed if it is replaced.
 */
public final class ClsProducerMeters implements MeterBinder {
    private static final String PREFIX = "cls.producer.";

    private final ClsProducer producer;
    private final Iterable<Tag> tags;

    /** Meters for {@code producer} with no extra tags. */
    public ClsProducerMeters(ClsProducer producer) {
        this(producer, Tags.empty());
    }

    /** Meters for {@code producer}, each carrying {@code tags} (e.g. which application or topic it serves). */
    public ClsProducerMeters(ClsProducer producer, Iterable<Tag> tags) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "logs.accepted", "Logs accepted by send()", BaseUnits.EVENTS, ProducerMetrics::accepted);
        counter(registry, "logs.sent", "Logs CLS acknowledged", BaseUnits.EVENTS, ProducerMetrics::succeeded);
        counter(registry, "logs.failed", "Logs completed as failed", BaseUnits.EVENTS, ProducerMetrics::failed);
        counter(
                registry,
                "logs.expired",
                "Logs failed by the delivery timeout",
                BaseUnits.EVENTS,
                ProducerMetrics::expired);
        gauge(registry, "logs.pending", "Logs accepted and not completed", BaseUnits.EVENTS, ProducerMetrics::pending);
        counter(registry, "requests", "Upload requests sent", "requests", ProducerMetrics::requests);
        counter(registry, "retries", "Upload requests that were retries", "requests", ProducerMetrics::retries);
        counter(
                registry,
                "bytes.raw",
                "Request body bytes before compression",
                BaseUnits.BYTES,
                ProducerMetrics::rawBytes);
        counter(
                registry,
                "bytes.compressed",
                "Request body bytes on the wire",
                BaseUnits.BYTES,
                ProducerMetrics::compressedBytes);
        gauge(registry, "batches.in.flight", "Sealed batches not completed", null, ProducerMetrics::batchesInFlight);
        gauge(registry, "buffer.used", "Buffer memory in use", BaseUnits.BYTES, ProducerMetrics::bufferUsedBytes);
        gauge(registry, "buffer.total", "Configured buffer memory", BaseUnits.BYTES, ProducerMetrics::bufferTotalBytes);
        latency(registry, "request.latency.mean", "Mean upload latency", ProducerMetrics::requestLatencyMeanMs);
        latency(
                registry,
                "request.latency.p99",
                "99th percentile upload latency",
                ProducerMetrics::requestLatencyP99Ms);
        latency(registry, "request.latency.max", "Slowest upload", ProducerMetrics::requestLatencyMaxMs);
        counter(
                registry,
                "surrogates.replaced",
                "Lone UTF-16 surrogates sent as ?",
                null,
                ProducerMetrics::surrogatesReplaced);
        counter(
                registry,
                "spool.replayed.sent",
                "Logs rebuilt from the disk spool that CLS acknowledged",
                BaseUnits.EVENTS,
                ProducerMetrics::replayedSucceeded);
        counter(
                registry,
                "spool.replayed.failed",
                "Logs rebuilt from the disk spool that failed",
                BaseUnits.EVENTS,
                ProducerMetrics::replayedFailed);
        counter(
                registry,
                "spool.dropped",
                "Undelivered logs deleted from a full disk spool",
                BaseUnits.EVENTS,
                ProducerMetrics::spoolDroppedLogs);
        gauge(registry, "spool.used", "Disk spool bytes on disk", BaseUnits.BYTES, ProducerMetrics::spoolBytes);
    }

    private void counter(
            MeterRegistry registry, String name, String help, String unit, ToDoubleFunction<ProducerMetrics> f) {
        FunctionCounter.builder(PREFIX + name, producer, p -> f.applyAsDouble(p.metrics()))
                .description(help)
                .baseUnit(unit)
                .tags(tags)
                .register(registry);
    }

    private void gauge(
            MeterRegistry registry, String name, String help, String unit, ToDoubleFunction<ProducerMetrics> f) {
        Gauge.builder(PREFIX + name, producer, p -> f.applyAsDouble(p.metrics()))
                .description(help)
                .baseUnit(unit)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private void latency(MeterRegistry registry, String name, String help, ToDoubleFunction<ProducerMetrics> f) {
        TimeGauge.builder(PREFIX + name, producer, TimeUnit.MILLISECONDS, p -> f.applyAsDouble(p.metrics()))
                .description(help)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }
}
