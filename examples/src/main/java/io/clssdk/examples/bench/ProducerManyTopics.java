package io.clssdk.examples.bench;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.SendCallback;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Many topics sharing a small buffer, with {@code maxBlock} 0 and a healthy endpoint (a {@link DiscardServer} in its
 * own JVM): every thread sends logs to the topics in turn, each thread starting at a different topic, as fast as it
 * can or at a given rate. Each topic's batch stays far from full, so what counts is whether partial batches leave in
 * time for the memory to be reused, or wait out their linger while {@code send()} refuses new logs with
 * {@code BUFFER_FULL}. At full rate on a small machine the sending threads take the CPU the producer's threads would
 * need to ship anything; a rate the endpoint can follow shows the buffer policy.
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -Xmx1g -cp examples/target/benchmarks.jar io.clssdk.examples.bench.ProducerManyTopics
 * java -Xmx1g -cp examples/target/benchmarks.jar io.clssdk.examples.bench.ProducerManyTopics --threads=20 \
 *     --topics=2000 --totalMiB=4 --rate=100 --logs=1000
 * </pre>
 *
 * Options: {@code --threads=N} (default 50), {@code --topics=N} (default 10,000), {@code --logs=N} (per thread,
 * default one per topic), {@code --rate=N} (logs per second per thread, 0 = as fast as possible, the default),
 * {@code --totalMiB=N} (totalBufferBytes, default 32).
 */
public final class ProducerManyTopics {
    private ProducerManyTopics() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int threads = Integer.parseInt(opts.getOrDefault("threads", "50"));
        int topics = Integer.parseInt(opts.getOrDefault("topics", "10000"));
        long total = Long.parseLong(opts.getOrDefault("totalMiB", "32")) << 20;
        int logs = Integer.parseInt(opts.getOrDefault("logs", Integer.toString(topics)));
        long rate = Long.parseLong(opts.getOrDefault("rate", "0"));

        try (ChildProcess server = ChildProcess.start(DiscardServer.class)) {
            int port = Integer.parseInt(server.awaitLine("PORT"));
            ClsProducer producer = ClsProducer.builder()
                    .endpoint(ClsEndpoint.parse("http://127.0.0.1:" + port))
                    .credentials(CredentialsProvider.of(Credentials.of("AKIDbenchmark0000", "benchmark-key")))
                    .options(ProducerOptions.builder()
                            .sourceIp("10.0.0.1")
                            .hostname("bench")
                            .jmx(false)
                            .totalBufferBytes(total)
                            .maxBlock(Duration.ZERO)
                            .build())
                    .build();
            AtomicLong refused = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            SendCallback callback = r -> {
                if (!r.success()) {
                    failed.incrementAndGet();
                }
            };
            CountDownLatch done = new CountDownLatch(threads);
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                new Thread(
                                () -> {
                                    long now = System.currentTimeMillis();
                                    long first = System.nanoTime();
                                    for (int i = 0; i < logs; i++) {
                                        if (rate > 0) {
                                            long wait;
                                            while ((wait = first + i * 1_000_000_000L / rate - System.nanoTime()) > 0) {
                                                LockSupport.parkNanos(wait);
                                            }
                                        }
                                        int topic = (i + thread * (topics / threads)) % topics;
                                        LogRecord record = LogRecord.builder()
                                                .timeMs(now)
                                                .field("thread", Integer.toString(thread))
                                                .field("message", "log " + i + " of thread " + thread)
                                                .build();
                                        try {
                                            producer.send("topic-" + topic, record, callback);
                                        } catch (ClsClientException e) {
                                            if (e.reason() != ClsClientException.Reason.BUFFER_FULL) {
                                                throw e;
                                            }
                                            refused.incrementAndGet();
                                        }
                                    }
                                    done.countDown();
                                },
                                "sender-" + t)
                        .start();
            }
            done.await();
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            producer.flush();
            double allSeconds = (System.nanoTime() - start) / 1e9;
            ProducerMetrics m = producer.metrics();
            producer.close(Duration.ofSeconds(30));
            long offered = (long) threads * logs;
            System.out.printf(
                    Locale.ROOT,
                    "%d threads x %d logs to %d topics, %s, totalBufferBytes %d MiB, maxBlock 0, Java %s%n",
                    threads,
                    logs,
                    topics,
                    rate == 0 ? "max rate" : rate + " logs/s per thread",
                    total >> 20,
                    System.getProperty("java.version"));
            System.out.printf(
                    Locale.ROOT,
                    "offered %,d, refused (BUFFER_FULL) %,d = %.2f %%, accepted %,d, delivered %,d, failed %,d%n",
                    offered,
                    refused.get(),
                    100.0 * refused.get() / offered,
                    m.accepted(),
                    m.succeeded(),
                    failed.get());
            System.out.printf(
                    Locale.ROOT,
                    "%,d requests (%.1f logs each); sending took %.2f s, until every outcome %.2f s%n",
                    m.requests(),
                    m.succeeded() / (double) Math.max(1, m.requests()),
                    sendSeconds,
                    allSeconds);
        }
    }
}
