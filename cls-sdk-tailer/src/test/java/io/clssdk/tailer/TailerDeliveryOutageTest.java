package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.numbered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.LogType;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the endpoint fails every request for longer than the producer's delivery timeout (300 ms here), in real
 * time, while files are written, rotated by rename and deleted. Afterwards every line is stored and none is counted
 * lost; during the outage the status shows the files held with unsent bytes, and after it nothing held or unsent.
 */
class TailerDeliveryOutageTest {
    private static final String TOPIC = "3f6c5a3e-0f3b-4d4b-9c1e-6a1a2b3c4d5e";
    private static final long BOUND_NANOS = Duration.ofSeconds(90).toNanos();

    @TempDir
    Path dir;

    private ShippingFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ShippingFixture(Duration.ofMillis(300));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void anOutageLongerThanTheDeliveryTimeoutLosesNothingThroughRenameAndDelete() throws Exception {
        fx.server.failRandomly(1.0, 14, Fault.error(503, "InternalError", "the endpoint is down"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Set<String> expected = new HashSet<>();
        expected.addAll(write(logs.resolve("a.log"), "a", 0, 3000));
        expected.addAll(write(logs.resolve("b.log"), "b", 0, 3000));
        expected.addAll(write(logs.resolve("c.log"), "c", 0, 2000));
        CollectionSource source = start();

        until("all three files held with unsent bytes", () -> {
            TailerStatus s = fx.tailer.status();
            return s.heldFiles() == 3 && s.unsentBytes() > 0;
        });
        FileStatus a = fx.tailer.status().file("a.log").get();
        assertTrue(a.deliveryFailingSince().isPresent(), a.toString());
        assertTrue(a.lastDeliveryError().isPresent(), a.toString());
        assertTrue(a.unsentBytes() > 0, a.toString());
        assertEquals(0, source.metrics().lost());

        // rotation during the outage: b renamed away (and a new b.log), c deleted while it holds unsent lines
        Files.move(logs.resolve("b.log"), logs.resolve("b.log.1"));
        expected.addAll(write(logs.resolve("b.log"), "b-new", 0, 1000));
        Files.delete(logs.resolve("c.log"));
        expected.addAll(write(logs.resolve("a.log"), "a", 3000, 4000));
        until("more than one round of failures", () -> source.metrics().retried() > 8000);
        assertEquals(0, source.metrics().lost());
        assertTrue(fx.tailer.status().unsentBytes() > 0);

        fx.server.clearFaults();
        until("every line stored", () -> stored().containsAll(expected));
        until("nothing unsent or held", () -> {
            TailerStatus s = fx.tailer.status();
            return s.unsentBytes() == 0 && s.heldFiles() == 0;
        });
        assertEquals(expected, stored());
        assertEquals(0, source.metrics().lost());
        for (FileStatus f : fx.tailer.status().files()) {
            assertFalse(f.deliveryFailingSince().isPresent(), f.toString());
            assertFalse(f.lastDeliveryError().isPresent(), f.toString());
        }
    }

    private CollectionSource start() throws Exception {
        CollectionConfig config = CollectionConfig.builder()
                .name("app")
                .output(TOPIC)
                .path(dir.resolve("logs") + "/*.log")
                .logType(LogType.MINIMALIST_LOG)
                .build();
        return fx.start(
                config,
                TailerOptions.builder(dir.resolve("ckpt"))
                        .readBufferBytes(64 * 1024)
                        .maxLineBytes(1024));
    }

    private static List<String> write(Path file, String prefix, int from, int to) throws Exception {
        List<String> lines = numbered(prefix + " line ", from, to);
        append(file, lines.toArray(new String[0]));
        return lines;
    }

    private Set<String> stored() {
        Set<String> out = new HashSet<>();
        for (io.clssdk.core.testing.ReceivedLog l : new ArrayList<>(fx.server.logs(TOPIC))) {
            out.add(l.field("__CONTENT__"));
        }
        return out;
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) {
        Await.until(what, condition, Await.deadline(Duration.ofNanos(BOUND_NANOS)));
    }
}
