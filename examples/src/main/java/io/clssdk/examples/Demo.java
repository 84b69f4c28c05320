package io.clssdk.examples;

import io.clssdk.core.LogRecord;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.SendCallback;
import io.clssdk.tailer.CollectionMetrics;
import io.clssdk.tailer.CollectionSource;
import io.clssdk.tailer.FileStatus;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ten-minute tour: an application writes its log (with Java stack traces, rotated half-way) while the SDK's
 * tailer follows it with a LogListener collection config, and the same process sends extra logs through the
 * producer. Everything goes to an embedded local CLS endpoint (no account needed) that verifies every signature and
 * decodes every request; then the demo compares what was sent with what arrived and prints a report. With {@code
 * TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY}, {@code CLS_REGION} and {@code CLS_TOPIC_ID} set, the same
 * run uploads to real CLS instead (read the logs back with {@link SearchLogs}). Exit code 0 only if every log
 * arrived. Run:
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests && java -cp examples/target/benchmarks.jar io.clssdk.examples.Demo
 * }</pre>
 */
public final class Demo {
    static final String ENTRIES = "DEMO_ENTRIES";
    static final String APP_LOGS = "DEMO_APP_LOGS";
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private Demo() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(System.getenv(), System.out));
    }

    /** Runs the demo; returns the exit code (0: every log arrived). */
    public static int run(Map<String, String> environment, PrintStream out) throws Exception {
        ExampleEnv env = new ExampleEnv(environment);
        int entries = (int) env.positiveNumber(ENTRIES, 20_000);
        int appLogs = (int) env.positiveNumber(APP_LOGS, 5_000);
        Path work = Files.createTempDirectory("cls-sdk-demo");
        try (UploadTarget target = UploadTarget.from(env)) {
            out.println("cls-sdk demo: uploading to " + target.describe());
            out.println("work directory " + work);
            return new DemoRun(target, work, entries, appLogs, out).call();
        } finally {
            ExampleFiles.deleteQuietly(work);
        }
    }

    /** One run: the application, the tailer, the producer, progress and the report. */
    private static final class DemoRun {
        private final UploadTarget target;
        private final Path work;
        private final int entries;
        private final int appLogs;
        private final PrintStream out;
        private final AtomicLong sendFailures = new AtomicLong();

        DemoRun(UploadTarget target, Path work, int entries, int appLogs, PrintStream out) {
            this.target = target;
            this.work = work;
            this.entries = entries;
            this.appLogs = appLogs;
            this.out = out;
        }

        int call() throws Exception {
            Path logs = Files.createDirectories(work.resolve("logs/orders"));
            ClsProducer producer = ClsProducer.builder()
                    .endpoint(target.endpoint)
                    .credentials(target.credentials)
                    .options(ProducerOptions.builder()
                            .linger(Duration.ofMillis(200))
                            .streamLinger(Duration.ofMillis(200)) // the tailed files' batches
                            .tag("app", "cls-sdk-demo")
                            .jmx(false)
                            .build())
                    .build();
            // The collection config as CreateConfig / DescribeConfigs would carry it.
            String json = "{\"Name\":\"demo-orders\",\"Output\":\"" + target.topicId + "\",\"Path\":\""
                    + work.resolve("logs") + "/**/*.log\",\"LogType\":\"multiline_log\","
                    + "\"ExtractRule\":{\"BeginRegex\":\"\\\\d{4}-\\\\d{2}-\\\\d{2} .*\"}}";
            CollectionSource collection = CollectionSource.builder(CollectionConfig.fromJson(json))
                    .producer(producer)
                    .build();
            Tailer tailer = Tailer.builder()
                    .options(TailerOptions.builder(work.resolve("checkpoints"))
                            .partialLineFlushIdle(Duration.ofMillis(500))
                            .build())
                    .source(collection.tailSource())
                    .build();
            tailer.start();
            out.println("tailer following " + work.resolve("logs") + "/**/*.log as multiline_log");

            long t0 = System.nanoTime();
            AppLogWriter app = new AppLogWriter(logs.resolve("app.log"), entries);
            Thread writer = new Thread(app, "demo-application");
            writer.start();
            long sendStart = System.nanoTime();
            SendCallback counting = r -> {
                if (!r.success()) {
                    sendFailures.incrementAndGet();
                }
            };
            for (int i = 0; i < appLogs; i++) {
                producer.send(
                        target.topicId,
                        LogRecord.builder()
                                .field("event", "checkout")
                                .field("order", Integer.toString(100_000 + i))
                                .field("amount", (i % 97) + "." + (i % 100))
                                .build(),
                        counting);
            }
            long sendNanos = System.nanoTime() - sendStart;

            long expected = (long) entries + appLogs;
            long deadline = t0 + DEADLINE.toNanos();
            long nextProgress = System.nanoTime();
            while (true) {
                boolean written = !writer.isAlive();
                CollectionMetrics c = collection.metrics();
                ProducerMetrics p = producer.metrics();
                boolean settled = written && c.delivered() + c.lost() >= entries && p.pending() == 0;
                if (System.nanoTime() >= nextProgress || settled) {
                    out.printf(
                            Locale.ROOT,
                            "  %4.1f s  app wrote %,d entries%s | tailer shipped %,d, delivered %,d | producer"
                                    + " accepted %,d, succeeded %,d%s%n",
                            (System.nanoTime() - t0) / 1e9,
                            app.written(),
                            app.rotated() ? " (rotated)" : "",
                            c.shipped(),
                            c.delivered(),
                            p.accepted(),
                            p.succeeded(),
                            target.isLocal() ? " | endpoint holds " + target.local.logCount() : "");
                    nextProgress = System.nanoTime() + 1_000_000_000L;
                }
                if (settled || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(20);
            }
            long totalNanos = System.nanoTime() - t0;
            tailer.stop(Duration.ofSeconds(10));
            producer.close(Duration.ofSeconds(10));
            return report(tailer, collection.metrics(), producer.metrics(), app, expected, totalNanos, sendNanos);
        }

        private int report(
                Tailer tailer,
                CollectionMetrics c,
                ProducerMetrics p,
                AppLogWriter app,
                long expected,
                long totalNanos,
                long sendNanos) {
            out.println();
            out.println("files followed:");
            for (FileStatus f : tailer.status().files()) {
                out.printf(
                        Locale.ROOT,
                        "  %s  %,d bytes, committed %,d%n",
                        f.file().path(),
                        f.size(),
                        f.committedOffset());
            }
            long received = target.isLocal() ? target.local.logCount() : p.succeeded();
            out.printf(
                    Locale.ROOT,
                    "logs: %,d written to the file + %,d sent from code = %,d; %s %,d%n",
                    entries,
                    appLogs,
                    expected,
                    target.isLocal() ? "the endpoint received" : "CLS acknowledged",
                    received);
            out.printf(
                    Locale.ROOT,
                    "bytes: %,d raw protobuf, %,d compressed on the wire (LZ4, %.1fx) in %,d requests%n",
                    p.rawBytes(),
                    p.compressedBytes(),
                    p.rawBytes() / (double) Math.max(1, p.compressedBytes()),
                    p.requests());
            out.printf(
                    Locale.ROOT,
                    "throughput: the app wrote %.1f MB of log in %.2f s; %,d send() calls took %.1f ms in total"
                            + " (cold JVM); everything was delivered after %.2f s; request latency p99 %.1f ms%n",
                    app.bytes() / 1e6,
                    app.nanos() / 1e9,
                    appLogs,
                    sendNanos / 1e6,
                    totalNanos / 1e9,
                    p.requestLatencyP99Ms());
            if (target.isLocal()) {
                printSamples(target.local.logs(target.topicId));
            }
            boolean ok = received == expected && c.lost() == 0 && sendFailures.get() == 0 && p.failed() == 0;
            if (ok) {
                out.printf(Locale.ROOT, "%nall %,d logs arrived.%n", expected);
                return 0;
            }
            out.printf(
                    Locale.ROOT,
                    "%nNOT all logs arrived: expected %,d, got %,d (lost %,d, failed %,d)%n",
                    expected,
                    received,
                    c.lost(),
                    p.failed());
            return 1;
        }

        private void printSamples(List<ReceivedLog> logs) {
            out.println("sample logs as the endpoint decoded them:");
            int shown = 0;
            for (ReceivedLog log : logs) {
                String content = log.field("__CONTENT__");
                boolean trace = content != null && content.contains("\n");
                if ((shown == 0 && trace)
                        || (shown == 1 && content == null)
                        || (shown == 2 && content != null && !trace)) {
                    String from = log.filename() != null ? log.filename() : "(sent from code)";
                    out.println("  " + from + " " + log.fields());
                    shown++;
                }
                if (shown == 3) {
                    break;
                }
            }
        }
    }
}
