package io.clssdk.producer;

import io.clssdk.core.Compression;
import io.clssdk.core.HttpOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Settings of a {@link ClsProducer}. Immutable; build with {@link #builder()}, whose {@code build()} checks every
 * bound and names the option that is out of range.
 *
 * <table>
 *   <caption>Options, defaults and bounds</caption>
 *   <tr><th>option</th><th>default</th><th>bounds</th><th>meaning</th></tr>
 *   <tr><td>maxBatchBytes</td><td>512 KiB</td><td>4 KiB – 5 MiB</td><td>uncompressed body size at which a batch is
 *       sent; a single larger log travels alone (up to the CLS limits). Batch buffers are sized so that G1 does not
 *       give them whole regions of their own: below 1 MiB a batch holds at most 509 KiB, from 1 MiB on at most the
 *       largest power of two (minus 64 B) not above this setting</td></tr>
 *   <tr><td>maxBatchCount</td><td>4,096</td><td>1 – 10,000</td><td>logs at which a batch is sent</td></tr>
 *   <tr><td>linger</td><td>2 s</td><td>100 ms – deliveryTimeout</td><td>how long a batch waits for more logs; with a
 *       {@link #spool() spool}, at most its fsyncInterval (a batch is spooled when sealed)</td></tr>
 *   <tr><td>streamMaxBatchBytes</td><td>1 MiB</td><td>4 KiB – 5 MiB</td><td>like maxBatchBytes, for the batches of
 *       the dedicated streams {@link ClsProducer#openStream} opens (the tailer's files): LogListener's package size. At
 *       most half of totalBufferBytes; 1 MiB gives batches of at most 1 MiB − 64 B</td></tr>
 *   <tr><td>streamMaxBatchCount</td><td>10,000</td><td>1 – 10,000</td><td>like maxBatchCount, for the streams'
 *       batches</td></tr>
 *   <tr><td>streamLinger</td><td>3 s (linger when deliveryTimeout ≤ 3 s)</td><td>100 ms – deliveryTimeout</td><td>like
 *       linger, for the streams' batches (with a spool, at most its fsyncInterval as well). Left unset, it never
 *       stands in the way of a short deliveryTimeout: it falls back to linger</td></tr>
 *   <tr><td>totalBufferBytes</td><td>100 MiB</td><td>≥ 2 × maxBatchBytes</td><td>memory for logs not yet
 *       delivered: the buffers holding them (encoded bytes), 432 B per batch and 32 B per pending log with its own
 *       future or callback (a callback shared by consecutive logs costs nothing per log). The halves of a batch CLS
 *       rejected for one bad log (see {@link ClsProducer}) count here as well; a split waits until they fit</td></tr>
 *   <tr><td>maxBlock</td><td>60 s</td><td>≥ 0</td><td>how long {@code send()} waits for buffer space; 0 fails at
 *       once</td></tr>
 *   <tr><td>ioThreads</td><td>4</td><td>1 – 64</td><td>uploads in flight at once</td></tr>
 *   <tr><td>compression</td><td>LZ4</td><td></td><td>body compression</td></tr>
 *   <tr><td>maxRetries</td><td>unlimited</td><td>≥ 0</td><td>retries per batch; the delivery timeout bounds them
 *       anyway</td></tr>
 *   <tr><td>deliveryTimeout</td><td>120 s</td><td>&gt; linger, &gt; streamLinger</td><td>from a batch's first log to its final outcome:
 *       linger, queueing, attempts and backoff; the halves of a split batch keep its deadline</td></tr>
 *   <tr><td>retryBackoffBase / retryBackoffMax</td><td>100 ms / 10 s</td><td>base &gt; 0, max ≥ base</td><td>retry
 *       n waits a random time in [0, min(max, base · 2ⁿ)] (full jitter), or the server's Retry-After when longer</td></tr>
 *   <tr><td>callbackExecutor</td><td>one producer thread</td><td></td><td>where callbacks and futures complete</td></tr>
 *   <tr><td>sourceIp</td><td>this host's first non-loopback IPv4</td><td></td><td>{@code __SOURCE__} of every
 *       group</td></tr>
 *   <tr><td>hostname</td><td>this host's name</td><td></td><td>{@code __HOSTNAME__} of every group</td></tr>
 *   <tr><td>tags</td><td>none</td><td></td><td>{@code __TAG__.<key>} of every group</td></tr>
 *   <tr><td>httpOptions</td><td>{@link HttpOptions#defaults()}</td><td></td><td>timeouts, pool, TLS trust</td></tr>
 *   <tr><td>jmx</td><td>true</td><td></td><td>register the metrics MBean {@code io.clssdk:type=ClsProducer,name=<id>}</td></tr>
 *   <tr><td>spool</td><td>off (null)</td><td></td><td>a disk spool that keeps undelivered logs across crashes and
 *       restarts: {@link SpoolOptions}</td></tr>
 * </table>
 */
public final class ProducerOptions {
    static final int MIN_BATCH_BYTES = 4 * 1024;
    static final int MAX_BATCH_BYTES = 5 * 1024 * 1024;
    static final int MAX_BATCH_COUNT = 10_000;
    /** LogListener's package linger, the streams' default. */
    static final Duration DEFAULT_STREAM_LINGER = Duration.ofSeconds(3);

    private final int maxBatchBytes;
    private final int maxBatchCount;
    private final Duration linger;
    private final int streamMaxBatchBytes;
    private final int streamMaxBatchCount;
    private final Duration streamLinger;
    /** What the builder was given for streamLinger (null: the default), so that {@link #toBuilder} keeps "unset". */
    private final Duration streamLingerSet;

    private final long totalBufferBytes;
    private final Duration maxBlock;
    private final int ioThreads;
    private final Compression compression;
    private final int maxRetries;
    private final Duration deliveryTimeout;
    private final Duration retryBackoffBase;
    private final Duration retryBackoffMax;
    private final Executor callbackExecutor;
    private final String sourceIp;
    private final String hostname;
    private final Map<String, String> tags;
    private final HttpOptions httpOptions;
    private final boolean jmx;
    private final SpoolOptions spool;

    private ProducerOptions(Builder b) {
        this.maxBatchBytes = b.maxBatchBytes;
        this.maxBatchCount = b.maxBatchCount;
        this.linger = b.linger;
        this.streamMaxBatchBytes = b.streamMaxBatchBytes;
        this.streamMaxBatchCount = b.streamMaxBatchCount;
        this.streamLinger = b.effectiveStreamLinger();
        this.streamLingerSet = b.streamLinger;
        this.totalBufferBytes = b.totalBufferBytes;
        this.maxBlock = b.maxBlock;
        this.ioThreads = b.ioThreads;
        this.compression = b.compression;
        this.maxRetries = b.maxRetries;
        this.deliveryTimeout = b.deliveryTimeout;
        this.retryBackoffBase = b.retryBackoffBase;
        this.retryBackoffMax = b.retryBackoffMax;
        this.callbackExecutor = b.callbackExecutor;
        this.sourceIp = b.sourceIp;
        this.hostname = b.hostname;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.httpOptions = b.httpOptions;
        this.jmx = b.jmx;
        this.spool = b.spool;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults of the table above. */
    public static ProducerOptions defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxBatchBytes = maxBatchBytes;
        b.maxBatchCount = maxBatchCount;
        b.linger = linger;
        b.streamMaxBatchBytes = streamMaxBatchBytes;
        b.streamMaxBatchCount = streamMaxBatchCount;
        b.streamLinger = streamLingerSet;
        b.totalBufferBytes = totalBufferBytes;
        b.maxBlock = maxBlock;
        b.ioThreads = ioThreads;
        b.compression = compression;
        b.maxRetries = maxRetries;
        b.deliveryTimeout = deliveryTimeout;
        b.retryBackoffBase = retryBackoffBase;
        b.retryBackoffMax = retryBackoffMax;
        b.callbackExecutor = callbackExecutor;
        b.sourceIp = sourceIp;
        b.hostname = hostname;
        b.tags.putAll(tags);
        b.httpOptions = httpOptions;
        b.jmx = jmx;
        b.spool = spool;
        return b;
    }

    public int maxBatchBytes() {
        return maxBatchBytes;
    }

    public int maxBatchCount() {
        return maxBatchCount;
    }

    public Duration linger() {
        return linger;
    }

    /** Batch size limit of the streams {@link ClsProducer#openStream} opens (1 MiB by default). */
    public int streamMaxBatchBytes() {
        return streamMaxBatchBytes;
    }

    /** Batch log count limit of the streams {@link ClsProducer#openStream} opens (10,000 by default). */
    public int streamMaxBatchCount() {
        return streamMaxBatchCount;
    }

    /** Linger of the streams {@link ClsProducer#openStream} opens (3 s by default; linger when deliveryTimeout ≤ 3 s). */
    public Duration streamLinger() {
        return streamLinger;
    }

    public long totalBufferBytes() {
        return totalBufferBytes;
    }

    public Duration maxBlock() {
        return maxBlock;
    }

    public int ioThreads() {
        return ioThreads;
    }

    public Compression compression() {
        return compression;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    public Duration retryBackoffBase() {
        return retryBackoffBase;
    }

    public Duration retryBackoffMax() {
        return retryBackoffMax;
    }

    /** The executor for callbacks and futures, or null for the producer's own callback thread. */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /** The source IP sent with every group, or null to detect it when the producer is built. */
    public String sourceIp() {
        return sourceIp;
    }

    /** The host name sent with every group, or null to detect it when the producer is built. */
    public String hostname() {
        return hostname;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public HttpOptions httpOptions() {
        return httpOptions;
    }

    public boolean jmx() {
        return jmx;
    }

    /** The disk spool's settings, or null when the producer keeps undelivered logs in memory only (the default). */
    public SpoolOptions spool() {
        return spool;
    }

    @Override
    public String toString() {
        return "ProducerOptions{maxBatchBytes=" + maxBatchBytes + ", maxBatchCount=" + maxBatchCount + ", linger="
                + linger + ", streamMaxBatchBytes=" + streamMaxBatchBytes + ", streamMaxBatchCount="
                + streamMaxBatchCount + ", streamLinger=" + streamLinger + ", totalBufferBytes=" + totalBufferBytes
                + ", maxBlock=" + maxBlock + ", ioThreads="
                + ioThreads + ", compression=" + compression + ", maxRetries=" + maxRetries + ", deliveryTimeout="
                + deliveryTimeout + ", retryBackoffBase=" + retryBackoffBase + ", retryBackoffMax=" + retryBackoffMax
                + ", sourceIp=" + sourceIp + ", hostname=" + hostname + ", tags=" + tags + ", " + httpOptions
                + (spool == null ? "" : ", " + spool) + '}';
    }

    /** Builds {@link ProducerOptions}. Not thread-safe. */
    public static final class Builder {
        private int maxBatchBytes = 512 * 1024;
        private int maxBatchCount = 4096;
        private Duration linger = Duration.ofSeconds(2);
        private int streamMaxBatchBytes = 1024 * 1024;
        private int streamMaxBatchCount = MAX_BATCH_COUNT;
        /** Null until set: the default is {@link #DEFAULT_STREAM_LINGER}, or linger under a short deliveryTimeout. */
        private Duration streamLinger;

        private long totalBufferBytes = 100L * 1024 * 1024;
        private Duration maxBlock = Duration.ofSeconds(60);
        private int ioThreads = 4;
        private Compression compression = Compression.LZ4;
        private int maxRetries = Integer.MAX_VALUE;
        private Duration deliveryTimeout = Duration.ofSeconds(120);
        private Duration retryBackoffBase = Duration.ofMillis(100);
        private Duration retryBackoffMax = Duration.ofSeconds(10);
        private Executor callbackExecutor;
        private String sourceIp;
        private String hostname;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private HttpOptions httpOptions = HttpOptions.defaults();
        private boolean jmx = true;
        private SpoolOptions spool;

        private Builder() {}

        public Builder maxBatchBytes(int maxBatchBytes) {
            this.maxBatchBytes = maxBatchBytes;
            return this;
        }

        public Builder maxBatchCount(int maxBatchCount) {
            this.maxBatchCount = maxBatchCount;
            return this;
        }

        public Builder linger(Duration linger) {
            this.linger = linger;
            return this;
        }

        /**
         * The size at which a batch of a stream opened with {@link ClsProducer#openStream} is sent (default 1 MiB,
         * LogListener's package size; at most half of totalBufferBytes). {@code send()} batches keep maxBatchBytes.
         */
        public Builder streamMaxBatchBytes(int streamMaxBatchBytes) {
            this.streamMaxBatchBytes = streamMaxBatchBytes;
            return this;
        }

        /** The log count at which a stream's batch is sent (default 10,000, as LogListener's packages). */
        public Builder streamMaxBatchCount(int streamMaxBatchCount) {
            this.streamMaxBatchCount = streamMaxBatchCount;
            return this;
        }

        /**
         * How long a stream's batch waits for more logs (default 3 s, as LogListener's packages; when deliveryTimeout
         * is 3 s or less and this is not set, linger).
         */
        public Builder streamLinger(Duration streamLinger) {
            this.streamLinger = streamLinger;
            return this;
        }

        public Builder totalBufferBytes(long totalBufferBytes) {
            this.totalBufferBytes = totalBufferBytes;
            return this;
        }

        /** How long {@code send()} waits for buffer space; {@link Duration#ZERO} fails at once. */
        public Builder maxBlock(Duration maxBlock) {
            this.maxBlock = maxBlock;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        public Builder compression(Compression compression) {
            this.compression = compression;
            return this;
        }

        /** Retries per batch (0 = a single attempt); the delivery timeout applies as well. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder deliveryTimeout(Duration deliveryTimeout) {
            this.deliveryTimeout = deliveryTimeout;
            return this;
        }

        public Builder retryBackoffBase(Duration retryBackoffBase) {
            this.retryBackoffBase = retryBackoffBase;
            return this;
        }

        public Builder retryBackoffMax(Duration retryBackoffMax) {
            this.retryBackoffMax = retryBackoffMax;
            return this;
        }

        /**
         * Runs callbacks and completes futures on {@code executor} instead of the producer's own thread. It must accept
         * every task and should run them in submission order if callbacks rely on order.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = executor;
            return this;
        }

        public Builder sourceIp(String sourceIp) {
            this.sourceIp = sourceIp;
            return this;
        }

        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** Adds a tag sent with every group ({@code __TAG__.<key>}). */
        public Builder tag(String key, String value) {
            Objects.requireNonNull(key, "tag key");
            Objects.requireNonNull(value, "tag value");
            tags.put(key, value);
            return this;
        }

        public Builder httpOptions(HttpOptions httpOptions) {
            this.httpOptions = httpOptions;
            return this;
        }

        /** Whether to register the metrics MBean (default true). */
        public Builder jmx(boolean jmx) {
            this.jmx = jmx;
            return this;
        }

        /** Keeps undelivered logs in a disk spool as well ({@link SpoolOptions}); null (the default) turns it off. */
        public Builder spool(SpoolOptions spool) {
            this.spool = spool;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException naming the option that is out of bounds
         */
        public ProducerOptions build() {
            range("maxBatchBytes", maxBatchBytes, MIN_BATCH_BYTES, MAX_BATCH_BYTES);
            range("maxBatchCount", maxBatchCount, 1, MAX_BATCH_COUNT);
            range("streamMaxBatchBytes", streamMaxBatchBytes, MIN_BATCH_BYTES, MAX_BATCH_BYTES);
            range("streamMaxBatchCount", streamMaxBatchCount, 1, MAX_BATCH_COUNT);
            range("ioThreads", ioThreads, 1, 64);
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
            }
            Objects.requireNonNull(compression, "compression");
            Objects.requireNonNull(httpOptions, "httpOptions");
            positive("deliveryTimeout", deliveryTimeout);
            lingerFits("linger", linger);
            lingerFits("streamLinger", effectiveStreamLinger());
            positive("retryBackoffBase", retryBackoffBase);
            positive("retryBackoffMax", retryBackoffMax);
            Objects.requireNonNull(maxBlock, "maxBlock");
            if (maxBlock.isNegative()) {
                throw new IllegalArgumentException("maxBlock must be >= 0, got " + maxBlock);
            }
            if (retryBackoffMax.compareTo(retryBackoffBase) < 0) {
                throw new IllegalArgumentException("retryBackoffMax (" + retryBackoffMax
                        + ") must not be shorter than retryBackoffBase (" + retryBackoffBase + ")");
            }
            if (totalBufferBytes < 2L * maxBatchBytes) {
                throw new IllegalArgumentException("totalBufferBytes (" + totalBufferBytes
                        + ") must be at least twice maxBatchBytes (" + maxBatchBytes + ")");
            }
            return new ProducerOptions(this);
        }

        private static void range(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
            }
        }

        private Duration effectiveStreamLinger() {
            if (streamLinger != null) {
                return streamLinger;
            }
            return deliveryTimeout.compareTo(DEFAULT_STREAM_LINGER) > 0 ? DEFAULT_STREAM_LINGER : linger;
        }

        /** A linger of at least 100 ms, shorter than the (checked) delivery timeout. */
        private void lingerFits(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.toMillis() < 100) {
                throw new IllegalArgumentException(name + " must be at least 100 ms, got " + d);
            }
            if (deliveryTimeout.compareTo(d) <= 0) {
                throw new IllegalArgumentException(
                        "deliveryTimeout (" + deliveryTimeout + ") must be longer than " + name + " (" + d + ")");
            }
        }

        private static void positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
        }
    }
}
