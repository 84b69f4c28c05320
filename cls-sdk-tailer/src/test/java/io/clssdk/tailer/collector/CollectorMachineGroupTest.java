package io.clssdk.tailer.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeCloudApi;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machine-group mode in process: the configs bound to a group (a scripted {@link FakeCloudApi}) are run, and a config
 * added, modified and unbound between polls is applied without restarting the others; a failing call keeps the last
 * good set. Polls are triggered by the test ({@link Collector#pollNow()}), so nothing waits for a timer.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CollectorMachineGroupTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(errBytes, true));
    private final FakeClsServer cls = FakeClsServer.start();
    private final FakeCloudApi api = FakeCloudApi.start();
    private Collector collector;

    @AfterEach
    void tearDown() {
        if (collector != null) {
            collector.stop(Duration.ofSeconds(20));
        }
        cls.close();
        api.close();
    }

    @Test
    void addedModifiedAndUnboundConfigsAreAppliedLive() throws Exception {
        api.ok(configs(config("c-a", "a", "topic-a"), config("c-b", "b", "topic-b")));
        collector = start();
        RunningConfig a = running("c-a");
        append("a", "a1", "a2");
        append("b", "b1");
        awaitContents("topic-a", "a1", "a2");
        awaitContents("topic-b", "b1");

        // b moves to another topic, c is added, a is unchanged
        api.ok(configs(config("c-a", "a", "topic-a"), config("c-b", "b", "topic-b2"), config("c-c", "c", "topic-c")));
        collector.pollNow();
        assertEquals(new TreeSet<>(Arrays.asList("c-a", "c-b", "c-c")), keys());
        assertSame(a, running("c-a"), "an unchanged config keeps its tailer");
        append("a", "a3");
        append("b", "b2");
        append("c", "c1");
        awaitContents("topic-a", "a1", "a2", "a3");
        awaitContents("topic-b2", "b2");
        awaitContents("topic-c", "c1");
        assertEquals(
                Collections.singletonList("b1"),
                contents("topic-b"),
                "b resumed from its checkpoint: nothing read twice");
        assertEquals(Arrays.asList("a1", "a2", "a3"), contents("topic-a"), "a was never restarted");

        // b and c are unbound
        api.ok(configs(config("c-a", "a", "topic-a")));
        collector.pollNow();
        assertEquals(Collections.singleton("c-a"), keys());
        assertSame(a, running("c-a"));
        assertTrue(Files.isDirectory(dir.resolve("checkpoints/c-b")), "an unbound config's checkpoints stay");

        // a failing call keeps the last good set and is reported
        api.error("ResourceNotFound.MachineGroupNotExist", "machine group not found");
        collector.pollNow();
        assertEquals(Collections.singleton("c-a"), keys());
        assertEquals(1, console.errors());
        assertTrue(err().contains("machine group g-1: ") && err().contains("MachineGroupNotExist"), err());
        assertTrue(console.lastError().contains("keeping the 1 configs running"), console.lastError());
        assertEquals(1, collector.report().json().get("configs").size());
    }

    @Test
    void aConfigThatCannotRunIsSkippedAndTheOthersRun() throws Exception {
        String bad = "{\"ConfigId\":\"c-bad\",\"Name\":\"bad\",\"Output\":\"topic-x\",\"Path\":\"relative/*.log\","
                + "\"LogType\":\"minimalist_log\"}";
        api.ok("\"Configs\":[" + config("c-a", "a", "topic-a") + "," + bad + "],\"TotalCount\":2");
        collector = start();
        assertEquals(Collections.singleton("c-a"), keys());
        assertTrue(err().contains("c-bad") && err().contains("(skipped)"), err());
        long errors = console.errors();
        // polled again unchanged: not reported again
        api.ok("\"Configs\":[" + config("c-a", "a", "topic-a") + "," + bad + "],\"TotalCount\":2");
        collector.pollNow();
        assertEquals(errors, console.errors());
        append("a", "still-running");
        awaitContents("topic-a", "still-running");
    }

    private Collector start() {
        ClsApiClient client = ClsApiClient.builder()
                .region("ap-guangzhou")
                .credentials(CredentialsProvider.of(FakeCloudApi.credentials()))
                .endpoint(api.endpoint())
                .build();
        ClsProducer producer = ClsProducer.builder()
                .endpoint(cls.endpoint())
                .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                .options(ProducerOptions.builder()
                        .linger(Duration.ofMillis(100))
                        .streamLinger(Duration.ofMillis(100))
                        .jmx(false)
                        .build())
                .build();
        SourceSet sources = new SourceSet(producer, dir.resolve("checkpoints"), false, Duration.ofSeconds(20), console);
        MachineGroupFeed feed = new MachineGroupFeed(client, "g-1", console);
        Collector c = new Collector(producer, sources, feed, console, client);
        c.start(feed.poll().get(), Duration.ZERO, Duration.ZERO);
        return c;
    }

    private String config(String id, String name, String topic) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs").resolve(name));
        return "{\"ConfigId\":\"" + id + "\",\"Name\":\"" + name + "\",\"Output\":\"" + topic + "\",\"Path\":\"" + logs
                + "/*.log\",\"LogType\":\"minimalist_log\",\"UpdateTime\":\"2026-12-07 01:00:00\"}";
    }

    private static String configs(String... configs) {
        return "\"Configs\":[" + String.join(",", configs) + "],\"TotalCount\":" + configs.length;
    }

    private void append(String name, String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        Files.write(
                dir.resolve("logs").resolve(name).resolve("app.log"),
                sb.toString().getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private List<String> contents(String topic) {
        return cls.logs(topic).stream().map(l -> l.field("__CONTENT__")).collect(Collectors.toList());
    }

    private void awaitContents(String topic, String... expected) {
        Await.until(
                topic + " holds " + Arrays.asList(expected),
                () -> contents(topic).containsAll(Arrays.asList(expected)),
                Await.deadline(Duration.ofSeconds(60)));
    }

    private RunningConfig running(String key) {
        Map<String, RunningConfig> m = new HashMap<>();
        for (RunningConfig r : collector.sources().running()) {
            m.put(r.named().key(), r);
        }
        return m.get(key);
    }

    private Set<String> keys() {
        return collector.sources().running().stream()
                .map(r -> r.named().key())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String err() {
        return new String(errBytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
