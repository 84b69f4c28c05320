package io.clssdk.examples.bench;

import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.LogType;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.tailer.CollectionSource;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerOptions;
import io.clssdk.tailer.TailerStatus;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Cost of waiting out a delivery outage (issue 14): follows 100 files with pending lines (minimalist config) and ships
 * them with a producer to an endpoint that refuses every connection (a closed port on 127.0.0.1), with the producer's
 * default options except a 5 s delivery timeout. The tailer holds each file at its checkpoint and probes it with one
 * chunk after a backoff (1 s doubling to 30 s). After a warm-up, measures the CPU time of the whole process (tailer and
 * producer; {@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime}) per second of outage. Then the
 * endpoint comes back (a {@link DiscardServer} on the same port) and it waits until every line is delivered, and checks
 * that nothing was counted lost. Run:
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -cp examples/target/benchmarks.jar io.clssdk.examples.bench.TailerOutageCost \
 *     [seconds] [files] [warm-up seconds] [lines per file]
 * </pre>
 *
 * <p>Issue 14's case (one 20 MB file, a 20 s outage): {@code TailerOutageCost 20 1 0 162815}.
 */
public final class TailerOutageCost {
    private TailerOutageCost() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int linesPerFile = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        Path work = Files.createTempDirectory("tailer-outage");
        Path logs = Files.createDirectories(work.resolve("logs"));
        for (int i = 0; i < files; i++) {
            try (BufferedWriter w = Files.newBufferedWriter(logs.resolve("f" + i + ".log"), StandardCharsets.UTF_8)) {
                for (int line = 0; line < linesPerFile; line++) {
                    w.write("2026-12-07 01:00:00.000 INFO [worker-7] io.example.Service - file " + i + " line " + line
                            + " waiting for the endpoint to come back; nothing may be lost\n");
                }
            }
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // closed again at once: connections to it are refused
        }
        ClsProducer producer =
                DiscardServer.producer(closedPort, ProducerOptions.builder().deliveryTimeout(Duration.ofSeconds(5)));
        CollectionSource source = CollectionSource.builder(CollectionConfig.builder()
                        .name("outage")
                        .output("3f6c5a3e-0f3b-4d4b-9c1e-6a1a2b3c4d5e")
                        .path(logs + "/*.log")
                        .logType(LogType.MINIMALIST_LOG)
                        .build())
                .producer(producer)
                .build();
        Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(work.resolve("ckpt")).build())
                .source(source.tailSource())
                .build();
        tailer.start();
        System.out.printf("%d files, endpoint 127.0.0.1:%d (closed); warming up %d s%n", files, closedPort, warmUp);
        Thread.sleep(warmUp * 1000L);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        TailerStatus status = tailer.status();
        System.out.printf(
                "outage over %.1f s: process CPU %.1f ms = %.3f %% of one core; %d files held, %,d bytes unsent; %s%n",
                wall / 1e9, cpu / 1e6, 100.0 * cpu / wall, status.heldFiles(), status.unsentBytes(), source.metrics());
        long t1 = System.nanoTime();
        try (DiscardServer back = new DiscardServer(closedPort)) {
            while (tailer.status().unsentBytes() > 0) {
                Thread.sleep(100);
            }
            System.out.printf(
                    "endpoint back on port %d: everything delivered %.1f s later; %s%n",
                    back.port(), (System.nanoTime() - t1) / 1e9, source.metrics());
        }
        tailer.stop(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
        if (source.metrics().lost() != 0 || source.metrics().delivered() < (long) files * linesPerFile) {
            throw new IllegalStateException("lines were lost: " + source.metrics());
        }
    }
}
