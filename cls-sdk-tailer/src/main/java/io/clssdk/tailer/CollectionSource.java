package io.clssdk.tailer;

import io.clssdk.core.api.CollectionConfig;
import io.clssdk.producer.ClsProducer;
import io.clssdk.tailer.internal.ship.ConfigMapping;
import io.clssdk.tailer.internal.ship.ProducerSink;
import io.clssdk.tailer.internal.ship.ShipStats;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A CLS collection configuration run inside this JVM: the same {@link CollectionConfig} that {@code CreateConfig}
 * takes and {@code DescribeConfigs} returns (from code or from its JSON), turned into a {@link TailSource} whose lines
 * are parsed as LogListener would and shipped through a {@link ClsProducer}.
 *
 * <pre>{@code
 * CollectionSource app = CollectionSource.builder(CollectionConfig.fromJson(json))
 *         .producer(producer)                      // topic: the config's Output, or topicId(...)
 *         .build();
 * Tailer tailer = Tailer.builder()
 *         .options(TailerOptions.builder(Paths.get("/var/lib/myservice/tailer")).build())
 *         .source(app.tailSource())
 *         .build();
 * tailer.start();
 * }</pre>
 *
 * <p>What is used: {@code Path} (current path rules, comma-separated), {@code ExcludePaths}, {@code LogType} (the six
 * file log types), {@code ExtractRule} (regexes, keys, delimiter, time key and format, filters, parse-failure upload,
 * raw log key, GBK, backtracking, {@code MetadataType} 2 and 3), {@code AdvancedConfig} ({@code ClsAgentMaxDepth},
 * {@code ClsAgentFileTimeout}, {@code ClsAgentParseFailMerge}). Anything else that is set — syslog, journal and Windows
 * event fields, {@code UserDefineRule}, machine-group metadata ({@code MetadataType} 1), fields this SDK does not know —
 * is listed by {@link #unsupportedFields()}; {@code build()} refuses such a configuration unless {@link
 * Builder#allowUnsupported()} was called, in which case they are logged at WARN and ignored.
 *
 * <p>Delivery: a line's offset is committed only after CLS acknowledged every log made from it. A log CLS can never
 * accept (rejected as invalid content or parameters, or too large) is recorded as lost — an ERROR line with the file and
 * byte range, and {@link CollectionMetrics#lost()} — and the file moves on. Any other final failure (endpoint
 * unreachable, delivery timeout, 5xx, throttling, credentials, topic configuration, a full or closed producer) is not
 * the logs' fault: they are never counted lost; the file is held at its committed offset and read again once delivery
 * works ({@link LineChunk#retryLater}, {@link CollectionMetrics#retried()}).
 */
public final class CollectionSource {
    private final TailSource tailSource;
    private final ShipStats stats;
    private final List<String> unsupported;

    private CollectionSource(TailSource tailSource, ShipStats stats, List<String> unsupported) {
        this.tailSource = tailSource;
        this.stats = stats;
        this.unsupported = unsupported;
    }

    /** Returns a builder for {@code config}. */
    public static Builder builder(CollectionConfig config) {
        return new Builder(Objects.requireNonNull(config, "config"));
    }

    /** The source to add to a {@link Tailer}. */
    public TailSource tailSource() {
        return tailSource;
    }

    /** Fields of the configuration that this SDK does not apply (empty unless {@code allowUnsupported()}). */
    public List<String> unsupportedFields() {
        return unsupported;
    }

    /** A snapshot of the counters. */
    public CollectionMetrics metrics() {
        return new CollectionMetrics(
                stats.shipped.sum(),
                stats.delivered.sum(),
                stats.lost.sum(),
                stats.unacknowledged.sum(),
                stats.filtered.sum(),
                stats.parseFailures.sum(),
                stats.retried.sum());
    }

    @Override
    public String toString() {
        return "CollectionSource{" + tailSource.name() + ", path=" + tailSource.path() + '}';
    }

    /** Builds a {@link CollectionSource}. */
    public static final class Builder {
        private final CollectionConfig config;
        private ClsProducer producer;
        private String topicId;
        private String name;
        private ZoneId zone = ZoneId.systemDefault();
        private boolean allowUnsupported;

        private Builder(CollectionConfig config) {
            this.config = config;
        }

        /** The producer that uploads the logs (required; one built by {@link ClsProducer#builder()}). */
        public Builder producer(ClsProducer producer) {
            this.producer = Objects.requireNonNull(producer, "producer");
            return this;
        }

        /** The topic to upload to; default the configuration's {@code Output}. */
        public Builder topicId(String topicId) {
            this.topicId = Objects.requireNonNull(topicId, "topicId");
            return this;
        }

        /** The source's name in status, logs and checkpoints; default the configuration's {@code Name}. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The time zone of log times whose {@code TimeFormat} has no {@code %z}; default the JVM's default zone (like
         * LogListener, which uses the machine's local time).
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Accepts a configuration with fields this SDK does not apply; they are logged at WARN and ignored. */
        public Builder allowUnsupported() {
            this.allowUnsupported = true;
            return this;
        }

        /**
         * Checks the configuration (paths, regexes, keys, time format, ...) and builds the source.
         *
         * @throws IllegalArgumentException naming what is wrong or unsupported
         * @throws IllegalStateException if no producer was given
         */
        public CollectionSource build() {
            if (producer == null) {
                throw new IllegalStateException("a producer is required: producer(ClsProducer.builder()...build())");
            }
            String topic = topicId != null ? topicId : config.output();
            if (topic == null || topic.trim().isEmpty()) {
                throw new IllegalArgumentException(
                        "no topic: the configuration has no Output; set one with topicId(\"<topic id>\")");
            }
            ConfigMapping mapping = ConfigMapping.of(config, zone);
            List<String> unsupported = mapping.unsupportedFields();
            if (!unsupported.isEmpty() && !allowUnsupported) {
                throw new IllegalArgumentException("the collection configuration sets fields this SDK does not apply: "
                        + unsupported + "; remove them, or call allowUnsupported() to run without them");
            }
            mapping.warnUnsupported();
            ShipStats stats = new ShipStats();
            String sourceName = name != null ? name : mapping.defaultName();
            ProducerSink sink = new ProducerSink(producer, topic, mapping::newPipeline, mapping::fileTags, stats);
            return new CollectionSource(mapping.tailSource(sourceName, sink), stats, unsupported);
        }
    }
}
