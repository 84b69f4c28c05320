package io.clssdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.clssdk.core.internal.proto.ClsProto;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.core.testing.ReceivedRequest;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The synchronous client against the verifying fake endpoint over loopback. */
class ClsClientTest {
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private FakeClsServer server(FakeClsServer.Builder builder) {
        FakeClsServer s = builder.start();
        closeables.add(s);
        return s;
    }

    private ClsClient client(FakeClsServer server, Credentials credentials, HttpOptions options) {
        ClsClient c = ClsClient.builder()
                .endpoint(server.endpoint())
                .credentials(CredentialsProvider.of(credentials))
                .httpOptions(options)
                .build();
        closeables.add(c);
        return c;
    }

    private ClsClient client(FakeClsServer server) {
        return client(server, FakeClsServer.credentials(), HttpOptions.defaults());
    }

    private static List<LogGroup> sampleGroups() {
        LogGroup first = LogGroup.builder()
                .addRecord(LogRecord.of(1_700_000_000_001L, "level", "INFO", "message", "hello 日志 😀"))
                .addRecord(LogRecord.of(1_700_000_000_002L, "empty", "", "dup", "1", "dup", "2"))
                .source("10.0.0.7")
                .filename("/var/log/app.log")
                .hostname("web-1")
                .contextFlow("0123456789ABCDEF-2A")
                .tag("env", "prod")
                .build();
        LogGroup second = LogGroup.of(Collections.singletonList(LogRecord.of(5, "k", "v")));
        return Arrays.asList(first, second);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripReturnsExactlyTheLogsSent(Compression compression) {
        FakeClsServer server = server(FakeClsServer.builder());
        PutLogsResult result = client(server)
                .putLogs(
                        TOPIC,
                        sampleGroups(),
                        PutLogsOptions.builder().compression(compression).build());

        List<ReceivedLog> logs = server.logs(TOPIC);
        assertEquals(3, logs.size());
        ReceivedLog first = logs.get(0);
        assertEquals(1_700_000_000_001L, first.timeMs());
        assertEquals("hello 日志 😀", first.field("message"));
        assertEquals("10.0.0.7", first.source());
        assertEquals("/var/log/app.log", first.filename());
        assertEquals("web-1", first.hostname());
        assertEquals("0123456789ABCDEF-2A", first.contextFlow());
        assertEquals(Collections.singletonMap("env", "prod"), first.tags());
        ReceivedLog second = logs.get(1);
        assertEquals(3, second.fields().size());
        assertEquals("", second.field("empty"));
        assertEquals("2", second.fields().get(2).getValue());
        ReceivedLog third = logs.get(2);
        assertNull(third.source());
        assertNull(third.filename());

        ReceivedRequest request = server.requests().get(0);
        assertEquals(result.requestId(), request.requestId());
        assertEquals("application/x-protobuf", request.header("Content-Type"));
        assertEquals(compression.headerValue(), request.header("x-cls-compress-type"));
        assertNull(request.header("X-Cls-Token"));
        assertNull(request.header("x-cls-hashkey"));
        assertTrue(request.header("User-Agent").startsWith("cls-sdk-java/"));
        assertEquals(result.sentBytes(), request.bodyBytes());
        assertEquals(result.rawBytes(), request.rawBytes());
    }

    @Test
    void sessionTokenIsSentAndChecked() {
        FakeClsServer server = server(FakeClsServer.builder().credentials("AKIDsts", "stsKey", "the-token"));
        client(server, Credentials.of("AKIDsts", "stsKey", "the-token"), HttpOptions.defaults())
                .putLogs(TOPIC, sampleGroups());
        assertEquals("the-token", server.requests().get(0).header("X-Cls-Token"));

        ClsServiceException e = assertThrows(
                ClsServiceException.class,
                () -> client(server, Credentials.of("AKIDsts", "stsKey"), HttpOptions.defaults())
                        .putLogs(TOPIC, sampleGroups()));
        assertEquals(401, e.httpStatus());
        assertEquals("AuthFailure.TokenFailure", e.errorCode());
    }

    @Test
    void hashKeyIsSentAsHeader() {
        FakeClsServer server = server(FakeClsServer.builder());
        client(server)
                .putLogs(
                        TOPIC,
                        sampleGroups(),
                        PutLogsOptions.builder().hashKey("0a1b").build());
        assertEquals("0a1b", server.requests().get(0).header("x-cls-hashkey"));
    }

    @Test
    void wrongKeyIsRejected() {
        FakeClsServer server = server(FakeClsServer.builder());
        ClsServiceException e = assertThrows(
                ClsServiceException.class,
                () -> client(server, Credentials.of(FakeClsServer.SECRET_ID, "wrong-key"), HttpOptions.defaults())
                        .putLogs(TOPIC, sampleGroups()));
        assertEquals(401, e.httpStatus());
        assertEquals("AuthFailure.SignatureFailure", e.errorCode());
        assertFalse(e.retryable());
        assertEquals(0, server.logCount());
    }

    @Test
    void signatureOutsideTheWindowIsRejected() {
        long serverAhead = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
        FakeClsServer server = server(FakeClsServer.builder().clock(() -> serverAhead));
        ClsServiceException e =
                assertThrows(ClsServiceException.class, () -> client(server).putLogs(TOPIC, sampleGroups()));
        assertEquals("AuthFailure.SignatureExpire", e.errorCode());

        long serverBehind = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
        FakeClsServer behind = server(FakeClsServer.builder().clock(() -> serverBehind));
        e = assertThrows(ClsServiceException.class, () -> client(behind).putLogs(TOPIC, sampleGroups()));
        assertEquals("AuthFailure.SignatureExpire", e.errorCode());

        long slightlyBehind =
                System.currentTimeMillis() - Duration.ofSeconds(50).toMillis();
        FakeClsServer tolerated = server(FakeClsServer.builder().clock(() -> slightlyBehind));
        client(tolerated).putLogs(TOPIC, sampleGroups());
        assertEquals(3, tolerated.logCount());
    }

    @ParameterizedTest
    @CsvSource({
        "400, InvalidParam, false",
        "401, AuthFailure.SignatureExpire, false",
        "403, LogSizeExceed, false",
        "404, TopicNotExist, false",
        "413, ContentTooLarge, false",
        "429, SpeedQuotaExceed, true",
        "500, InternalError, true",
        "503, ServiceUnavailable, true"
    })
    void serviceErrorsAreMappedWithCodeMessageAndRequestId(int status, String code, boolean retryable) {
        FakeClsServer server = server(FakeClsServer.builder());
        server.enqueue(Fault.error(status, code, "detail for " + code));
        ClsServiceException e =
                assertThrows(ClsServiceException.class, () -> client(server).putLogs(TOPIC, sampleGroups()));
        assertEquals(status, e.httpStatus());
        assertEquals(code, e.errorCode());
        assertEquals("detail for " + code, e.errorMessage());
        assertEquals(server.requests().get(0).requestId(), e.requestId());
        assertEquals(retryable, e.retryable());
        assertTrue(e.getMessage().contains(String.valueOf(status))
                && e.getMessage().contains(code));
    }

    @Test
    void retryAfterIsExposed() {
        FakeClsServer server = server(FakeClsServer.builder());
        server.enqueue(Fault.throttled("7"), Fault.throttled());
        ClsServiceException hinted =
                assertThrows(ClsServiceException.class, () -> client(server).putLogs(TOPIC, sampleGroups()));
        assertEquals(Duration.ofSeconds(7), hinted.retryAfter());
        ClsServiceException plain =
                assertThrows(ClsServiceException.class, () -> client(server).putLogs(TOPIC, sampleGroups()));
        assertNull(plain.retryAfter());
    }

    @Test
    void malformedErrorBodiesStillGiveClearExceptions() {
        FakeClsServer server = server(FakeClsServer.builder());
        ClsClient client = client(server);
        server.enqueue(
                Fault.rawError(502, "text/html", "<html><body>Bad Gateway</body></html>"),
                Fault.rawError(500, "application/json", "{\"errorcode\":\"Intern"),
                Fault.rawError(503, null, null),
                Fault.rawError(400, "application/json", "{\"unexpected\":true}"));
        ClsServiceException html = assertThrows(ClsServiceException.class, () -> client.putLogs(TOPIC, sampleGroups()));
        assertNull(html.errorCode());
        assertTrue(html.getMessage().contains("unreadable error body (text/html"), html.getMessage());
        assertTrue(html.getMessage().contains("Bad Gateway"), html.getMessage());
        assertTrue(html.retryable());

        ClsServiceException truncated =
                assertThrows(ClsServiceException.class, () -> client.putLogs(TOPIC, sampleGroups()));
        assertTrue(truncated.getMessage().contains("{\"errorcode\":\"Intern"), truncated.getMessage());

        ClsServiceException empty =
                assertThrows(ClsServiceException.class, () -> client.putLogs(TOPIC, sampleGroups()));
        assertEquals("empty error body", empty.errorMessage());
        assertEquals(503, empty.httpStatus());

        ClsServiceException noCode =
                assertThrows(ClsServiceException.class, () -> client.putLogs(TOPIC, sampleGroups()));
        assertTrue(noCode.getMessage().contains("without errorcode"), noCode.getMessage());
    }

    @Test
    void aSuccessStatusWithoutTheRequestIdIsARetryableErrorAndNeverASuccess() {
        // a captive portal or proxy answering for the endpoint: CLS never saw the logs
        FakeClsServer server = server(FakeClsServer.builder());
        ClsClient client = client(server);
        server.enqueue(
                Fault.proxyAnswer(
                        200,
                        "text/html; charset=utf-8",
                        "<html><head><title>Guest Wi-Fi</title></head><body>Please log in to continue</body></html>"),
                Fault.proxyAnswer(204, null, null));
        ClsClientException portal = assertThrows(ClsClientException.class, () -> client.putLogs(TOPIC, sampleGroups()));
        assertEquals(ClsClientException.Reason.NOT_FROM_CLS, portal.reason());
        assertTrue(portal.retryable());
        String message = portal.getMessage();
        assertTrue(message.contains("HTTP 200 answer did not come from CLS (no x-cls-requestid header)"), message);
        assertTrue(message.contains("content type text/html; charset=utf-8"), message);
        assertTrue(message.contains("<title>Guest Wi-Fi</title>"), message);

        ClsClientException empty = assertThrows(ClsClientException.class, () -> client.putLogs(TOPIC, sampleGroups()));
        assertEquals(ClsClientException.Reason.NOT_FROM_CLS, empty.reason());
        assertTrue(empty.getMessage().contains("no content type and 0 body bytes"), empty.getMessage());
        assertEquals(0, server.logCount());

        PutLogsResult stored = client.putLogs(TOPIC, sampleGroups());
        assertEquals(server.requests().get(2).requestId(), stored.requestId());
        assertEquals(3, server.logCount());
    }

    @Test
    void unpairedSurrogatesAreReportedInTheResultAndStoredAsProtobufJavaSendsThem() {
        FakeClsServer server = server(FakeClsServer.builder());
        LogRecord record =
                LogRecord.of(1, "cut\uD83D", "emoji cut in half: \uDE00 and \uD83D", "ok", "日志 \uD83D\uDE00");
        PutLogsResult result = client(server)
                .putLogs(TOPIC, Collections.singletonList(LogGroup.of(Collections.singletonList(record))));
        assertEquals(3, result.surrogatesReplaced(), result.toString());
        assertEquals(0, server.invalidUtf8Values());
        ReceivedLog stored = server.logs().get(0);
        assertEquals(
                Arrays.asList(
                        new AbstractMap.SimpleImmutableEntry<>(
                                asProtobufJavaSendsIt("cut\uD83D"), asProtobufJavaSendsIt(record.value(0))),
                        new AbstractMap.SimpleImmutableEntry<>("ok", "日志 \uD83D\uDE00")),
                stored.fields());
        assertEquals("cut?", stored.fields().get(0).getKey());

        PutLogsResult clean = client(server).putLogs(TOPIC, sampleGroups());
        assertEquals(0, clean.surrogatesReplaced());
    }

    /** What protobuf-java's generated classes put on the wire for {@code s}, read back. */
    private static String asProtobufJavaSendsIt(String s) {
        try {
            byte[] wire = ClsProto.Log.Content.newBuilder()
                    .setKey("k")
                    .setValue(s)
                    .build()
                    .toByteArray();
            return ClsProto.Log.Content.parseFrom(wire).getValue();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readTimeoutIsARetryableClientError() {
        FakeClsServer server = server(FakeClsServer.builder());
        server.enqueue(Fault.stall(false));
        ClsClient client = client(
                server,
                FakeClsServer.credentials(),
                HttpOptions.builder().readTimeout(Duration.ofMillis(300)).build());
        ClsClientException e = assertThrows(ClsClientException.class, () -> client.putLogs(TOPIC, sampleGroups()));
        assertEquals(ClsClientException.Reason.TIMEOUT, e.reason());
        assertTrue(e.retryable());
    }

    @Test
    void connectionResetIsARetryableIoError() {
        FakeClsServer server = server(FakeClsServer.builder());
        server.enqueue(Fault.dropBeforeStore());
        ClsClientException e =
                assertThrows(ClsClientException.class, () -> client(server).putLogs(TOPIC, sampleGroups()));
        assertEquals(ClsClientException.Reason.IO, e.reason());
        assertTrue(e.retryable());
        assertEquals(0, server.logCount());
    }

    @Test
    void connectionRefusedIsAnIoError() throws Exception {
        FakeClsServer server = FakeClsServer.start();
        ClsEndpoint gone = server.endpoint();
        server.close();
        try (ClsClient client = ClsClient.builder()
                .endpoint(gone)
                .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                .build()) {
            ClsClientException e = assertThrows(ClsClientException.class, () -> client.putLogs(TOPIC, sampleGroups()));
            assertEquals(ClsClientException.Reason.IO, e.reason());
        }
    }

    @Test
    void httpsWithASelfSignedCertificateFailsByDefaultAndWorksWithItsTrustStore() {
        HeldCertificate certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName("127.0.0.1")
                .commonName("fake cls")
                .build();
        HandshakeCertificates serverCerts =
                new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        FakeClsServer server = server(FakeClsServer.builder().https(serverCerts.sslSocketFactory()));
        assertEquals("https", server.endpoint().scheme());

        ClsClientException e =
                assertThrows(ClsClientException.class, () -> client(server).putLogs(TOPIC, sampleGroups()));
        assertEquals(ClsClientException.Reason.IO, e.reason());
        assertTrue(e.getMessage().contains("SSL") || e.getMessage().contains("certification"), e.getMessage());
        assertEquals(0, server.logCount());

        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate())
                .build();
        client(
                        server,
                        FakeClsServer.credentials(),
                        HttpOptions.builder().trustManager(trust.trustManager()).build())
                .putLogs(TOPIC, sampleGroups());
        assertEquals(3, server.logCount());
    }

    @Test
    void invalidRequestsFailBeforeAnythingIsSent() {
        FakeClsServer server = server(FakeClsServer.builder());
        ClsClient client = client(server);
        ClsClientException blank = assertThrows(ClsClientException.class, () -> client.putLogs(" ", sampleGroups()));
        assertEquals(ClsClientException.Reason.INVALID_ARGUMENT, blank.reason());
        assertTrue(blank.getMessage().contains("topicId"));
        assertThrows(ClsClientException.class, () -> client.putLogs(TOPIC, Collections.emptyList()));
        assertThrows(
                ClsClientException.class,
                () -> PutLogsOptions.builder().hashKey("has space").build());
        assertEquals(0, server.requestCount());
    }

    @Test
    void closedClientRefusesWork() {
        FakeClsServer server = server(FakeClsServer.builder());
        ClsClient client = client(server);
        client.close();
        client.close();
        ClsClientException e = assertThrows(ClsClientException.class, () -> client.putLogs(TOPIC, sampleGroups()));
        assertEquals(ClsClientException.Reason.CLOSED, e.reason());
    }

    @Test
    void queryCarriesExactlyTheTopicId() {
        FakeClsServer server = server(FakeClsServer.builder());
        client(server).putLogs(TOPIC, sampleGroups());
        Map<String, String> headers = server.requests().get(0).headers();
        assertTrue(headers.get("Authorization").contains("&q-url-param-list=topic_id&"));
        assertTrue(headers.get("Authorization").contains("&q-header-list=content-type;host&"));
        assertFalse(headers.get("Authorization").contains(FakeClsServer.SECRET_KEY));
    }
}
