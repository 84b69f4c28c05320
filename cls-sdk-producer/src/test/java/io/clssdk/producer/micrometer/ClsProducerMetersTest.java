package io.clssdk.producer.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The producer's meters in a real registry, read while a producer uploads to the verifying fake endpoint. */
class ClsProducerMetersTest {
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";

    @Test
    void metersFollowTheProducerThroughARetryAndARejection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (FakeClsServer server = FakeClsServer.start();
                ClsProducer producer = ClsProducer.builder()
                        .endpoint(server.endpoint())
                        .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                        .options(ProducerOptions.builder()
                                .linger(Duration.ofMillis(100))
                                .totalBufferBytes(8 << 20)
                                .retryBackoffBase(Duration.ofMillis(10))
                                .build())
                        .build()) {
            new ClsProducerMeters(producer, Tags.of("app", "orders")).bindTo(registry);
            server.enqueue(Fault.error(503, "InternalError", "once"));
            for (int i = 0; i < 10; i++) {
                producer.send(TOPIC, LogRecord.of(1_700_000_000_000L + i, "n", Integer.toString(i)));
            }
            producer.flush();
            Await.until("10 logs sent", () -> counter(registry, "cls.producer.logs.sent") == 10);
            assertEquals(10, counter(registry, "cls.producer.logs.accepted"));
            assertEquals(0, registry.get("cls.producer.logs.pending").gauge().value());
            assertEquals(2, counter(registry, "cls.producer.requests"), "the 503 and its retry");
            assertEquals(1, counter(registry, "cls.producer.retries"));
            assertTrue(counter(registry, "cls.producer.bytes.raw") > 0);
            assertEquals(
                    8 << 20, registry.get("cls.producer.buffer.total").gauge().value());
            assertTrue(
                    registry.get("cls.producer.request.latency.max").timeGauge().value(TimeUnit.MILLISECONDS) > 0);

            server.enqueue(Fault.error(400, "InvalidContent", "rejected for the test"));
            producer.send(TOPIC, LogRecord.of(1_700_000_000_100L, "n", "bad"));
            producer.flush();
            Await.until("one failed", () -> counter(registry, "cls.producer.logs.failed") == 1);
            assertEquals(11, counter(registry, "cls.producer.logs.accepted"));
            assertEquals(0, counter(registry, "cls.producer.logs.expired"));

            for (Meter m : registry.getMeters()) {
                assertEquals("orders", m.getId().getTag("app"), m.getId().getName());
                assertTrue(
                        m.getId().getName().startsWith("cls.producer."),
                        m.getId().getName());
            }
            assertEquals(0, registry.get("cls.producer.spool.used").gauge().value(), "no spool");
            assertEquals(20, registry.getMeters().size(), "16, and 4 of the disk spool");
        }
    }

    private static double counter(SimpleMeterRegistry registry, String name) {
        return registry.get(name).functionCounter().count();
    }
}
