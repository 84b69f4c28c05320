package io.clssdk.examples;

import io.clssdk.core.api.CollectionConfig;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.tailer.CollectionMetrics;
import io.clssdk.tailer.CollectionSource;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * Embedding the tailer in a service with a collection config given as JSON — the same JSON CreateConfig takes and
 * DescribeConfigs returns. Here the service's log is a JSON-lines access log; the config extracts its fields, takes
 * the log time from {@code ts}, and drops health checks with a filter. The checkpoint directory makes restarts resume
 * where they stopped. Uses real CLS when {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY},
 * {@code CLS_REGION} and {@code CLS_TOPIC_ID} are set, otherwise an embedded local CLS endpoint. Run:
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests && java -cp examples/target/benchmarks.jar io.clssdk.examples.TailerInAService
 * }</pre>
 */
public final class TailerInAService {
    private TailerInAService() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(System.getenv(), System.out));
    }

    public static int run(Map<String, String> environment, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("cls-sdk-tailer-example");
        Path logDir = Files.createDirectories(work.resolve("logs"));
        try (UploadTarget target = UploadTarget.from(new ExampleEnv(environment))) {
            out.println("uploading to " + target.describe());
            String configJson = "{"
                    + "\"Name\": \"access-log\","
                    + "\"Output\": \"" + target.topicId + "\","
                    + "\"Path\": \"" + logDir + "/**/access*.log\","
                    + "\"LogType\": \"json_log\","
                    + "\"ExtractRule\": {"
                    + "  \"TimeKey\": \"ts\", \"TimeFormat\": \"%Y-%m-%dT%H:%M:%S.%f%z\","
                    + "  \"FilterKeyRegex\": [{\"Key\": \"path\", \"Regex\": \"(?!/health).*\"}],"
                    + "  \"UnMatchUpLoadSwitch\": true, \"UnMatchLogKey\": \"LogParseFailure\","
                    + "  \"Backtracking\": -1"
                    + "},"
                    + "\"AdvancedConfig\": \"{\\\"ClsAgentMaxDepth\\\":3}\""
                    + "}";

            ClsProducer producer = ClsProducer.builder()
                    .endpoint(target.endpoint)
                    .credentials(target.credentials)
                    .options(ProducerOptions.builder()
                            .streamLinger(Duration.ofMillis(300)) // the tailer's files: sent within 0.3 s
                            .build())
                    .build();
            CollectionSource access = CollectionSource.builder(CollectionConfig.fromJson(configJson))
                    .producer(producer)
                    .build();
            Tailer tailer = Tailer.builder()
                    .options(TailerOptions.builder(work.resolve("tailer-state")).build())
                    .source(access.tailSource())
                    .build();
            tailer.start();

            // the service at work: 300 requests, every third one a health check, and one garbled line
            Path log = logDir.resolve("access.log");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                String path = i % 3 == 0 ? "/health" : "/api/orders/" + i;
                lines.append("{\"ts\":\"2026-11-24T15:00:")
                        .append(String.format("%02d.%03d", (i / 10) % 60, i % 1000))
                        .append("+08:00\",\"method\":\"GET\",\"path\":\"")
                        .append(path)
                        .append("\",\"status\":200,\"ms\":")
                        .append(i % 50)
                        .append("}\n");
            }
            lines.append("this line is not JSON\n");
            Files.write(log, lines.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            CollectionMetrics m = access.metrics();
            while ((m.delivered() + m.lost() < 201 || m.filtered() < 100) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                m = access.metrics();
            }
            tailer.stop(Duration.ofSeconds(10)); // commits the checkpoint: a restart resumes from here
            producer.close(Duration.ofSeconds(10));
            out.println("collection: " + m);
            out.println("followed: " + tailer.status().files());
            // 200 API requests + 1 unparsed line uploaded under LogParseFailure; 100 health checks filtered out
            return m.delivered() == 201 && m.filtered() == 100 ? 0 : 1;
        } finally {
            ExampleFiles.deleteQuietly(work);
        }
    }
}
