package io.clssdk.producer.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedLog;
import java.util.List;
import java.util.stream.Collectors;

/** What both appender tests read from the {@link FakeClsServer}: events as they arrived, checked the same way. */
final class ReceivedEvents {
    private ReceivedEvents() {}

    /** Waits for the first log of {@code topic} and returns it. */
    static ReceivedLog awaitOne(FakeClsServer server, String topic) {
        Await.until("one log", () -> !server.logs(topic).isEmpty());
        return server.logs(topic).get(0);
    }

    /** The {@code message} fields of the logs stored so far, in arrival order. */
    static List<String> messages(FakeClsServer server, String topic) {
        return server.logs(topic).stream().map(l -> l.field("message")).collect(Collectors.toList());
    }

    /**
     * Checks the fields every event has, for {@code log.warn(AUDIT, "order {} shipped", 42)} logged by
     * {@code com.example.Orders} on this thread from {@code test.method}, with location asked for.
     */
    static void assertOrderShipped(ReceivedLog got, Class<?> test, String method) {
        assertEquals("WARN", got.field("level"));
        assertEquals("com.example.Orders", got.field("logger"));
        assertEquals(Thread.currentThread().getName(), got.field("thread"));
        assertEquals("order 42 shipped", got.field("message"));
        assertEquals("AUDIT", got.field("markers"));
        String location = got.field("location");
        assertTrue(
                location.startsWith(test.getName() + "." + method + "(" + test.getSimpleName() + ".java:"), location);
        assertEquals("test", got.field("env"));
        assertEquals("app-host-1", got.hostname());
    }
}
