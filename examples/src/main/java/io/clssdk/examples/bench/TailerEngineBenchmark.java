package io.clssdk.examples.bench;

import io.clssdk.tailer.LineChunk;
import io.clssdk.tailer.TailSink;
import io.clssdk.tailer.TailSource;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the tailer engine alone (positional reads + line splitting + chunk hand-off), with a sink that only
 * counts lines and bytes and acknowledges. Generates a file of ~150-byte lines (1 GiB by default; reused if it exists)
 * and tails it from the beginning several times. Reports MB/s (10^6 bytes) and lines/s per wall second and per CPU
 * second of the tailer's own threads ({@code cls-tailer-*}, measured with {@link ThreadMXBean}); the file is in the
 * page cache after the first run. Run:
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -Xmx1g -cp examples/target/benchmarks.jar io.clssdk.examples.bench.TailerEngineBenchmark [file] [MiB] [runs]
 * </pre>
 */
public final class TailerEngineBenchmark {
    private TailerEngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("tailer-bench");
        Path file = args.length > 0 ? Paths.get(args[0]) : work.resolve("logs/bench.log");
        long mib = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file) || Files.size(file) < mib << 20) {
            generate(file, mib << 20);
        }
        long size = Files.size(file);
        System.out.printf(
                "file %s: %.1f MiB, JDK %s, %d cores%n",
                file,
                size / 1048576.0,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= runs; run++) {
            runOnce(file.toAbsolutePath(), size, work.resolve("ckpt-" + run), run);
        }
    }

    private static void runOnce(Path file, long size, Path ckpt, int run) throws Exception {
        CountingSink sink = new CountingSink();
        Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(ckpt).build())
                .source(TailSource.builder("bench")
                        .path(file.toString())
                        .sink(sink)
                        .build())
                .build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = tailerCpuNanos(threads);
        long t0 = System.nanoTime();
        tailer.start();
        while (sink.end.get() < size) {
            Thread.sleep(1);
        }
        long wall = System.nanoTime() - t0;
        long cpu = tailerCpuNanos(threads) - cpuBefore;
        tailer.stop(Duration.ofSeconds(10));
        double mb = sink.bytes.get() / 1e6;
        long lines = sink.lines.get();
        System.out.printf(
                "run %d: %,d lines, %.0f MB in %.3f s wall, %.3f s CPU of tailer threads%n"
                        + "        wall: %,.0f MB/s, %,.0f lines/s | per CPU second: %,.0f MB/s, %,.0f lines/s%n",
                run,
                lines,
                mb,
                wall / 1e9,
                cpu / 1e9,
                mb / (wall / 1e9),
                lines / (wall / 1e9),
                mb / (cpu / 1e9),
                lines / (cpu / 1e9));
    }

    /** CPU time of the live threads named cls-tailer-*. */
    static long tailerCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("cls-tailer")) {
                long t = threads.getThreadCpuTime(id);
                if (t > 0) {
                    total += t;
                }
            }
        }
        return total;
    }

    /** Lines of 100 to 200 bytes (about 150 on average) of printable ASCII, like a typical access log. */
    static void generate(Path file, long bytes) throws IOException {
        System.out.printf("generating %s (%d MiB)...%n", file, bytes >> 20);
        Random random = new Random(1);
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /:.-_=\""
                .getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[256];
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long n = 0; written < bytes; n++) {
                int len = 100 + random.nextInt(101);
                byte[] prefix = ("2026-11-24T15:00:00." + (n % 1000) + " INFO ").getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(prefix, 0, line, 0, prefix.length);
                for (int i = prefix.length; i < len - 1; i++) {
                    line[i] = alphabet[random.nextInt(alphabet.length)];
                }
                line[len - 1] = '\n';
                out.write(line, 0, len);
                written += len;
            }
        }
    }

    /** Counts and acknowledges; touches nothing else. */
    static final class CountingSink implements TailSink {
        final AtomicLong lines = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong end = new AtomicLong();

        @Override
        public void accept(LineChunk chunk) {
            lines.addAndGet(chunk.lineCount());
            bytes.addAndGet(chunk.endOffset() - chunk.startOffset());
            chunk.acknowledge();
            end.set(chunk.endOffset());
        }
    }
}
