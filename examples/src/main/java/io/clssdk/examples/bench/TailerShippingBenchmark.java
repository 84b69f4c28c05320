package io.clssdk.examples.bench;

import io.clssdk.core.Compression;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.LogType;
import io.clssdk.examples.ExampleFiles;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.tailer.CollectionMetrics;
import io.clssdk.tailer.CollectionSource;
import io.clssdk.tailer.FileStatus;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * End to end per core, at the defaults: a file is tailed, parsed per its LogType, encoded, batched per file,
 * LZ4-compressed, signed and uploaded by a producer built with {@code ProducerOptions.defaults()} (plus the benchmark's
 * fixed credentials, source IP and hostname) to a {@link VerifyingEndpoint} in another JVM — it checks every
 * signature and decodes every body before it answers — until CLS-side acknowledgement of every log. Reports file MB
 * per second of wall time and per CPU-second of this whole process (tailer, parsing, producer, HTTP, GC, JIT), the
 * cold first pass (a fresh JVM) and the warm median, and LZ4's own speed on the same file (the physical limit).
 * After each pass LZ4 alone compresses the file's first 128 MiB again: each pass line and the summary give the
 * end-to-end figure as a share of that speed too, which moves less when other tenants slow the shared machine down.
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -Xms1g -Xmx1g -cp examples/target/benchmarks.jar io.clssdk.examples.bench.TailerShippingBenchmark \
 *     --mode=minimalist --mib=1024 --runs=5
 * </pre>
 *
 * The warm-up passes let the JIT compile the per-chunk, per-batch and per-request paths, which run only a few thousand
 * times per GB, so C2 reaches them late; the summary line gives the first pass and the median of the {@code --runs}
 * after the warm-up. By default ({@code --warmup=auto}) the warm-up lasts until {@value #SETTLED_PASSES} passes in a
 * row each spend less than 2 % of their CPU time compiling (at most {@value #MAX_AUTO_WARMUP} passes): the warm median
 * is then steady-state code, as in a collector running for hours. One such pass is not enough: the per-request methods
 * run about 600 times a pass and reach C2 one after another, so a quiet pass was followed by passes compiling for
 * 0.10–0.18 CPU-seconds each (seven warm-up passes, 2026-12-07); in a run of 22 passes the compiler threads took at
 * most 0.02 s a pass from the sixteenth on. {@code --warmup=N} warms up for exactly N passes instead; each run line
 * shows the JIT's compile time, so a run still paying for compilation is visible.
 *
 * <p>Each pass follows the file with a new tailer and a fresh checkpoint directory; by default all passes send through
 * one producer, as a collector that runs for hours does (each followed file is a new stream of it). In runs logged
 * with {@code -XX:+LogCompilation} (512 MiB, 3 + 5 passes, one run each), a new producer per pass had C2 compile the
 * sender's loop ({@code Sender.runOnce}) again in the first measured pass, after a trap in the I/O queue's signal path,
 * and C2 spent 2.50 s in the measured passes; with one producer it did not, and spent 1.82 s. {@code
 * --producer=per-pass} builds a new producer for each pass instead, as this benchmark did before.
 *
 * <p>Options: {@code --compression=lz4|none|deflate}; {@code --options=tuned} for a 256 MiB buffer instead of the
 * defaults (the tailer's streams pack at LogListener's limits, 10,000 logs / 1 MiB / 3 s, either way);
 * {@code --endpoint=discard} for a {@link DiscardServer} that answers without looking at the request;
 * {@code -Dbench.streamMaxBatchBytes=<n>} changes that one producer option on its own. Modes: {@code minimalist}
 * (~150-byte application log lines), {@code multiline} (Java stack traces, ~5 lines per entry), {@code json}
 * (~170-byte objects, 6 keys), {@code fullregex} (~150-byte access-log lines, 6 groups). The file is generated under
 * {@code /tmp/cls-sdk-bench/} once per mode and {@code --mib}, and reused (page cache warm after the first run).
 */
public final class TailerShippingBenchmark {
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";
    /** With {@code --warmup=auto}, the most warm-up passes before measuring anyway. */
    private static final int MAX_AUTO_WARMUP = 25;
    /** With {@code --warmup=auto}, how many passes in a row must compile next to nothing before measuring. */
    private static final int SETTLED_PASSES = 2;
    /** How much of the file LZ4 alone compresses after each pass, to show the machine's speed at that moment. */
    private static final long LZ4_SAMPLE_BYTES = 128L << 20;

    private TailerShippingBenchmark() {}

    public static void main(String[] args) throws Exception {
        String mode = arg(args, "mode", "minimalist");
        long mib = Long.parseLong(arg(args, "mib", "1024"));
        String warmupArg = arg(args, "warmup", "auto");
        boolean autoWarmup = "auto".equals(warmupArg);
        int warmup = autoWarmup ? MAX_AUTO_WARMUP : Integer.parseInt(warmupArg);
        int runs = Math.max(1, Integer.parseInt(arg(args, "runs", "5")));
        Compression compression =
                Compression.valueOf(arg(args, "compression", "lz4").toUpperCase(Locale.ROOT));
        Path dir = Paths.get("/tmp/cls-sdk-bench/" + mode);
        Path file = dir.resolve("logs/bench-" + mib + "MiB.log"); // one file per size: a run reads what it asks for
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || Files.size(file) < mib << 20) {
            generate(mode, file, mib << 20);
        }
        long size = Files.size(file);
        System.out.printf(
                Locale.ROOT,
                "%s: %.0f MiB file, JDK %s, %d cores%n",
                mode,
                size / 1048576.0,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        boolean verify = !"discard".equals(arg(args, "endpoint", "verify"));
        boolean tuned = "tuned".equals(arg(args, "options", "defaults"));
        boolean producerPerPass = "per-pass".equals(arg(args, "producer", "shared"));
        System.out.println(Lz4Speed.measure(file, 1 << 20));
        try (ChildProcess server = ChildProcess.start(verify ? VerifyingEndpoint.class : DiscardServer.class)) {
            String url = verify
                    ? server.awaitLine("ENDPOINT")
                    : "http://127.0.0.1:" + Integer.parseInt(server.awaitLine("PORT"));
            System.out.printf(
                    Locale.ROOT,
                    "endpoint: %s; producer options: %s; %s%n",
                    verify ? "verifying (signature checked, every body decoded)" : "discarding",
                    tuned ? "tuned (256 MiB buffer)" : "ProducerOptions.defaults()",
                    producerPerPass ? "a new producer for each pass" : "one producer for all passes");
            ClsProducer shared =
                    producerPerPass ? null : DiscardServer.producer(url, producerOptions(compression, tuned));
            PassSeries series = new PassSeries(runs);
            int quietPasses = 0; // in a row, while warming up automatically; SETTLED_PASSES ends the warm-up
            for (int run = 1; !series.complete(); run++) {
                Path ckpt = dir.resolve("ckpt-" + System.nanoTime());
                boolean warming = run <= warmup;
                ClsProducer producer =
                        shared != null ? shared : DiscardServer.producer(url, producerOptions(compression, tuned));
                Pass pass;
                try {
                    pass = runOnce(mode, file, size, ckpt, producer, run, warming);
                } finally {
                    if (producer != shared) {
                        producer.close(Duration.ofSeconds(10));
                    }
                }
                if (verify) {
                    server.send("STATS");
                    System.out.println("        endpoint: logs, requests, rejected " + server.awaitLine("STATS"));
                }
                double lz4Now = Lz4Speed.mbPerCpuSecond(file, 1 << 20, LZ4_SAMPLE_BYTES);
                System.out.printf(
                        Locale.ROOT,
                        "        LZ4 alone now (the file's first %d MiB): %,.0f MB per CPU-second; this pass at %.0f %%"
                                + " of it, %.0f %% without the compiler threads%n",
                        Math.min(size, LZ4_SAMPLE_BYTES) >> 20,
                        lz4Now,
                        pass.mbPerCpuSecond / lz4Now * 100,
                        pass.mbPerCpuSecondWithoutJit / lz4Now * 100);
                if (run == 1) {
                    series.cold(pass.mbPerCpuSecond, lz4Now);
                }
                if (!warming) {
                    series.measured(pass.mbPerCpuSecond, pass.mbPerCpuSecondWithoutJit, lz4Now);
                } else if (autoWarmup && run > 1) {
                    quietPasses = pass.jitSettled() ? quietPasses + 1 : 0;
                    if (quietPasses == SETTLED_PASSES) {
                        warmup = run; // these passes compiled next to nothing: the passes from the next one on count
                    }
                }
            }
            if (shared != null) {
                shared.close(Duration.ofSeconds(10));
            }
            if (autoWarmup && quietPasses < SETTLED_PASSES) {
                System.out.printf(Locale.ROOT, "the JIT had not settled after %d warm-up runs%n", warmup);
            }
            System.out.println(series.summary(mode, warmup));
        }
    }

    /** One pass over the file: file MB per CPU-second of this process, and how much of it the JIT took. */
    private static final class Pass {
        final double mbPerCpuSecond;
        /** File MB per CPU-second of this process without the JIT's compiler threads, or NaN if unknown. */
        final double mbPerCpuSecondWithoutJit;

        final long jitCpuNanos;
        final long cpuNanos;

        Pass(double mb, long cpuNanos, long jitCpuNanos) {
            this.mbPerCpuSecond = mb / (cpuNanos / 1e9);
            this.mbPerCpuSecondWithoutJit = jitCpuNanos < 0 ? Double.NaN : mb / ((cpuNanos - jitCpuNanos) / 1e9);
            this.jitCpuNanos = jitCpuNanos;
            this.cpuNanos = cpuNanos;
        }

        /** The compiler threads took less than 2 % of the pass's CPU time: later passes measure compiled code. */
        boolean jitSettled() {
            return jitCpuNanos >= 0 && jitCpuNanos * 50 < cpuNanos;
        }
    }

    private static ProducerOptions.Builder producerOptions(Compression compression, boolean tuned) {
        ProducerOptions.Builder options = ProducerOptions.builder().compression(compression);
        if (tuned) { // the streams' package limits are LogListener's by default (10,000 logs / 1 MiB / 3 s)
            options.totalBufferBytes(256L << 20);
        }
        String bytes = System.getProperty("bench.streamMaxBatchBytes");
        if (bytes != null) { // one producer option changed on its own, to see what it is worth
            options.streamMaxBatchBytes(Integer.parseInt(bytes));
        }
        return options;
    }

    /** One pass over the file through {@code producer}, which stays open. */
    private static Pass runOnce(
            String mode, Path file, long size, Path ckpt, ClsProducer producer, int run, boolean warming)
            throws Exception {
        ProducerMetrics wireBefore = producer.metrics();
        CollectionSource source =
                CollectionSource.builder(config(mode, file)).producer(producer).build();
        TailerOptions.Builder tailerOptions = TailerOptions.builder(ckpt);
        String readBuffer = System.getProperty("bench.readBufferBytes");
        if (readBuffer != null) { // one tailer option changed on its own
            tailerOptions.readBufferBytes(Integer.parseInt(readBuffer));
        }
        Tailer tailer = Tailer.builder()
                .options(tailerOptions.build())
                .source(source.tailSource())
                .build();
        Map<String, Long> threadsBefore = JvmCpu.byThreadGroup();
        long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long jitCpuBefore = JvmCpu.compilerThreadsNanos();
        ProducerBenchmark.Measurement m = new ProducerBenchmark.Measurement();
        tailer.start();
        while (!done(tailer, size, source.metrics())) {
            Thread.sleep(10);
        }
        m.stop();
        Map<String, Long> threadsAfter = JvmCpu.byThreadGroup();
        long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
        long jitCpuNanos = jitCpuBefore < 0 ? -1 : Math.max(0, JvmCpu.compilerThreadsNanos() - jitCpuBefore);
        Pass pass = new Pass(size / 1e6, m.cpuNanos, jitCpuNanos);
        CollectionMetrics metrics = source.metrics();
        ProducerMetrics wire = producer.metrics();
        tailer.stop(Duration.ofSeconds(10));
        ExampleFiles.deleteQuietly(ckpt); // each pass starts from the beginning with a fresh checkpoint directory
        double mb = size / 1e6;
        System.out.printf(
                Locale.ROOT,
                "%s %d: %,d logs, %.0f MB in %.2f s wall, %.2f s process CPU (%.2f cores); GC %d in %d ms;"
                        + " JIT %d ms (compiler threads %.2f s of CPU); raw/compressed %.1f%n"
                        + "        %,.0f MB/s wall | %,.0f MB/s and %,.0f logs/s per CPU-second"
                        + " | without the compiler threads %,.0f MB/s per CPU-second%n",
                warming ? "warm-up" : "run",
                run,
                metrics.delivered(),
                mb,
                m.wallNanos / 1e9,
                m.cpuNanos / 1e9,
                m.cpuNanos / (double) m.wallNanos,
                m.gcCount,
                m.gcMillis,
                jitMillis,
                jitCpuNanos / 1e9,
                (wire.rawBytes() - wireBefore.rawBytes())
                        / (double) Math.max(1, wire.compressedBytes() - wireBefore.compressedBytes()),
                mb / (m.wallNanos / 1e9),
                mb / (m.cpuNanos / 1e9),
                metrics.delivered() / (m.cpuNanos / 1e9),
                pass.mbPerCpuSecondWithoutJit);
        StringBuilder split = new StringBuilder("        CPU by thread:");
        for (Map.Entry<String, Long> e : threadsAfter.entrySet()) {
            long before = threadsBefore.getOrDefault(e.getKey(), 0L);
            split.append(String.format(Locale.ROOT, " %s %.2f s,", e.getKey(), (e.getValue() - before) / 1e9));
        }
        System.out.println(split.substring(0, split.length() - 1));
        return pass;
    }

    /**
     * Every log delivered and every byte committed. The tailer's status is asked for only once nothing is pending: the
     * counters cost nothing to read, while each status is built on the engine thread. Asking for one every 10 ms
     * through a pass cost the engine and main threads 0.06–0.08 CPU-seconds a 537 MB pass, against 0.03–0.04 now,
     * which counted against the tailer.
     */
    private static boolean done(Tailer tailer, long size, CollectionMetrics metrics) {
        if (metrics.delivered() == 0 || metrics.pending() != 0) {
            return false;
        }
        for (FileStatus f : tailer.status().files()) {
            if (f.committedOffset() >= size) {
                return true;
            }
        }
        return false;
    }

    private static CollectionConfig config(String mode, Path file) {
        CollectionConfig.Builder b =
                CollectionConfig.builder().name("bench").output(TOPIC).path(file.toString());
        switch (mode) {
            case "minimalist":
                return b.logType(LogType.MINIMALIST_LOG).build();
            case "multiline":
                return b.logType(LogType.MULTILINE_LOG)
                        .extractRule(ExtractRule.builder()
                                .beginRegex("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*")
                                .build())
                        .build();
            case "json":
                return b.logType(LogType.JSON_LOG).build();
            case "fullregex":
                return b.logType(LogType.FULLREGEX_LOG)
                        .extractRule(ExtractRule.builder()
                                .logRegex("(\\S+) - - \\[([^\\]]+)\\] \"(\\S+) (\\S+) [^\"]*\" (\\d+) (\\d+)")
                                .keys(Arrays.asList("ip", "time", "method", "url", "status", "bytes"))
                                .build())
                        .build();
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void generate(String mode, Path file, long bytes) throws IOException {
        System.out.printf(Locale.ROOT, "generating %s (%d MiB)...%n", file, bytes >> 20);
        Random r = new Random(7);
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long n = 0; written < bytes; n++) {
                String text = entry(mode, r, n);
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                out.write(b);
                written += b.length;
            }
        }
    }

    private static String entry(String mode, Random r, long n) {
        String word = Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
        switch (mode) {
            case "minimalist":
                return appLine(r, n) + "\n";
            case "multiline":
                StringBuilder sb = new StringBuilder("2026-11-24 15:00:0" + (n % 10) + ".123 ERROR [main] c.e.Svc - "
                        + "request " + n + " failed: " + word + "\n");
                int frames = 3 + r.nextInt(5);
                for (int i = 0; i < frames; i++) {
                    sb.append("\tat com.example.service.Handler")
                            .append(i)
                            .append(".handle(Handler.java:")
                            .append(10 + r.nextInt(300))
                            .append(")\n");
                }
                return sb.toString();
            case "json":
                return "{\"time\":\"2026-11-24T15:00:00." + (n % 1000)
                        + "Z\",\"level\":\"INFO\",\"logger\":\"c.e.Svc\","
                        + "\"msg\":\"request " + n + " served " + word + "\",\"status\":200,\"latency_ms\":"
                        + r.nextInt(500) + "}\n";
            case "fullregex":
                return "10.0." + r.nextInt(256) + "." + r.nextInt(256) + " - - [24/Nov/2026:15:00:00 +0800] \"GET /api/"
                        + word + "/items?page=" + (n % 100) + " HTTP/1.1\" 200 " + r.nextInt(100000) + "\n";
            default:
                throw new IllegalArgumentException(mode);
        }
    }

    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
    private static final String[] LOGGERS = {
        "c.e.order.OrderService", "c.e.pay.PaymentClient", "c.e.user.SessionFilter", "c.e.stock.Inventory"
    };
    private static final String[] EVENTS = {
        "order created", "payment authorized", "session refreshed", "stock reserved", "cache miss", "retrying call"
    };

    /** An application log line of about 150 bytes: time, level, thread, logger, event and a few numbers. */
    private static String appLine(Random r, long n) {
        return "2026-11-24 15:" + (10 + (n / 60000) % 50) + ":" + (10 + (n / 1000) % 50) + "." + (100 + n % 900)
                + " " + LEVELS[r.nextInt(LEVELS.length)] + " [http-nio-8080-exec-" + r.nextInt(200) + "] "
                + LOGGERS[r.nextInt(LOGGERS.length)] + " - " + EVENTS[r.nextInt(EVENTS.length)] + " id="
                + (1_000_000 + r.nextInt(9_000_000)) + " user=" + r.nextInt(100_000) + " took=" + r.nextInt(900)
                + "ms trace=" + Long.toHexString(r.nextLong());
    }

    private static String arg(String[] args, String name, String dflt) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return dflt;
    }
}
