package io.clssdk.producer.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import io.clssdk.core.spi.Limits;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.producer.ProducerMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * {@link ClsLogbackAppender} configured from {@code appender/logback-cls.xml} against a {@link FakeClsServer}. Runs in
 * the surefire executions where logback is the only slf4j provider (once with the logback it is compiled against, once
 * with the newer line), so the SDK's own log lines reach logback as in an application.
 */
class ClsLogbackAppenderTest {
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";

    private FakeClsServer server;
    private LoggerContext context;
    private final Map<String, String> properties = new HashMap<>();

    @BeforeEach
    void setUp() {
        server = FakeClsServer.start();
        properties.clear();
        properties.put("CLS_ENDPOINT", server.endpoint().url());
        properties.put("CLS_SECRET_ID", FakeClsServer.SECRET_ID);
        properties.put("CLS_SECRET_KEY", FakeClsServer.SECRET_KEY);
        properties.put("CLS_TOPIC", TOPIC);
    }

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (context != null) {
            context.reset();
        }
        server.close();
    }

    @Test
    void runsOnTheLogbackVersionThisExecutionExpects() {
        String expected = System.getProperty("expected.logback.version");
        assertNotNull(expected, "set by the surefire execution");
        assertEquals(expected, LoggerContext.class.getPackage().getImplementationVersion());
    }

    @Test
    void eventFieldsMdcMarkersAndStaticFieldsArrive() throws Exception {
        Logger log = configure().getLogger("com.example.Orders");
        MDC.put("traceId", "t-42");
        MDC.put("__TIMESTAMP__", "from-mdc");
        MDC.put("", "empty-key");
        long before = System.currentTimeMillis();
        log.warn(MarkerFactory.getMarker("AUDIT"), "order {} shipped", 42);
        long after = System.currentTimeMillis();

        ReceivedLog got = awaitOne();
        ReceivedEvents.assertOrderShipped(
                got, ClsLogbackAppenderTest.class, "eventFieldsMdcMarkersAndStaticFieldsArrive");
        assertEquals("t-42", got.field("traceId"));
        assertEquals("from-mdc", got.field("log__TIMESTAMP__"), "reserved key renamed, event kept");
        assertEquals("empty-key", got.field("log"));
        assertEquals("from-config", got.field("log__TOPICID__"));
        assertNull(got.field("throwable"));
        assertTrue(got.timeMs() >= before && got.timeMs() <= after, "the event's time, in ms");
    }

    @Test
    void anExceptionArrivesWithItsWholeChainOfCauses() throws Exception {
        Logger log = configure().getLogger("com.example.Jobs");
        Exception root = new IllegalArgumentException("root cause");
        log.error("job failed", new IllegalStateException("outer", new IOException("middle", root)));

        String trace = awaitOne().field("throwable");
        assertTrue(trace.startsWith("java.lang.IllegalStateException: outer"), trace);
        assertTrue(trace.contains("Caused by: java.io.IOException: middle"), trace);
        assertTrue(trace.contains("Caused by: java.lang.IllegalArgumentException: root cause"), trace);
        assertTrue(trace.contains("at " + ClsLogbackAppenderTest.class.getName()), trace);
    }

    @Test
    void aValueOfExactlyOneMibArrivesWholeAndALongerOneIsCutToTheLimit() throws Exception {
        Logger log = configure().getLogger("com.example.Big");
        String exact = repeat('a', Limits.MAX_VALUE_BYTES);
        String over = repeat('b', Limits.MAX_VALUE_BYTES - 1) + "\u00e9"; // one byte over: é is 2 bytes
        log.info(exact);
        log.info(over);

        Await.until("both big events", () -> server.logs(TOPIC).size() == 2);
        // Each travels alone (larger than a batch), so they may arrive in either order.
        Map<Character, String> byFirstChar = new HashMap<>();
        for (String m : messages()) {
            byFirstChar.put(m.charAt(0), m);
        }
        assertTrue(exact.equals(byFirstChar.get('a')), "the value of exactly 1 MiB arrives whole");
        String cut = byFirstChar.get('b');
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= Limits.MAX_VALUE_BYTES, "cut to the limit");
        assertTrue(cut.startsWith("bbbb"));
        String tail = cut.substring(cut.length() - 60);
        assertTrue(tail.endsWith(RecordFields.CUT_MARK + over.length() + " chars]"), tail);
    }

    @Test
    void anOutageDropsAndCountsWithoutBlockingAndLosesNothingElse() throws Exception {
        properties.put("CLS_MAX_BATCH_BYTES", "16384");
        properties.put("CLS_TOTAL_BUFFER_BYTES", "65536");
        LoggerContext ctx = configure();
        Logger log = ctx.getLogger("com.example.Outage");
        ClsLogbackAppender appender = appender(ctx);
        server.failRandomly(1.0, 7, Fault.error(503, "ServiceUnavailable", "down for the test"));

        // maxBlockMs is 0: with every upload failing the buffer fills and append drops instead of waiting. Log until
        // events were dropped and the producer has retried a failed upload.
        ProducerMetrics[] metrics = {appender.sink().producer().metrics()};
        int during = 0;
        while (appender.droppedEvents() < 50 || metrics[0].retries() == 0) {
            log.info("during-{} {}", during++, repeat('x', 200));
            metrics[0] = appender.sink().producer().metrics();
            assertTrue(during < 10_000_000, "no drop or no retry after ten million events");
        }
        server.clearFaults();
        int logged = during;
        Await.until(
                "every event not dropped during the outage stored",
                () -> received("during-") + appender.droppedEvents() == logged
                        && appender.sink().producer().metrics().pending() == 0);
        assertEquals(0, appender.failedEvents());

        long dropped = appender.droppedEvents();
        for (int i = 0; i < 20; i++) {
            log.info("after-{} {}", i, repeat('y', 200));
        }
        Await.until("every event after the outage", () -> received("after-") == 20);
        assertEquals(dropped, appender.droppedEvents(), "nothing dropped after the recovery");
        assertEquals(logged, received("during-") + dropped, "each event stored once or counted as dropped");
        assertTrue(statuses(ctx, Status.WARN).stream().anyMatch(s -> s.contains("dropped")), "status warning");
    }

    @Test
    void theSdksOwnLogLinesNeverReachCls() throws Exception {
        LoggerContext ctx = configure();
        server.failRandomly(1.0, 3, Fault.error(500, "InternalError", "retry me"));
        ctx.getLogger("com.example.App").info("app line");
        LoggerFactory.getLogger("io.clssdk.producer.SomeInternal").warn("sdk line");
        Await.until("an upload attempt", () -> server.requestCount() > 0);
        server.clearFaults();
        Await.until("the app line", () -> messages().contains("app line"));

        ListAppender<ILoggingEvent> all = listAppender(ctx);
        assertTrue(all.list.stream().anyMatch(e -> e.getLoggerName().startsWith("io.clssdk.")), "SDK lines logged");
        for (ReceivedLog got : server.logs(TOPIC)) {
            assertFalse(got.field("logger").startsWith("io.clssdk."), got.toString());
        }
    }

    @Test
    void anArgumentThatLogsWhileFormattedDoesNotLoop() throws Exception {
        Logger log = configure().getLogger("com.example.Reentrant");
        Object logsWhenPrinted = new Object() {
            @Override
            public String toString() {
                log.info("inner");
                return "arg";
            }
        };
        log.info("outer {}", logsWhenPrinted);
        Await.until("the outer event", () -> messages().contains("outer arg"));
    }

    @Test
    void stopDeliversWhatIsBuffered() throws Exception {
        properties.put("CLS_LINGER_MS", "60000"); // nothing leaves before stop()
        LoggerContext ctx = configure();
        Logger log = ctx.getLogger("com.example.Shutdown");
        for (int i = 0; i < 100; i++) {
            log.info("bye-{}", i);
        }
        assertEquals(0, server.logCount());
        ctx.stop();
        assertEquals(100, server.logs(TOPIC).size());
    }

    @Test
    void aBadSettingIsAStatusErrorNamingItAndTheApplicationGoesOn() throws Exception {
        String[][] cases = {
            {"CLS_COMPRESSION", "zstd", "compression"},
            {"CLS_MAX_BATCH_BYTES", "10", "maxBatchBytes"},
            {"CLS_TOPIC", "has space", "topicId"},
            {"CLS_ENDPOINT", "ftp://example.com", "endpoint"},
        };
        for (String[] bad : cases) {
            setUp();
            properties.put(bad[0], bad[1]);
            LoggerContext ctx = configure();
            ctx.getLogger("com.example.App").info("still logging");
            List<String> errors = statuses(ctx, Status.ERROR);
            assertTrue(
                    errors.stream().anyMatch(e -> e.contains("not started") && e.contains(bad[2])),
                    bad[2] + ": " + errors);
            assertFalse(appender(ctx).isStarted());
            server.close();
        }
    }

    private LoggerContext configure() throws JoranException {
        context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ClsLogbackAppenderTest.class.getResource("/appender/logback-cls.xml"));
        return context;
    }

    private static ClsLogbackAppender appender(LoggerContext ctx) {
        return (ClsLogbackAppender)
                ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CLS");
    }

    @SuppressWarnings("unchecked")
    private static ListAppender<ILoggingEvent> listAppender(LoggerContext ctx) {
        return (ListAppender<ILoggingEvent>)
                ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("LIST");
    }

    private static List<String> statuses(LoggerContext ctx, int level) {
        return ctx.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == level)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    private ReceivedLog awaitOne() {
        return ReceivedEvents.awaitOne(server, TOPIC);
    }

    /** Distinct events stored whose message starts with {@code prefix} (an id, a space and padding). */
    private long received(String prefix) {
        return messages().stream()
                .filter(m -> m.startsWith(prefix))
                .map(m -> m.substring(0, m.indexOf(' ')))
                .distinct()
                .count();
    }

    private List<String> messages() {
        return ReceivedEvents.messages(server, TOPIC);
    }

    static String repeat(char c, int n) {
        char[] chars = new char[n];
        java.util.Arrays.fill(chars, c);
        return new String(chars);
    }
}
