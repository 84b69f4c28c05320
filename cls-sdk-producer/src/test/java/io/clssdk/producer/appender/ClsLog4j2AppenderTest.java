package io.clssdk.producer.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedLog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ClsLog4j2Appender} configured from {@code appender/log4j2-cls.xml} (plugin found through Log4j2Plugins.dat,
 * no {@code packages} attribute) against a {@link FakeClsServer}.
 */
class ClsLog4j2AppenderTest {
    private static final String TOPIC = "7c1a1b3e-5a2f-4f43-9a3d-2b7c52a9e0d1";

    private FakeClsServer server;
    private LoggerContext context;
    private final List<String> statusErrors = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            if (data.getLevel().isMoreSpecificThan(Level.ERROR)) {
                statusErrors.add(data.getMessage().getFormattedMessage());
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.ERROR;
        }

        @Override
        public void close() {}
    };

    @BeforeEach
    void setUp() {
        server = FakeClsServer.start();
        System.setProperty("cls.test.endpoint", server.endpoint().url());
        System.setProperty("cls.test.secretId", FakeClsServer.SECRET_ID);
        System.setProperty("cls.test.secretKey", FakeClsServer.SECRET_KEY);
        System.setProperty("cls.test.topic", TOPIC);
        System.setProperty("cls.test.compression", "LZ4");
        StatusLogger.getLogger().registerListener(listener);
    }

    @AfterEach
    void tearDown() {
        StatusLogger.getLogger().removeListener(listener);
        ThreadContext.clearAll();
        if (context != null) {
            Configurator.shutdown(context);
        }
        for (String key : new String[] {"endpoint", "secretId", "secretKey", "topic", "compression"}) {
            System.clearProperty("cls.test." + key);
        }
        server.close();
    }

    @Test
    void eventFieldsThreadContextMarkersAndStaticFieldsArrive() throws Exception {
        Logger log = configure().getLogger("com.example.Orders");
        ThreadContext.put("traceId", "t-7");
        ThreadContext.put("__TIMESTAMP__", "from-context");
        ThreadContext.put("notListed", "left out by mdcKeys");
        log.warn(MarkerManager.getMarker("AUDIT"), "order {} shipped", 42);

        ReceivedLog got = awaitOne();
        ReceivedEvents.assertOrderShipped(
                got, ClsLog4j2AppenderTest.class, "eventFieldsThreadContextMarkersAndStaticFieldsArrive");
        assertEquals("t-7", got.field("traceId"));
        assertEquals("from-context", got.field("log__TIMESTAMP__"));
        assertNull(got.field("notListed"));
        assertEquals("from-config", got.field("log__FILENAME__"));
    }

    @Test
    void anExceptionArrivesWithItsWholeChainOfCauses() throws Exception {
        Logger log = configure().getLogger("com.example.Jobs");
        log.error(
                "job failed",
                new IllegalStateException("outer", new IOException("middle", new RuntimeException("root"))));

        String trace = awaitOne().field("throwable");
        assertTrue(trace.startsWith("java.lang.IllegalStateException: outer"), trace);
        assertTrue(trace.contains("Caused by: java.io.IOException: middle"), trace);
        assertTrue(trace.contains("Caused by: java.lang.RuntimeException: root"), trace);
    }

    @Test
    void theSdksOwnLoggersAreNotSent() throws Exception {
        LoggerContext ctx = configure();
        ctx.getLogger("io.clssdk.producer.SomeInternal").warn("sdk line");
        ctx.getLogger("com.example.App").info("app line");
        Await.until("the app line", () -> !server.logs(TOPIC).isEmpty());
        assertEquals(java.util.Collections.singletonList("app line"), messages());
    }

    @Test
    void stoppingTheContextDeliversWhatIsBuffered() throws Exception {
        LoggerContext ctx = configure();
        Logger log = ctx.getLogger("com.example.Shutdown");
        for (int i = 0; i < 100; i++) {
            log.info("bye-{}", i);
        }
        Configurator.shutdown(ctx);
        context = null;
        assertEquals(100, server.logs(TOPIC).size());
    }

    @Test
    void aBadSettingIsAStatusErrorNamingItAndNoAppenderIsCreated() throws Exception {
        System.setProperty("cls.test.compression", "zstd");
        LoggerContext ctx = configure();
        ctx.getLogger("com.example.App").info("still logging");
        assertNull(ctx.getConfiguration().getAppenders().get("CLS"));
        assertTrue(
                statusErrors.stream().anyMatch(e -> e.contains("not created") && e.contains("compression")),
                statusErrors.toString());
    }

    private LoggerContext configure() throws URISyntaxException {
        context = Configurator.initialize(
                "cls-" + System.nanoTime(),
                ClsLog4j2AppenderTest.class.getClassLoader(),
                ClsLog4j2AppenderTest.class
                        .getResource("/appender/log4j2-cls.xml")
                        .toURI());
        assertNotNull(context);
        return context;
    }

    private ReceivedLog awaitOne() {
        return ReceivedEvents.awaitOne(server, TOPIC);
    }

    private List<String> messages() {
        return ReceivedEvents.messages(server, TOPIC);
    }
}
