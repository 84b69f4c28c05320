package io.clssdk.tailer.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.Compression;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.testing.InMemoryProducer;
import io.clssdk.tailer.CollectionSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CollectorFileTest {
    private static final String A =
            "{\"Name\":\"a\",\"Output\":\"topic-a\",\"Path\":\"/var/log/a/**/*.log\",\"LogType\":\"minimalist_log\"}";
    private static final String B = "{\"ConfigId\":\"c-b\",\"Name\":\"b\",\"Output\":\"topic-b\","
            + "\"Path\":\"/var/log/b/*.log\",\"LogType\":\"json_log\",\"CreateTime\":\"2026-01-01 00:00:00\"}";

    @Test
    void anArrayOfConfigsIsKeyedByConfigIdElseName() {
        CollectorFile file = CollectorFile.parse("[" + A + "," + B + "]");
        assertEquals(2, file.configs().size());
        assertEquals("a", file.configs().get(0).key());
        assertEquals("c-b", file.configs().get(1).key());
        assertEquals("topic-b", file.configs().get(1).config().output());
        assertEquals(ProducerSection.EMPTY, file.producer());
    }

    @Test
    void anObjectCarriesConfigsAndProducerOptions() {
        CollectorFile file = CollectorFile.parse("{\"Producer\":{\"linger\":\"500ms\",\"maxBatchBytes\":\"256KiB\","
                + "\"streamLinger\":\"1s\",\"streamMaxBatchBytes\":\"2MiB\",\"streamMaxBatchCount\":5000,"
                + "\"compression\":\"deflate\",\"deliveryTimeout\":\"10m\",\"tags\":{\"env\":\"prod\"}},"
                + "\"Configs\":[" + A + "]}");
        ProducerOptions options = file.producer().apply(ProducerOptions.builder());
        assertEquals(Duration.ofMillis(500), options.linger());
        assertEquals(256 * 1024, options.maxBatchBytes());
        assertEquals(Duration.ofSeconds(1), options.streamLinger());
        assertEquals(2 * 1024 * 1024, options.streamMaxBatchBytes());
        assertEquals(5000, options.streamMaxBatchCount());
        assertEquals(Compression.DEFLATE, options.compression());
        assertEquals(Duration.ofMinutes(10), options.deliveryTimeout());
        assertEquals("prod", options.tags().get("env"));
    }

    @Test
    void aDescribeConfigsAnswerIsAccepted() {
        CollectorFile file =
                CollectorFile.parse("{\"Response\":{\"Configs\":[" + B + "],\"TotalCount\":1,\"RequestId\":\"r\"}}");
        assertEquals("c-b", file.configs().get(0).key());
    }

    @Test
    void aBadFieldIsNamedWithItsElement() {
        String bad = "{\"Name\":\"x\",\"Path\":\"/x/*.log\",\"LogType\":\"minimalist_log\"}";
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CollectorFile.parse("[" + A + "," + bad + "]"));
        assertTrue(e.getMessage().startsWith("Configs[1] (Name \"x\"): "), e.getMessage());
        assertTrue(e.getMessage().contains("Output"), e.getMessage());
    }

    @Test
    void duplicateNamesAndMissingNamesAreRefused() {
        IllegalArgumentException dup =
                assertThrows(IllegalArgumentException.class, () -> CollectorFile.parse("[" + A + "," + A + "]"));
        assertTrue(dup.getMessage().contains("Configs[1]") && dup.getMessage().contains("unique"), dup.getMessage());
        IllegalArgumentException unnamed = assertThrows(
                IllegalArgumentException.class,
                () -> CollectorFile.parse("[{\"Output\":\"t\",\"Path\":\"/x/*.log\"}]"));
        assertTrue(unnamed.getMessage().contains("Name is required"), unnamed.getMessage());
    }

    @Test
    void producerOptionsAreCheckedByName() {
        assertMessage("Producer.lingr: unknown option", "{\"Producer\":{\"lingr\":\"1s\"},\"Configs\":[" + A + "]}");
        assertMessage(
                "Producer.linger: 'soon' is not a duration",
                "{\"Producer\":{\"linger\":\"soon\"},\"Configs\":[" + A + "]}");
        assertMessage("Producer: ", "{\"Producer\":{\"maxBatchBytes\":1},\"Configs\":[" + A + "]}");
        assertMessage(
                "Producer.compression: 'zip'", "{\"Producer\":{\"compression\":\"zip\"},\"Configs\":[" + A + "]}");
    }

    @Test
    void theShapeOfTheFileIsChecked() {
        assertMessage("not valid JSON", "{\"Configs\": [");
        assertMessage("unknown member \"Config\"", "{\"Config\":[]}");
        assertMessage("Configs is empty", "[]");
        assertMessage("expected a JSON array", "\"text\"");
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectorFile.parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theReadmeExampleAndTheSampleConfigRun() throws Exception {
        String readme = new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
        int section = readme.indexOf("### The config file");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        assertBuilds(CollectorFile.parse(example), 2);
        String sample = new String(
                Files.readAllBytes(Paths.get("..", "examples", "collector", "collection.json")),
                StandardCharsets.UTF_8);
        assertBuilds(CollectorFile.parse(sample), 1);
    }

    /** Each config builds a collection source (paths, regexes, time formats checked) and the producer options build. */
    private static void assertBuilds(CollectorFile file, int configs) {
        assertEquals(configs, file.configs().size());
        file.producer().apply(ProducerOptions.builder());
        InMemoryProducer producer = InMemoryProducer.create();
        for (NamedConfig c : file.configs()) {
            CollectionSource.builder(c.config()).producer(producer).build();
        }
    }
}
