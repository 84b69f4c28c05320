package io.clssdk.examples.bench;

import io.clssdk.core.LogRecord;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.SendCallback;
import io.clssdk.producer.SpoolOptions;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Producer throughput, CPU and allocation per log, and {@code send()} latency, with the reference log shape (8 fields,
 * ≈550 B, LZ4) against a {@link DiscardServer} running in a separate JVM, so the CPU counted is the sending process
 * only (record building, encoding, batching, compression, signing, HTTP, callbacks, GC).
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -Xms2g -Xmx2g -cp examples/target/benchmarks.jar io.clssdk.examples.bench.ProducerBenchmark
 * java -Xms2g -Xmx2g -cp examples/target/benchmarks.jar io.clssdk.examples.bench.ProducerBenchmark --rate=50000
 * </pre>
 *
 * Options: {@code --logs=N} (measured logs, default 5,000,000), {@code --warmup=N} (default 1,000,000),
 * {@code --threads=N} (sending threads, default 2), {@code --rate=N} (logs per second per thread, 0 = as fast as
 * possible), {@code --prebuilt=true} (build records from prepared strings so allocation counts only the SDK),
 * {@code --spool=DIR} (with a disk spool in DIR, fsync every second; the spool's contents are deleted first).
 */
public final class ProducerBenchmark {
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";
    private static final int SAMPLE_EVERY = 64;

    private ProducerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        long logs = Long.parseLong(opts.getOrDefault("logs", "5000000"));
        long warmup = Long.parseLong(opts.getOrDefault("warmup", "1000000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
        long rate = Long.parseLong(opts.getOrDefault("rate", "0"));
        boolean prebuilt = Boolean.parseBoolean(opts.getOrDefault("prebuilt", "false"));
        ProducerOptions.Builder options = ProducerOptions.builder();
        String spool = opts.get("spool");
        if (spool != null) {
            Path dir = Paths.get(spool);
            deleteSegments(dir);
            options.spool(SpoolOptions.builder(dir).build());
        }

        try (ChildProcess server = ChildProcess.start(DiscardServer.class)) {
            int port = Integer.parseInt(server.awaitLine("PORT"));
            ClsProducer producer = DiscardServer.producer(port, options);
            System.out.printf(
                    Locale.ROOT,
                    "producer benchmark: %d sending threads, %s, %s records, spool %s, Java %s%n",
                    threads,
                    rate == 0 ? "max rate" : rate + " logs/s per thread",
                    prebuilt ? "prebuilt-value" : "freshly built",
                    spool == null ? "off" : spool + " (fsync every 1 s)",
                    System.getProperty("java.version"));
            run(producer, threads, warmup, rate, prebuilt, null, new AtomicLong());
            producer.flush();

            Measurement m = new Measurement();
            long[][] samples = new long[threads][];
            AtomicLong senderAllocated = new AtomicLong();
            run(producer, threads, logs, rate, prebuilt, samples, senderAllocated);
            producer.flush();
            m.stop();
            m.senderAllocatedBytes = senderAllocated.get();
            ProducerMetrics metrics = producer.metrics();
            producer.close(Duration.ofSeconds(30));
            report(logs, m, samples, metrics);
        }
    }

    /** Empties a spool directory left by an earlier run, so that nothing is replayed into this one. */
    private static void deleteSegments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
    }

    private static void run(
            ClsProducer producer,
            int threads,
            long logs,
            long rate,
            boolean prebuilt,
            long[][] samples,
            AtomicLong senderAllocated)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(threads);
        AtomicLong failures = new AtomicLong();
        SendCallback callback = r -> {
            if (!r.success()) {
                failures.incrementAndGet();
            }
        };
        for (int t = 0; t < threads; t++) {
            int thread = t;
            long perThread = logs / threads;
            Thread sender = new Thread(
                    () -> {
                        long[] latencies = new long[(int) (perThread / SAMPLE_EVERY) + 1];
                        int sampled = 0;
                        String[][] values = prebuilt ? prepared(thread) : null;
                        long allocatedBefore = Measurement.currentThreadAllocated();
                        long start = System.nanoTime();
                        long now = System.currentTimeMillis();
                        for (long i = 0; i < perThread; i++) {
                            if (rate > 0) {
                                pace(start + i * 1_000_000_000L / rate);
                            }
                            LogRecord record = values != null
                                    ? ReferenceLogs.record(now, values[(int) (i & 1023)])
                                    : ReferenceLogs.record(now, i);
                            if ((i % SAMPLE_EVERY) == 0) {
                                long t0 = System.nanoTime();
                                producer.send(TOPIC, record, callback);
                                latencies[sampled++] = System.nanoTime() - t0;
                            } else {
                                producer.send(TOPIC, record, callback);
                            }
                        }
                        senderAllocated.addAndGet(Measurement.currentThreadAllocated() - allocatedBefore);
                        if (samples != null) {
                            samples[thread] = Arrays.copyOf(latencies, sampled);
                        }
                        done.countDown();
                    },
                    "sender-" + t);
            sender.start();
        }
        done.await();
        if (failures.get() > 0) {
            System.out.println("WARNING: " + failures.get() + " logs failed");
        }
    }

    private static String[][] prepared(int thread) {
        String[][] values = new String[1024][8];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < 8; k++) {
                values[i][k] = ReferenceLogs.value(k + 1, thread * 1_000_000L + i);
            }
        }
        return values;
    }

    private static void pace(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            if (wait > 100_000) {
                LockSupport.parkNanos(wait - 50_000);
            }
        }
    }

    private static void report(long logs, Measurement m, long[][] samples, ProducerMetrics metrics) {
        double seconds = m.wallNanos / 1e9;
        double cpuSeconds = m.cpuNanos / 1e9;
        long[] all =
                Arrays.stream(samples).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "logs                 %,d in %.2f s wall%n", logs, seconds);
        System.out.printf(
                Locale.ROOT,
                "throughput           %,.0f logs/s, %.1f MiB/s raw%n",
                logs / seconds,
                metrics.rawBytes() / seconds / 1048576 * logs / Math.max(1, metrics.accepted()));
        System.out.printf(Locale.ROOT, "process CPU          %.2f s (%.2f cores)%n", cpuSeconds, cpuSeconds / seconds);
        System.out.printf(Locale.ROOT, "logs per CPU-second  %,.0f%n", logs / cpuSeconds);
        System.out.printf(Locale.ROOT, "CPU per log          %.3f µs%n", m.cpuNanos / 1000.0 / logs);
        System.out.printf(
                Locale.ROOT,
                "allocated per log    %.0f B in sending threads (record building + send()), %.0f B in the producer's"
                        + " threads, %.0f B in total%n",
                m.senderAllocatedBytes / (double) logs,
                m.allocatedBytes / (double) logs,
                (m.senderAllocatedBytes + m.allocatedBytes) / (double) logs);
        System.out.printf(Locale.ROOT, "GC                   %d collections, %d ms%n", m.gcCount, m.gcMillis);
        System.out.printf(
                Locale.ROOT,
                "send() latency       p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs, max %.1f µs" + " (%,d samples)%n",
                pct(all, 0.50),
                pct(all, 0.99),
                pct(all, 0.999),
                all.length == 0 ? 0 : all[all.length - 1] / 1e3,
                all.length);
        System.out.printf(
                Locale.ROOT,
                "wire                 %,d requests, raw/compressed %.1f%n",
                metrics.requests(),
                metrics.rawBytes() / (double) Math.max(1, metrics.compressedBytes()));
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e3;
    }

    /** Process CPU, all threads' allocation and GC between construction and {@link #stop()}. */
    static final class Measurement {
        private final long wallStart = System.nanoTime();
        private final long cpuStart = processCpu();
        private final long allocStart = allocated();
        private final long[] gcStart = gc();
        long wallNanos;
        long cpuNanos;
        long allocatedBytes;
        long senderAllocatedBytes;
        long gcCount;
        long gcMillis;

        void stop() {
            wallNanos = System.nanoTime() - wallStart;
            cpuNanos = processCpu() - cpuStart;
            allocatedBytes = allocated() - allocStart;
            long[] gc = gc();
            gcCount = gc[0] - gcStart[0];
            gcMillis = gc[1] - gcStart[1];
        }

        static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        static long currentThreadAllocated() {
            return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                    .getThreadAllocatedBytes(Thread.currentThread().getId());
        }

        /**
         * Bytes allocated by the live threads: the producer's threads live through the measurement; the sending
         * threads start and end inside it and count their own (see {@link #currentThreadAllocated()}).
         */
        static long allocated() {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                sum += Math.max(0, a);
            }
            return sum;
        }

        static long[] gc() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += gc.getCollectionCount();
                millis += gc.getCollectionTime();
            }
            return new long[] {count, millis};
        }
    }
}
