package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.Codec;
import io.clssdk.core.spi.GroupTrailer;
import io.clssdk.core.spi.HttpTransport;
import io.clssdk.core.spi.Limits;
import io.clssdk.core.spi.LogEncoder;
import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.core.spi.SystemClock;
import io.clssdk.core.spi.Uploader;
import io.clssdk.core.spi.Version;
import io.clssdk.core.spi.WireBuffer;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.SendCallback;
import io.clssdk.producer.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ClsProducer}: wires the accumulator, buffer pool, sender, I/O threads and completer together, and owns
 * the send path; flush and close are {@link ProducerShutdown}'s.
 *
 * <p>{@code send()} encodes the record into a per-thread scratch buffer (no lock held), then copies it into the open
 * batch of its partition under that partition's lock. Nothing else happens on the caller's thread.
 */
public final class DefaultClsProducer implements ClsProducer {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultClsProducer.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int SCRATCH_KEEP_BYTES = 64 * 1024;
    private static final ThreadLocal<WireBuffer> SCRATCH = ThreadLocal.withInitial(() -> new WireBuffer(4096));

    private final String id;
    private final long maxBlockNanos;
    private final BufferPool pool;
    private final ProducerStats stats;
    private final SurrogateWarnings surrogates;
    private final Accumulator accumulator;
    private final IoQueue ioQueue;
    private final List<Thread> threads = new ArrayList<>();
    private final ProducerShutdown shutdown;
    private final String sourceIp;
    private final String hostname;
    private final Map<String, String> tags;
    /** The disk spool, or null (the default). */
    private final Spool spool;

    /** Builds and starts a producer on the system clock. */
    public static DefaultClsProducer create(
            ClsEndpoint endpoint, CredentialsProvider credentials, ProducerOptions options) {
        return new DefaultClsProducer(endpoint, credentials, options, SystemClock.INSTANCE, new Random());
    }

    /** Builds and starts a producer with an injected clock and randomness (tests). */
    public DefaultClsProducer(
            ClsEndpoint endpoint,
            CredentialsProvider credentials,
            ProducerOptions options,
            Clock clock,
            Random random) {
        // first: a directory another producer holds fails the constructor before anything needs closing
        this.spool = options.spool() == null ? null : Spool.open(options.spool());
        this.id = "producer-" + IDS.incrementAndGet();
        this.maxBlockNanos = options.maxBlock().toNanos();
        HttpTransport http = new HttpTransport(options.httpOptions());
        BatchLimits sendLimits = BatchLimits.forSend(options);
        BatchLimits streamLimits = BatchLimits.forStreams(options);
        this.pool =
                new BufferPool(options.totalBufferBytes(), Math.max(sendLimits.maxBytes, streamLimits.maxBytes), clock);
        this.stats = new ProducerStats(pool);
        this.surrogates = new SurrogateWarnings(stats.surrogatesReplaced, clock);
        Executor callbacks = options.callbackExecutor();
        ExecutorService ownCallbackExecutor;
        if (callbacks == null) {
            ownCallbackExecutor = new ThreadPoolExecutor(
                    1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threadFactory("callback"));
            callbacks = ownCallbackExecutor;
        } else {
            ownCallbackExecutor = null;
        }
        Set<Batch> incomplete = ConcurrentHashMap.newKeySet();
        Completer completer = new Completer(callbacks, stats, pool, incomplete);
        this.ioQueue = new IoQueue(options.ioThreads());
        RetryPolicy retryPolicy =
                new RetryPolicy(options.maxRetries(), options.retryBackoffBase(), options.retryBackoffMax(), random);
        Sender sender = new Sender(clock, ioQueue, completer, stats, retryPolicy, options.ioThreads());
        String source = options.sourceIp() != null ? options.sourceIp() : LocalHost.ipv4();
        String hostname = options.hostname() != null ? options.hostname() : LocalHost.hostname();
        this.sourceIp = source;
        this.hostname = hostname;
        this.tags = options.tags();
        this.accumulator = new Accumulator(
                pool,
                sender,
                clock,
                new ContextFlows(random.nextLong()),
                sendLimits,
                streamLimits,
                options.deliveryTimeout().toNanos(),
                GroupTrailer.of(null, source, options.tags(), hostname),
                options.ioThreads(),
                incomplete);
        sender.attach(accumulator);
        if (spool != null) {
            accumulator.spool = spool;
            stats.spool = spool;
            completer.useSpool(spool, options.spool().onReplayed());
            accumulator.replay(spool.pending());
        }
        pool.onLow(sender::memoryLow); // the sender then ships the oldest open batches early

        Uploader uploader = new Uploader(endpoint, credentials, http, clock, Version.USER_AGENT);
        Codec codec = Codec.of(options.compression());
        start(sender, "sender");
        int ioThreads = 0;
        for (int i = 0; i < options.ioThreads(); i++) {
            start(new IoWorker(spool, ioQueue, uploader, codec, clock, sender, stats, pool.largestClass()), "io-" + i);
            ioThreads++;
        }
        this.shutdown = new ProducerShutdown(
                id,
                clock,
                spool,
                accumulator,
                sender,
                completer,
                stats,
                http,
                ioQueue,
                threads,
                ioThreads,
                ownCallbackExecutor,
                incomplete);
        if (options.jmx()) {
            stats.register(id);
        }
        LOG.debug("Started {} for {} with {}", id, endpoint, options);
    }

    /**
     * Opens a dedicated stream of batches to {@code topicId} whose log groups carry {@code filename} and, besides the
     * producer's own tags, {@code extraTags} (the tailer: one stream per followed file).
     */
    @Override
    public LogStream openStream(String topicId, String filename, Map<String, String> extraTags) {
        if (shutdown.closed()) {
            throw closedException();
        }
        Map<String, String> groupTags = tags;
        if (!extraTags.isEmpty()) {
            groupTags = new LinkedHashMap<>(tags);
            groupTags.putAll(extraTags);
        }
        GroupTrailer trailer = GroupTrailer.of(filename, sourceIp, groupTags, hostname);
        return new LogStream(accumulator, stats, accumulator.stream(topicId, null, trailer));
    }

    @Override
    public CompletableFuture<SendResult> send(String topicId, String hashKey, LogRecord record) {
        CompletableFuture<SendResult> future = new CompletableFuture<>();
        append(topicId, hashKey, record, future);
        return future;
    }

    @Override
    public void send(String topicId, String hashKey, LogRecord record, SendCallback callback) {
        append(topicId, hashKey, record, Objects.requireNonNull(callback, "callback"));
    }

    private void append(String topicId, String hashKey, LogRecord record, Object target) {
        Objects.requireNonNull(record, "record");
        if (shutdown.closed()) {
            throw closedException();
        }
        Partition partition = accumulator.partition(topicId, hashKey);
        WireBuffer scratch = SCRATCH.get();
        scratch.reset();
        int valueBytes = LogEncoder.write(scratch, record);
        int length = scratch.position();
        checkFitsOneRequest(length, valueBytes, partition.trailerMax);
        if (spool != null) {
            spool.awaitSpace(maxBlockNanos);
        }
        stats.accepted.increment();
        try {
            while (partition.append(scratch.array(), length, valueBytes, target, maxBlockNanos)
                    == Partition.Appended.RETIRED) {
                partition = accumulator.partition(topicId, hashKey);
            }
        } catch (RuntimeException e) {
            stats.accepted.decrement();
            throw e;
        } finally {
            if (scratch.capacity() > SCRATCH_KEEP_BYTES) {
                scratch.trimTo(4096);
            }
        }
        // the encoder counted them on its slow path only; a log without one costs this one field read
        int replaced = scratch.unpairedSurrogates();
        if (replaced != 0) {
            surrogates.replaced(topicId, record, replaced);
        }
    }

    static void checkFitsOneRequest(int length, int valueBytes, int trailerMax) {
        if (LogGroupListEncoder.HEADER_RESERVE + length + trailerMax > Limits.MAX_BODY_BYTES) {
            throw Limits.invalid("this log encodes to " + length + " bytes; a request body may not exceed "
                    + Limits.MAX_BODY_BYTES + " bytes (6 MiB)");
        }
        if (valueBytes > Limits.MAX_REQUEST_VALUE_BYTES) {
            throw Limits.invalid("the values of this log add up to " + valueBytes + " bytes; CLS accepts at most "
                    + Limits.MAX_REQUEST_VALUE_BYTES + " bytes (5 MiB) of values per request");
        }
    }

    static ClsClientException closedException() {
        return new ClsClientException(
                ClsClientException.Reason.CLOSED, "the producer is closed; create a new one to send more logs");
    }

    @Override
    public void flush() {
        shutdown.flush();
    }

    @Override
    public boolean close(Duration timeout) {
        return shutdown.close(timeout);
    }

    @Override
    public ProducerMetrics metrics() {
        return stats.snapshot();
    }

    /** This producer's id, as used in thread names and the MBean name. */
    public String id() {
        return id;
    }

    /** For tests, through a bridge in this package: see {@link IoQueue#settledDispatches()}. */
    long settledDispatches() {
        return ioQueue.settledDispatches();
    }

    private void start(Runnable task, String role) {
        Thread t = threadFactory(role).newThread(task);
        threads.add(t);
        t.start();
    }

    private ThreadFactory threadFactory(String role) {
        return r -> {
            Thread t = new Thread(r, "cls-" + id + "-" + role);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "ClsProducer{" + id + ", closed=" + shutdown.closed() + '}';
    }
}
