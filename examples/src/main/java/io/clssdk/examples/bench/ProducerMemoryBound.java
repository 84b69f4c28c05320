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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * How much heap a producer holds for pending logs, compared with its {@code totalBufferBytes}: the endpoint is down (a
 * closed loopback port), so nothing is ever delivered, and {@code send()} with {@code maxBlock} 0 fills the buffer
 * until it refuses. Each case runs in its own JVM ({@code -Xmx} as given, G1): heap used after a full GC, minus the
 * same figure taken before the first send, divided by {@code totalBufferBytes}. "Used after GC" counts whole G1
 * regions for humongous arrays, so it is what the heap really gives up; the class histogram shows what holds it.
 * Cases: a future per log or one shared callback, small logs (one ~35-byte field) or the 530-byte reference logs, and
 * small logs spread over 10,000 topics (many small batches).
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -cp examples/target/benchmarks.jar io.clssdk.examples.bench.ProducerMemoryBound
 * java -cp examples/target/benchmarks.jar io.clssdk.examples.bench.ProducerMemoryBound --xmx=4g --total=64m
 * </pre>
 *
 * Options: {@code --xmx} (child heap, default {@code 1g}), {@code --total} (totalBufferBytes, default {@code 32m}),
 * {@code --batch} (maxBatchBytes, default the producer's), {@code --histogram=N} (classes of the histogram to print,
 * default 6).
 */
public final class ProducerMemoryBound {
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";
    private static final String[] CASES = {
        "future:small", "callback:small", "future:reference", "callback:reference", "callback:small:10000"
    };

    private ProducerMemoryBound() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        if (opts.containsKey("case")) {
            child(opts);
            return;
        }
        String xmx = opts.getOrDefault("xmx", "1g");
        System.out.printf(
                Locale.ROOT,
                "producer memory bound: endpoint down, maxBlock 0, -Xmx%s, totalBufferBytes %s, Java %s%n",
                xmx,
                opts.getOrDefault("total", "32m"),
                System.getProperty("java.version"));
        System.out.printf(
                Locale.ROOT,
                "%-20s %12s %14s %14s %13s %10s%n",
                "case",
                "logs",
                "pool counts",
                "heap retained",
                "heap per log",
                "heap/total");
        for (String c : CASES) {
            List<String> command = new ArrayList<>();
            command.add(System.getProperty("java.home") + "/bin/java");
            command.add("-Xmx" + xmx);
            command.add("-XX:+UseG1GC");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ProducerMemoryBound.class.getName());
            command.add("--case=" + c);
            for (String a : args) {
                command.add(a);
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("RESULT ")) {
                        System.out.println(line.substring(7));
                    } else if (line.startsWith("  ")) {
                        System.out.println(line);
                    }
                }
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException("case " + c + " failed with exit code " + p.exitValue());
            }
        }
    }

    private static void child(Map<String, String> opts) throws Exception {
        String[] c = opts.get("case").split(":");
        boolean futures = c[0].equals("future");
        boolean reference = c[1].equals("reference");
        int topics = c.length > 2 ? Integer.parseInt(c[2]) : 1; // many topics: many small batches
        long total = bytes(opts.getOrDefault("total", "32m"));
        int histogramLines = Integer.parseInt(opts.getOrDefault("histogram", "6"));
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort(); // closed again at once: connections to it are refused
        }
        ProducerOptions.Builder options = ProducerOptions.builder()
                .sourceIp("10.0.0.1")
                .hostname("bench")
                .jmx(false)
                .totalBufferBytes(total)
                .maxBlock(Duration.ZERO)
                .deliveryTimeout(Duration.ofHours(1));
        if (opts.containsKey("batch")) {
            options.maxBatchBytes((int) bytes(opts.get("batch")));
        }
        ClsProducer producer = ClsProducer.builder()
                .endpoint(ClsEndpoint.parse("http://127.0.0.1:" + port))
                .credentials(CredentialsProvider.of(Credentials.of("AKIDbenchmark0000", "benchmark-key")))
                .options(options.build())
                .build();
        SendCallback shared = r -> {};
        long now = System.currentTimeMillis();
        // classes loaded and threads started before the baseline
        send(producer, TOPIC, futures, shared, record(reference, now, 0));
        long baseline = usedAfterGc();

        long accepted = 1;
        long refusedInARow = 0;
        for (long i = 1; refusedInARow < 1000; i++) {
            try {
                send(producer, topics == 1 ? TOPIC : "topic-" + i % topics, futures, shared, record(reference, now, i));
                accepted++;
                refusedInARow = 0;
            } catch (ClsClientException e) {
                if (e.reason() != ClsClientException.Reason.BUFFER_FULL) {
                    throw e;
                }
                refusedInARow++;
            }
        }
        ProducerMetrics m = producer.metrics();
        long retained = usedAfterGc() - baseline;
        System.out.printf(
                Locale.ROOT,
                "RESULT %-20s %,12d %,14d %,14d %11.0f B %9.2fx%n",
                opts.get("case"),
                accepted,
                m.bufferUsedBytes(),
                retained,
                retained / (double) accepted,
                retained / (double) total);
        for (String line : histogram(histogramLines)) {
            System.out.println("  " + line);
        }
        producer.close(Duration.ofMillis(100));
    }

    private static void send(
            ClsProducer producer, String topic, boolean futures, SendCallback shared, LogRecord record) {
        if (futures) {
            producer.send(topic, record);
        } else {
            producer.send(topic, record, shared);
        }
    }

    private static LogRecord record(boolean reference, long now, long i) {
        return reference
                ? ReferenceLogs.record(now, i)
                : LogRecord.builder()
                        .timeMs(now)
                        .field("message", "log " + (100_000_000 + i))
                        .build();
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** The first lines of this JVM's class histogram of live objects (the {@code GC.class_histogram} command). */
    private static List<String> histogram(int classes) {
        List<String> out = new ArrayList<>();
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length && out.size() < classes + 2; i++) {
                out.add(lines[i]);
            }
            out.add(lines[lines.length - 1]); // the total
        } catch (Exception e) {
            out.add("(no class histogram: " + e + ")");
        }
        return out;
    }

    private static long bytes(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        long unit = 1;
        if (v.endsWith("k")) {
            unit = 1024;
        } else if (v.endsWith("m")) {
            unit = 1024 * 1024;
        } else if (v.endsWith("g")) {
            unit = 1024L * 1024 * 1024;
        }
        return Long.parseLong(unit == 1 ? v : v.substring(0, v.length() - 1)) * unit;
    }
}
