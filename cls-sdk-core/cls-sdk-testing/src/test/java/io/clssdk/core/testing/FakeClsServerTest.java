package io.clssdk.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClient;
import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.Compression;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.LogGroup;
import io.clssdk.core.LogRecord;
import io.clssdk.core.PutLogsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake's own verifier, checked against the documented vector so it cannot share a bug with the signer. */
class FakeClsServerTest {
    private static final String AUTH_A = "q-sign-algorithm=sha1&q-ak=AKIDc9YlmrBcFk4C8sbmXQ8i65XXXXXXXXXX"
            + "&q-sign-time=1700000000;1700000360&q-key-time=1700000000;1700000360&q-header-list=content-type;host"
            + "&q-url-param-list=topic_id&q-signature=1dbbc609ac91d27c956c186e1a4611d2f1c4cc4e";

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/x-protobuf");
        h.put("Host", "ap-guangzhou.cls.tencentcs.com");
        h.put("Authorization", AUTH_A);
        return h;
    }

    private static final Map<String, String> KEYS =
            Collections.singletonMap("AKIDc9YlmrBcFk4C8sbmXQ8i65XXXXXXXXXX", "LUSE4nPK1d4tX5SHyXv6tZXXXXXXXXXX");
    private static final Map<String, String> PARAMS =
            Collections.singletonMap("topic_id", "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5");

    @Test
    void verifierAcceptsTheDocumentedVectorInsideItsWindow() throws Exception {
        V1Verifier.verify(AUTH_A, "POST", "/structuredlog", PARAMS, headers(), KEYS, 1700000060L);
        V1Verifier.verify(AUTH_A, "POST", "/structuredlog", PARAMS, headers(), KEYS, 1700000360L);
    }

    @Test
    void verifierRejectsReplaysOutsideTheWindowAndTampering() {
        V1Verifier.Rejection late = assertThrows(
                V1Verifier.Rejection.class,
                () -> V1Verifier.verify(AUTH_A, "POST", "/structuredlog", PARAMS, headers(), KEYS, 1700000361L));
        assertEquals("AuthFailure.SignatureExpire", late.code);
        Map<String, String> otherHost = headers();
        otherHost.put("Host", "evil.example.com");
        V1Verifier.Rejection tampered = assertThrows(
                V1Verifier.Rejection.class,
                () -> V1Verifier.verify(AUTH_A, "POST", "/structuredlog", PARAMS, otherHost, KEYS, 1700000060L));
        assertEquals("AuthFailure.SignatureFailure", tampered.code);
        V1Verifier.Rejection otherTopic = assertThrows(
                V1Verifier.Rejection.class,
                () -> V1Verifier.verify(
                        AUTH_A,
                        "POST",
                        "/structuredlog",
                        Collections.singletonMap("topic_id", "other"),
                        headers(),
                        KEYS,
                        1700000060L));
        assertEquals("AuthFailure.SignatureFailure", otherTopic.code);
    }

    private static final List<LogGroup> ONE =
            Collections.singletonList(LogGroup.of(Collections.singletonList(LogRecord.of(1, "k", "v"))));

    private static ClsClient client(FakeClsServer server, Duration readTimeout) {
        return ClsClient.builder()
                .endpoint(server.endpoint())
                .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                .httpOptions(HttpOptions.builder().readTimeout(readTimeout).build())
                .build();
    }

    @Test
    void delayedAnswersArriveAfterTheDelay() {
        try (FakeClsServer server = FakeClsServer.start();
                ClsClient client = client(server, Duration.ofSeconds(5))) {
            server.enqueue(Fault.delay(Duration.ofMillis(300)));
            long start = System.nanoTime();
            client.putLogs("topic", ONE);
            assertTrue(System.nanoTime() - start >= 250_000_000L);
            assertEquals(1, server.logCount());
        }
    }

    @Test
    void droppingAfterStoringKeepsTheLogsButTheClientSeesAnError() {
        try (FakeClsServer server = FakeClsServer.start();
                ClsClient client = client(server, Duration.ofSeconds(5))) {
            server.enqueue(Fault.dropAfterStore());
            ClsClientException e = assertThrows(ClsClientException.class, () -> client.putLogs("topic", ONE));
            assertTrue(e.retryable());
            assertEquals(1, server.logCount());
            assertTrue(server.requests().get(0).stored());
        }
    }

    @Test
    void drippingBodiesTripTheReadTimeout() {
        try (FakeClsServer server = FakeClsServer.start();
                ClsClient client = client(server, Duration.ofMillis(200))) {
            server.enqueue(Fault.drip(Duration.ofMillis(500)));
            ClsClientException e = assertThrows(ClsClientException.class, () -> client.putLogs("topic", ONE));
            assertEquals(ClsClientException.Reason.TIMEOUT, e.reason());
        }
    }

    @Test
    void decodesBodiesThatCompressFarBetterThanEightToOne() {
        char[] fill = new char[900 * 1024];
        java.util.Arrays.fill(fill, 'a');
        List<LogGroup> big = new ArrayList<>();
        List<LogRecord> logs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            logs.add(LogRecord.of(i, "message", new String(fill)));
        }
        big.add(LogGroup.of(logs));
        for (Compression compression : new Compression[] {Compression.LZ4, Compression.DEFLATE}) {
            try (FakeClsServer server = FakeClsServer.start();
                    ClsClient client = client(server, Duration.ofSeconds(5))) {
                client.putLogs(
                        "topic",
                        big,
                        PutLogsOptions.builder().compression(compression).build());
                assertEquals(4, server.logCount(), compression.toString());
                assertTrue(server.rawBytes() > 100 * server.bodyBytes(), compression + ": a ratio over 100");
            }
        }
    }

    @Test
    void randomFailuresAreReproducibleFromTheSeed() {
        List<String> first = outcomes(42);
        List<String> second = outcomes(42);
        assertEquals(first, second);
        assertTrue(first.contains("ok") && first.stream().anyMatch(o -> !o.equals("ok")), first.toString());
        assertFalse(first.equals(outcomes(43)));
    }

    private static List<String> outcomes(long seed) {
        List<String> outcomes = new ArrayList<>();
        try (FakeClsServer server = FakeClsServer.start();
                ClsClient client = client(server, Duration.ofSeconds(5))) {
            server.failRandomly(0.5, seed, Fault.throttled(), Fault.error(500, "InternalError", "boom"));
            for (int i = 0; i < 30; i++) {
                try {
                    client.putLogs("topic", ONE);
                    outcomes.add("ok");
                } catch (ClsException e) {
                    outcomes.add(e.getMessage().contains("429") ? "429" : "500");
                }
            }
        }
        return outcomes;
    }

    @Test
    void aRuleRejectsTheWholeRequestCarryingAMatchingLogAndNothingElse() {
        try (FakeClsServer server = FakeClsServer.start();
                ClsClient client = client(server, Duration.ofSeconds(5))) {
            server.rejectRequestsWithLog(log -> "poison".equals(log.field("k")), 400, "InvalidParam");
            List<LogGroup> mixed = Collections.singletonList(
                    LogGroup.of(Arrays.asList(LogRecord.of(1, "k", "fine"), LogRecord.of(2, "k", "poison"))));
            ClsServiceException e = assertThrows(ClsServiceException.class, () -> client.putLogs("topic", mixed));
            assertEquals(400, e.httpStatus());
            assertEquals("InvalidParam", e.errorCode());
            assertEquals(0, server.logCount(), "no log of a rejected request is stored");
            assertEquals("InvalidParam", server.requests().get(0).errorCode());

            client.putLogs("topic", ONE);
            assertEquals(1, server.logCount(), "a request without a matching log is stored");

            server.clearFaults();
            client.putLogs("topic", mixed);
            assertEquals(3, server.logCount(), "clearFaults() drops the rule");
            assertThrows(IllegalArgumentException.class, () -> server.rejectRequestsWithLog(log -> true, 200, "Fine"));
        }
    }
}
