package io.clssdk.tailer.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.LogType;
import io.clssdk.core.testing.Await;
import io.clssdk.producer.testing.InMemoryProducer;
import io.clssdk.tailer.CollectionSource;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerOptions;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tailer's and a collection source's meters in a real registry while a file is shipped. */
class TailerMetersTest {
    @TempDir
    Path dir;

    @Test
    void metersFollowAFileFromDiskToAcknowledgement() throws Exception {
        Path file = dir.resolve("logs/app.log");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("line " + i);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        InMemoryProducer producer = InMemoryProducer.create();
        CollectionSource source = CollectionSource.builder(CollectionConfig.builder()
                        .name("app")
                        .output("topic-1")
                        .path(dir.resolve("logs") + "/*.log")
                        .logType(LogType.MINIMALIST_LOG)
                        .build())
                .producer(producer)
                .build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(dir.resolve("ckpt"))
                        .checkpointInterval(Duration.ofMillis(50))
                        .build())
                .source(source.tailSource())
                .build()) {
            new TailerMeters(tailer, Tags.of("app", "web"))
                    .source("app", source)
                    .bindTo(registry);
            tailer.start();
            Await.until(
                    "200 logs delivered",
                    () -> registry.get("cls.collection.logs.delivered")
                                    .tag("source", "app")
                                    .functionCounter()
                                    .count()
                            == 200);
            assertEquals(
                    200,
                    registry.get("cls.collection.logs.shipped")
                            .functionCounter()
                            .count());
            assertEquals(
                    0,
                    registry.get("cls.collection.logs.lost").functionCounter().count());
            assertEquals(0, registry.get("cls.collection.logs.pending").gauge().value());
            Await.until(
                    "lag 0 once committed",
                    () -> registry.get("cls.tailer.lag").gauge().value() == 0);
            assertEquals(
                    1,
                    registry.get("cls.tailer.files").tag("app", "web").gauge().value());
            assertEquals(0, registry.get("cls.tailer.files.held").gauge().value());
            assertEquals(
                    0,
                    registry.get("cls.collection.logs.retried")
                            .functionCounter()
                            .count());
            assertEquals(16, registry.getMeters().size());
        }
    }
}
