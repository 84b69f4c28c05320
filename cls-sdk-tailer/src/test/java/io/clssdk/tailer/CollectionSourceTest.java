package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.numbered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.LogRecord;
import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.KeyRegex;
import io.clssdk.core.api.LogType;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.producer.SendCallback;
import io.clssdk.producer.SendResult;
import io.clssdk.producer.testing.InMemoryProducer;
import io.clssdk.producer.testing.SentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → tailer → parsing → producer → the verifying fake CLS endpoint, compared log by log. */
class CollectionSourceTest {
    private static final String TOPIC = "3f6c5a3e-0f3b-4d4b-9c1e-6a1a2b3c4d5e";

    @TempDir
    Path dir;

    private ShippingFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ShippingFixture(Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private CollectionConfig.Builder config(LogType type, ExtractRule rule) {
        return CollectionConfig.builder()
                .name("app")
                .output(TOPIC)
                .path(dir.resolve("logs") + "/**/*.log")
                .logType(type)
                .extractRule(rule);
    }

    private CollectionSource start(CollectionConfig config) throws IOException {
        return start(config, fx.producer);
    }

    private CollectionSource start(CollectionConfig config, ClsProducer through) throws IOException {
        return fx.start(config, TailerOptions.builder(dir.resolve("ckpt")), through);
    }

    private List<String> contents() {
        return fx.server.logs(TOPIC).stream().map(l -> l.field("__CONTENT__")).collect(Collectors.toList());
    }

    @Test
    void minimalistLinesArriveExactlyWithFileMetadata() throws Exception {
        Path file = dir.resolve("logs/app/app.log");
        Files.createDirectories(file.getParent());
        List<String> lines = numbered("line ", 0, 500);
        lines.add("中文 and emoji \uD83D\uDE00");
        append(file, lines.toArray(new String[0]));
        CollectionSource source = start(config(LogType.MINIMALIST_LOG, null).build());

        await(() -> fx.server.logCount() == lines.size(), () -> lines.size() + " logs, got " + fx.server.logCount());
        List<String> got = contents();
        Collections.sort(got);
        List<String> want = new ArrayList<>(lines);
        Collections.sort(want);
        assertEquals(want, got);
        ReceivedLog first = fx.server.logs(TOPIC).get(0);
        assertEquals(file.toString(), first.filename());
        assertEquals("10.0.0.7", first.source());
        assertEquals("test-host", first.hostname());
        await(() -> source.metrics().delivered() == lines.size(), () -> "delivered: " + source.metrics());
        assertEquals(0, source.metrics().pending());
    }

    @Test
    void shortAsciiAndNonAsciiLinesSharingScanWordsArriveExactly() throws Exception {
        // the reader flags ASCII lines while it looks for their ends, eight bytes at a time: lines shorter than a word
        // put a line's non-ASCII bytes in the same word as its neighbour's newline; invalid UTF-8 becomes U+FFFD
        Path file = dir.resolve("logs/app/mixed.log");
        Files.createDirectories(file.getParent());
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        List<String> want = new ArrayList<>();
        String[] ascii = {"a", "bc", "def", "ghijklm", "nopqrstu", "v"};
        String[] wide = {"\u00e9", "x\u4e2d", "\uD83D\uDE00y", "\u00fc\u00fc\u00fc\u00fc"};
        for (int i = 0; i < 400; i++) {
            String text = i % 3 == 0 ? wide[i % wide.length] : ascii[i % ascii.length];
            if (i % 37 == 0) {
                raw.write(new byte[] {'z', (byte) 0xC3, '\n'}); // a lead byte without its continuation
                want.add("z\uFFFD");
            }
            raw.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            want.add(text);
        }
        Files.write(file, raw.toByteArray());
        start(config(LogType.MINIMALIST_LOG, null).build());

        await(() -> fx.server.logCount() == want.size(), () -> want.size() + " logs, got " + fx.server.logCount());
        assertEquals(want, contents(), "every line, in file order");
        assertEquals(0, fx.server.invalidUtf8Values(), "ill-formed bytes replaced by the tailer, not sent");
    }

    @Test
    void multilineEntriesSurviveARotationAndARestart() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        ExtractRule rule =
                ExtractRule.builder().beginRegex("\\d{4}-\\d\\d-\\d\\d .*").build();
        CollectionConfig config = config(LogType.MULTILINE_LOG, rule).build();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String entry = "2024-01-01 entry " + i + "\n    at frame a" + i + "\n    at frame b" + i;
            expected.add(entry);
            append(file, entry.split("\n"));
        }
        start(config);
        await(() -> fx.server.logCount() == 20, () -> "20 entries, got " + fx.server.logCount());

        // rename rotation half-way, then more entries in a new file
        Files.move(file, dir.resolve("logs/app.log.1"));
        for (int i = 20; i < 30; i++) {
            String entry = "2024-01-01 entry " + i + "\n    at frame a" + i;
            expected.add(entry);
            append(file, entry.split("\n"));
        }
        await(() -> fx.server.logCount() == 30, () -> "30 entries, got " + fx.server.logCount());

        // restart: nothing acknowledged is read again, new entries arrive
        assertTrue(fx.tailer.stop(Duration.ofSeconds(10)), "every chunk acknowledged at stop");
        for (int i = 30; i < 35; i++) {
            String entry = "2024-01-01 entry " + i + "\n    at frame a" + i;
            expected.add(entry);
            append(file, entry.split("\n"));
        }
        start(config);
        await(() -> fx.server.logCount() == 35, () -> "35 entries, got " + fx.server.logCount());
        List<String> got = contents();
        Collections.sort(got);
        Collections.sort(expected);
        assertEquals(expected, got);
    }

    @Test
    void theLastEntryOfARenamedFileIsShippedWithoutWaitingForTheQuietPeriod() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        ExtractRule rule = ExtractRule.builder().beginRegex("\\d{4}-.*").build();
        start(config(LogType.MULTILINE_LOG, rule).build());
        append(file, "2024-01-01 one", "  detail", "2024-01-01 two", "  detail");
        await(() -> fx.server.logCount() == 1, () -> "the first entry");
        Files.move(file, dir.resolve("logs/app.log.1")); // the second entry is still open in the renamed file
        // the rotation quiet period is 60 s; the idle flush (300 ms) must settle the entry long before that
        await(() -> fx.server.logCount() == 2, () -> "the open entry of the renamed file");
        assertTrue(contents().contains("2024-01-01 two\n  detail"), contents().toString());
    }

    @Test
    void jsonFieldsTimeAndFiltersFollowTheConfig() throws Exception {
        Path file = dir.resolve("logs/api.log");
        Files.createDirectories(file.getParent());
        ExtractRule rule = ExtractRule.builder()
                .timeKey("ts")
                .timeFormat("%Y-%m-%d %H:%M:%S.%f %z")
                .filterKeyRegex(Collections.singletonList(KeyRegex.of("level", "ERROR|WARN")))
                .unMatchUpLoadSwitch(true)
                .unMatchLogKey("LogParseFailure")
                .build();
        append(
                file,
                "{\"ts\":\"2024-03-01 10:00:00.250 +0800\",\"level\":\"ERROR\",\"msg\":\"disk\",\"ctx\":{\"a\":1}}",
                "{\"ts\":\"2024-03-01 10:00:01.000 +0800\",\"level\":\"INFO\",\"msg\":\"ok\"}",
                "not json at all");
        CollectionSource source = start(config(LogType.JSON_LOG, rule).build());
        await(() -> fx.server.logCount() == 2, () -> "2 logs, got " + fx.server.logCount());
        await(() -> source.metrics().filtered() == 1, () -> "one filtered: " + source.metrics());
        Map<Boolean, List<ReceivedLog>> byKind = fx.server.logs(TOPIC).stream()
                .collect(Collectors.partitioningBy(l -> l.field("LogParseFailure") != null));
        ReceivedLog parsed = byKind.get(false).get(0);
        assertEquals("disk", parsed.field("msg"));
        assertEquals("{\"a\":1}", parsed.field("ctx"));
        assertEquals(1709258400250L, parsed.timeMs());
        assertEquals("not json at all", byKind.get(true).get(0).field("LogParseFailure"));
    }

    @Test
    void inMemoryProducerDrivesACollectionSourceWithTheFilesMetadata() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        append(file, numbered("line ", 0, 300).toArray(new String[0]));
        InMemoryProducer memory = InMemoryProducer.create();
        CollectionSource source = start(config(LogType.MINIMALIST_LOG, null).build(), memory);
        await(() -> source.metrics().delivered() == 300, () -> "delivered: " + source.metrics());
        List<SentLog> sent = memory.sent(TOPIC);
        assertEquals(
                numbered("line ", 0, 300),
                sent.stream().map(l -> l.record().value(0)).collect(Collectors.toList()));
        assertEquals(file.toString(), sent.get(0).filename());
        long size = Files.size(file);
        await(
                () -> fx.tailer.status().files().get(0).committedOffset() == size,
                () -> "committed after in-memory success: " + fx.tailer.status());
    }

    @Test
    void aDecoratorThatDelegatesOnlySendShipsThroughTheDefaultStream() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        append(file, "first", "second");
        ClsProducer decorator = new ClsProducer() {
            @Override
            public CompletableFuture<SendResult> send(String topicId, String hashKey, LogRecord record) {
                return fx.producer.send(topicId, hashKey, record);
            }

            @Override
            public void send(String topicId, String hashKey, LogRecord record, SendCallback callback) {
                fx.producer.send(topicId, hashKey, record, callback);
            }

            @Override
            public void flush() {
                fx.producer.flush();
            }

            @Override
            public boolean close(Duration timeout) {
                return fx.producer.close(timeout);
            }

            @Override
            public ProducerMetrics metrics() {
                return fx.producer.metrics();
            }
        };
        CollectionSource source = start(config(LogType.MINIMALIST_LOG, null).build(), decorator);
        await(() -> fx.server.logCount() == 2, () -> "stored: " + fx.server.logCount() + ", " + source.metrics());
        assertEquals(Arrays.asList("first", "second"), contents());
        await(() -> source.metrics().delivered() == 2, () -> "acknowledged: " + source.metrics());
    }

    @Test
    void jsonKeysClsReservesAreRenamedSoTheEndpointAcceptsTheLog() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        append(file, "{\"__TIMESTAMP__\":\"1700000000\",\"__FILENAME__\":\"x.log\",\"msg\":\"hi\"}");
        CollectionSource source = start(config(LogType.JSON_LOG, null).build());
        await(() -> fx.server.logCount() == 1, () -> "stored: " + fx.server.logCount() + ", " + source.metrics());
        ReceivedLog log = fx.server.logs(TOPIC).get(0);
        assertEquals("1700000000", log.field("log__TIMESTAMP__"));
        assertEquals("x.log", log.field("log__FILENAME__"));
        assertEquals("hi", log.field("msg"));
        assertEquals(0, source.metrics().lost());
    }

    @Test
    void aLogCLSRejectsIsRecordedAsLostAndTheFileMovesOn() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        fx.server.enqueue(Fault.error(400, "InvalidContent", "rejected for the test"));
        append(file, "first");
        CollectionSource source = start(config(LogType.MINIMALIST_LOG, null).build());
        await(() -> source.metrics().lost() == 1, () -> "one lost: " + source.metrics());
        append(file, "second");
        await(() -> fx.server.logCount() == 1, () -> "the next line still arrives");
        assertEquals("second", contents().get(0));
        long size = Files.size(file);
        await(
                () -> fx.tailer.status().files().get(0).committedOffset() == size,
                () -> "the lost line's offset is committed too: " + fx.tailer.status());
    }

    @Test
    void oneLogClsRejectsAmongThousandsIsTheOnlyOneLost() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        List<String> lines = numbered("line ", 0, 4000);
        append(file, lines.toArray(new String[0]));
        // like CLS: the whole request is refused while it holds the bad log
        fx.server.rejectRequestsWithLog(l -> "line 2345".equals(l.field("__CONTENT__")), 400, "InvalidParam");
        CollectionSource source = start(config(LogType.MINIMALIST_LOG, null).build());
        await(() -> source.metrics().lost() == 1 && source.metrics().delivered() == 3999, () -> "" + source.metrics());
        // a file's batches (and a split batch's halves) go in parallel: stored once each, in any order
        List<String> stored = new ArrayList<>(contents());
        assertEquals(3999, stored.size());
        assertEquals(3999, new HashSet<>(stored).size(), "no neighbour stored twice");
        assertFalse(stored.contains("line 2345"));
        long size = Files.size(file);
        await(
                () -> fx.tailer.status().files().get(0).committedOffset() == size,
                () -> "the file moves past the lost line: " + fx.tailer.status());
    }

    @Test
    void logsFailedByAClosedProducerAreReadAgainAfterRestart() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        fx.server.enqueue(Fault.stall(false), Fault.stall(false), Fault.stall(false));
        append(file, "kept for later");
        CollectionSource source = start(config(LogType.MINIMALIST_LOG, null).build());
        await(() -> source.metrics().shipped() == 1, () -> "shipped: " + source.metrics());
        fx.producer.close(Duration.ofMillis(200));
        await(() -> source.metrics().unacknowledged() == 1, () -> "unacknowledged: " + source.metrics());
        fx.tailer.stop(Duration.ofMillis(200));
        fx.server.clearFaults();

        fx.producer = fx.newProducer(Duration.ofSeconds(30));
        start(config(LogType.MINIMALIST_LOG, null).build());
        await(() -> contents().contains("kept for later"), () -> "the line arrives after the restart");
    }

    @Test
    void unsupportedFieldsAreRefusedUnlessAllowed() {
        CollectionConfig config = config(
                        LogType.MINIMALIST_LOG,
                        ExtractRule.builder().metadataType(1).build())
                .advancedConfig(AdvancedConfig.builder()
                        .entry("ClsAgentSomethingNew", "1")
                        .build())
                .build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CollectionSource.builder(config).producer(fx.producer).build());
        assertTrue(e.getMessage().contains("MetadataType=1"), e.getMessage());
        assertTrue(e.getMessage().contains("AdvancedConfig.ClsAgentSomethingNew"), e.getMessage());
        CollectionSource allowed = CollectionSource.builder(config)
                .producer(fx.producer)
                .allowUnsupported()
                .build();
        assertEquals(2, allowed.unsupportedFields().size());

        IllegalArgumentException badRegex = assertThrows(
                IllegalArgumentException.class,
                () -> CollectionSource.builder(config(
                                        LogType.FULLREGEX_LOG,
                                        ExtractRule.builder()
                                                .logRegex("(unclosed")
                                                .keys(Collections.singletonList("a"))
                                                .build())
                                .build())
                        .producer(fx.producer)
                        .build());
        assertTrue(badRegex.getMessage().contains("LogRegex"), badRegex.getMessage());
        IllegalArgumentException syslog = assertThrows(
                IllegalArgumentException.class,
                () -> CollectionSource.builder(
                                config(LogType.SERVICE_SYSLOG, null).build())
                        .producer(fx.producer)
                        .build());
        assertTrue(syslog.getMessage().contains("service_syslog"), syslog.getMessage());
    }

    @Test
    void pathRegexCapturesBecomeTags() throws Exception {
        Path file = dir.resolve("logs/orders/app.log");
        Files.createDirectories(file.getParent());
        append(file, "hello");
        ExtractRule rule = ExtractRule.builder()
                .metadataType(3)
                .pathRegex(dir.resolve("logs") + "/(?<service>[^/]+)/(\\w+)\\.log")
                .build();
        start(config(LogType.MINIMALIST_LOG, rule).build());
        await(() -> fx.server.logCount() == 1, () -> "one log");
        Map<String, String> tags = fx.server.logs(TOPIC).get(0).tags();
        assertEquals("orders", tags.get("service"));
        assertEquals("app", tags.get("2"));
    }
}
