package io.clssdk.examples.bench;

import io.clssdk.tailer.TailSource;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Idle cost: follows 1,000 files (10 directories of 100, matched by a recursive rule) that nobody writes to, with the
 * default options (30 s rescan), and measures the CPU time of the whole process (via
 * {@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime}) and of the tailer's threads over a window after a
 * warm-up. Run:
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -cp examples/target/benchmarks.jar io.clssdk.examples.bench.TailerIdleCost [seconds] [files]
 * </pre>
 */
public final class TailerIdleCost {
    private TailerIdleCost() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path work = Files.createTempDirectory("tailer-idle");
        for (int i = 0; i < files; i++) {
            Path d = Files.createDirectories(work.resolve("logs/d" + (i / 100)));
            Files.write(d.resolve("f" + i + ".log"), ("line of file " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        TailerEngineBenchmark.CountingSink sink = new TailerEngineBenchmark.CountingSink();
        Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(work.resolve("ckpt")).build())
                .source(TailSource.builder("idle")
                        .path(work + "/logs/**/*.log")
                        .sink(sink)
                        .build())
                .build();
        tailer.start();
        while (sink.lines.get() < files) {
            Thread.sleep(10);
        }
        System.out.printf(
                "following %d files (%d open); warming up 15 s, then measuring %d s%n",
                tailer.status().files().size(), tailer.status().openFiles(), seconds);
        Thread.sleep(15_000);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long process0 = os.getProcessCpuTime();
        long tailer0 = TailerEngineBenchmark.tailerCpuNanos(threads);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long wall = System.nanoTime() - t0;
        long process = os.getProcessCpuTime() - process0;
        long tailerCpu = TailerEngineBenchmark.tailerCpuNanos(threads) - tailer0;
        System.out.printf(
                "idle over %.1f s: process CPU %.1f ms = %.4f %% of one core; tailer threads %.1f ms = %.4f %%%n",
                wall / 1e9, process / 1e6, 100.0 * process / wall, tailerCpu / 1e6, 100.0 * tailerCpu / wall);
        tailer.stop(Duration.ofSeconds(10));
    }
}
