package io.clssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.SendResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every example that needs no account runs here, against the embedded local CLS endpoint, and must succeed. */
class ExamplesRunOfflineTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true);

    private String output() {
        return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theDemoDeliversEveryLogThroughTheTailerAndTheProducer() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put(Demo.ENTRIES, "3000");
        env.put(Demo.APP_LOGS, "1000");
        assertEquals(0, Demo.run(env, out), output());
        String report = output();
        assertTrue(report.contains("all 4,000 logs arrived."), report);
        assertTrue(report.contains("app.log.1"), "the rotated file is listed: " + report);
        assertTrue(report.contains("java.lang.IllegalStateException"), "a stack trace sample: " + report);
    }

    @Test
    void theProducerQuickstartRuns() {
        assertEquals(0, ProducerQuickstart.run(Collections.<String, String>emptyMap(), out), output());
        assertTrue(output().contains("last log: delivered"), output());
    }

    @Test
    void theProducerInAServiceCheckpointsAndShutsDownCleanly() {
        assertEquals(0, ProducerInAService.run(Collections.<String, String>emptyMap(), out), output());
        assertTrue(output().contains("batch 4 checkpointed"), output());
    }

    @Test
    void theTailerInAServiceShipsTheAccessLogFromAJsonConfig() throws Exception {
        assertEquals(0, TailerInAService.run(Collections.<String, String>emptyMap(), out), output());
        assertTrue(output().contains("filtered=100"), output());
    }

    @Test
    void theLocalEndpointAcceptsItsKeyPairAndPrintsWhatArrives() {
        try (FakeClsServer server = LocalEndpoint.start(0)) {
            ClsEndpoint endpoint = server.endpoint();
            try (ClsProducer producer = ClsProducer.builder()
                    .endpoint(endpoint)
                    .credentials(
                            CredentialsProvider.of(Credentials.of(LocalEndpoint.SECRET_ID, LocalEndpoint.SECRET_KEY)))
                    .build()) {
                SendResult result = producer.send(
                                "topic-1",
                                LogRecord.builder()
                                        .field("msg", "hello local endpoint")
                                        .build())
                        .join();
                assertTrue(result.success(), result.toString());
            }
            assertEquals(1, LocalEndpoint.print(server, out));
            assertTrue(output().contains("topic-1 - | msg=hello local endpoint"), output());
        }
    }
}
