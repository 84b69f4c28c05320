package io.clssdk.tailer.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code cls-collector.jar} as operators run it: a child process against the fake CLS endpoint, stopped
 * with SIGTERM, restarted on the same checkpoints, its config file edited while it runs, and refused with exit code 2
 * for a bad config file before anything starts.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CollectorJarIT {
    /** Every line is 12 bytes, so a line's number gives its offset in the file. */
    private static final int LINE_BYTES = 12;

    @TempDir
    Path dir;

    private final FakeClsServer cls = FakeClsServer.start();

    @AfterEach
    void closeServer() {
        cls.close();
    }

    @Test
    void stopsOnSigtermResumesFromItsCheckpointAndAppliesAnEditedConfigFile() throws Exception {
        Path config = dir.resolve("collection.json");
        Path checkpoints = dir.resolve("checkpoints");
        writeConfig(config, source("a", "topic-a"));
        try (CollectorProcess collector = start(config, checkpoints)) {
            collector.awaitOutput("running 1 configs");
            appendLines("a", 0, 200);
            awaitLines("topic-a", 200);
            collector.awaitOutput("status: 1 configs");
            assertTrue(statusJson(collector).get("configs").size() == 1, collector.output());

            writeConfig(config, source("a", "topic-a"), source("b", "topic-b"));
            collector.awaitOutput("changed: 1 added; 2 configs running");
            appendLines("b", 0, 10);
            awaitLines("topic-b", 10);
            assertFalse(collector.output().contains("stopped a"), "a keeps running: " + collector.output());

            appendLines("a", 200, 300);
            assertEquals(0, collector.terminate(), collector.output());
            assertTrue(collector.output().contains("stopped;"), collector.output());
        }
        long committedAtStop = checkpointOffset(checkpoints.resolve("a"));
        appendLines("a", 300, 400);
        try (CollectorProcess collector = start(config, checkpoints)) {
            collector.awaitOutput("running 2 configs");
            awaitLines("topic-a", 400);
            assertEquals(0, collector.terminate(), collector.output());
        }
        Map<Integer, Integer> copies = lineCopies("topic-a");
        for (int i = 0; i < 400; i++) {
            int n = copies.getOrDefault(i, 0);
            assertTrue(n >= 1, "line " + i + " was lost");
            assertTrue(
                    n == 1 || (long) i * LINE_BYTES >= committedAtStop,
                    "line " + i + " arrived " + n + " times although the checkpoint at the stop (" + committedAtStop
                            + ") covered it");
        }
    }

    @Test
    void linesNotDeliveredWithinTheStopBoundAreReadAgainAtTheNextStart() throws Exception {
        Path config = dir.resolve("collection.json");
        Path checkpoints = dir.resolve("checkpoints");
        writeConfig(config, source("a", "topic-a"));
        cls.failRandomly(1.0, 16, Fault.error(500, "InternalError", "an outage for the test"));
        try (CollectorProcess collector = start(config, checkpoints, "3s")) {
            collector.awaitOutput("running 1 configs");
            appendLines("a", 0, 50);
            Await.until(
                    "the collector is retrying its first batch",
                    () -> cls.requestCount() >= 2,
                    Await.deadline(Duration.ofSeconds(90)));
            assertEquals(0, collector.terminate(), collector.output());
            assertTrue(collector.output().contains("read again at the next start"), collector.output());
        }
        assertTrue(checkpointOffset(checkpoints.resolve("a")) <= 0, "nothing was acknowledged, nothing committed");
        assertEquals(0, cls.logs("topic-a").size());
        cls.clearFaults();
        try (CollectorProcess collector = start(config, checkpoints)) {
            awaitLines("topic-a", 50);
            assertEquals(0, collector.terminate(), collector.output());
        }
    }

    @Test
    void aBadConfigFileExitsWithTwoNamingTheFieldAndStartsNothing() throws Exception {
        Path config = dir.resolve("collection.json");
        Path checkpoints = dir.resolve("checkpoints");
        String badType = "{\"Name\":\"b\",\"Output\":\"topic-b\",\"Path\":\"" + dir + "/b/*.log\","
                + "\"LogType\":\"no_such_type\"}";
        writeConfig(config, source("a", "topic-a"), badType);
        try (CollectorProcess collector = start(config, checkpoints)) {
            assertEquals(2, collector.exitCode(), collector.output());
            assertTrue(collector.output().contains("config b: LogType no_such_type"), collector.output());
            assertTrue(collector.output().contains("nothing was started"), collector.output());
        }
        String noOutput = "{\"Name\":\"c\",\"Path\":\"" + dir + "/c/*.log\"}";
        writeConfig(config, source("a", "topic-a"), noOutput);
        try (CollectorProcess collector = start(config, checkpoints)) {
            assertEquals(2, collector.exitCode(), collector.output());
            assertTrue(collector.output().contains("Configs[1] (Name \"c\"): Output"), collector.output());
        }
        try (CollectorProcess collector = CollectorProcess.start(dir, "--config", config.toString())) {
            assertEquals(2, collector.exitCode(), collector.output());
            assertTrue(collector.output().contains("--checkpoints"), collector.output());
        }
        assertFalse(Files.exists(checkpoints.resolve("a")), "no tailer started");
        assertEquals(0, cls.requestCount());
    }

    private CollectorProcess start(Path config, Path checkpoints) throws IOException {
        return start(config, checkpoints, "30s");
    }

    private CollectorProcess start(Path config, Path checkpoints, String stopTimeout) throws IOException {
        return CollectorProcess.start(
                dir,
                "--config",
                config.toString(),
                "--checkpoints",
                checkpoints.toString(),
                "--endpoint",
                cls.endpoint().url(),
                "--reload-interval",
                "200ms",
                "--status-interval",
                "1s",
                "--status-port",
                "0",
                "--stop-timeout",
                stopTimeout);
    }

    private String source(String name, String topic) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs").resolve(name));
        return "{\"Name\":\"" + name + "\",\"Output\":\"" + topic + "\",\"Path\":\"" + logs
                + "/*.log\",\"LogType\":\"minimalist_log\"}";
    }

    private void writeConfig(Path config, String... sources) throws IOException {
        String json = "{\"Producer\":{\"linger\":\"200ms\"},\"Configs\":[" + String.join(",", sources) + "]}";
        Path tmp = dir.resolve("collection.json.tmp");
        Files.write(tmp, json.getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void appendLines(String name, int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(String.format("line-%06d\n", i));
        }
        Files.write(
                dir.resolve("logs").resolve(name).resolve("app.log"),
                sb.toString().getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private Map<Integer, Integer> lineCopies(String topic) {
        Map<Integer, Integer> copies = new HashMap<>();
        for (ReceivedLog log : cls.logs(topic)) {
            int line = Integer.parseInt(log.field("__CONTENT__").substring("line-".length()));
            copies.merge(line, 1, Integer::sum);
        }
        return copies;
    }

    private void awaitLines(String topic, int count) {
        Await.until(
                count + " distinct lines in " + topic,
                () -> lineCopies(topic).size() >= count,
                Await.deadline(Duration.ofSeconds(90)));
    }

    /** The committed offset of the one file in the directory's checkpoint; 0 when there is no checkpoint yet. */
    private static long checkpointOffset(Path checkpointDirectory) throws IOException {
        Path file = checkpointDirectory.resolve("checkpoints.json");
        if (!Files.exists(file)) {
            return 0;
        }
        JsonNode files = new ObjectMapper().readTree(file.toFile()).get("files");
        if (files.size() == 0) {
            return 0;
        }
        assertEquals(1, files.size(), files.toString());
        return files.get(0).get("offset").asLong();
    }

    private static JsonNode statusJson(CollectorProcess collector) throws IOException {
        Matcher m = Pattern.compile("status at http://127\\.0\\.0\\.1:(\\d+)/status")
                .matcher(collector.output());
        assertTrue(m.find(), collector.output());
        HttpURLConnection c =
                (HttpURLConnection) new URL("http://127.0.0.1:" + m.group(1) + "/status").openConnection();
        try (InputStream in = c.getInputStream()) {
            assertEquals(200, c.getResponseCode());
            return new ObjectMapper().readTree(in);
        } finally {
            c.disconnect();
        }
    }
}
