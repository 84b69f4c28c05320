package io.clssdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.testing.FakeCloudApi;
import io.clssdk.core.testing.FakeClsServer;
import java.util.Collections;
import java.util.List;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** Uploads and Cloud API calls through a real forward proxy on loopback, with and without its credentials. */
class HttpProxyTest {
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";
    private static final List<LogGroup> GROUPS = Collections.singletonList(
            LogGroup.of(Collections.singletonList(LogRecord.of(1_700_000_000_001L, "k", "v"))));

    private static ClsClient client(ClsEndpoint endpoint, HttpOptions options) {
        return ClsClient.builder()
                .endpoint(endpoint)
                .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                .httpOptions(options)
                .build();
    }

    @Test
    void uploadsGoThroughAnAuthenticatingProxyWithItsCredentialsUpFront() throws Exception {
        try (FakeClsServer server = FakeClsServer.start();
                ForwardProxy proxy = ForwardProxy.requiring("alice", "s3cret:pw");
                ClsClient client = client(
                        server.endpoint(),
                        HttpOptions.builder()
                                .proxy(proxy.address().withCredentials("alice", "s3cret:pw"))
                                .build())) {
            client.putLogs(TOPIC, GROUPS);
            client.putLogs(TOPIC, GROUPS);

            assertEquals(2, server.logCount(), "the fake endpoint verified and stored both uploads");
            assertEquals(2, proxy.forwarded.size());
            assertTrue(
                    proxy.forwarded
                            .get(0)
                            .startsWith(
                                    "POST http://127.0.0.1:" + server.endpoint().port() + "/"),
                    proxy.forwarded.get(0));
            assertEquals(0, proxy.challenges.get(), "credentials go with each request: no body is sent twice");
        }
    }

    @Test
    void refusedOrMissingProxyCredentialsFailRetryablyNamingTheProxyButNotThePassword() throws Exception {
        try (FakeClsServer server = FakeClsServer.start();
                ForwardProxy proxy = ForwardProxy.requiring("alice", "right");
                ClsClient wrong = client(
                        server.endpoint(),
                        HttpOptions.builder()
                                .proxy(proxy.address().withCredentials("alice", "wrong-password"))
                                .build());
                ClsClient none = client(
                        server.endpoint(),
                        HttpOptions.builder().proxy(proxy.address()).build())) {
            ClsClientException refused = assertThrows(ClsClientException.class, () -> wrong.putLogs(TOPIC, GROUPS));
            assertEquals(ClsClientException.Reason.IO, refused.reason());
            assertTrue(refused.retryable());
            assertTrue(
                    refused.getMessage().contains("127.0.0.1:" + proxy.address().port()), refused.getMessage());
            assertTrue(refused.getMessage().contains("refused the credentials of user alice"), refused.getMessage());
            assertFalse(refused.getMessage().contains("wrong-password"), refused.getMessage());

            ClsClientException missing = assertThrows(ClsClientException.class, () -> none.putLogs(TOPIC, GROUPS));
            assertTrue(missing.getMessage().contains("no proxy credentials are configured"), missing.getMessage());

            assertEquals(0, server.logCount());
            assertEquals(0, proxy.forwarded.size());
            assertTrue(proxy.challenges.get() >= 2);
        }
    }

    @Test
    void httpsGoesThroughAnAuthenticatedConnectTunnelWithCertificatesStillVerified() throws Exception {
        HeldCertificate certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName("127.0.0.1")
                .commonName("fake cls")
                .build();
        HandshakeCertificates serverCerts =
                new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate())
                .build();
        try (FakeClsServer server = FakeClsServer.builder()
                        .https(serverCerts.sslSocketFactory())
                        .start();
                ForwardProxy proxy = ForwardProxy.requiring("bob", "pw");
                ClsClient trusting = client(
                        server.endpoint(),
                        HttpOptions.builder()
                                .trustManager(trust.trustManager())
                                .proxy(proxy.address().withCredentials("bob", "pw"))
                                .build());
                ClsClient untrusting = client(
                        server.endpoint(),
                        HttpOptions.builder()
                                .proxy(proxy.address().withCredentials("bob", "pw"))
                                .build())) {
            trusting.putLogs(TOPIC, GROUPS);
            assertEquals(1, server.logCount());
            assertEquals("CONNECT 127.0.0.1:" + server.endpoint().port() + " HTTP/1.1", proxy.forwarded.get(0));

            ClsClientException e = assertThrows(ClsClientException.class, () -> untrusting.putLogs(TOPIC, GROUPS));
            assertEquals(ClsClientException.Reason.IO, e.reason());
            assertEquals(
                    1, server.logCount(), "a certificate the client does not trust is refused through a tunnel too");
        }
    }

    @Test
    void cloudApiCallsGoThroughTheProxy() throws Exception {
        try (FakeCloudApi api = FakeCloudApi.start();
                ForwardProxy proxy = ForwardProxy.requiring("carol", "pw");
                ClsApiClient client = ClsApiClient.builder()
                        .endpoint(api.endpoint())
                        .region("ap-guangzhou")
                        .credentials(CredentialsProvider.of(FakeCloudApi.credentials()))
                        .httpOptions(HttpOptions.builder()
                                .proxy(proxy.address().withCredentials("carol", "pw"))
                                .build())
                        .build()) {
            api.ok("\"TotalCount\": 0, \"Topics\": []");
            assertEquals(0, client.describeTopics(0, 20).totalCount());
            assertEquals("DescribeTopics", api.take().action());
            assertEquals(1, proxy.forwarded.size());
        }
    }

    @Test
    void proxyOptionsAreValidatedAndNeverShowThePassword() {
        assertThrows(IllegalArgumentException.class, () -> HttpProxy.of(" ", 8080));
        assertThrows(IllegalArgumentException.class, () -> HttpProxy.of("proxy", 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> HttpProxy.of("proxy", 8080).withCredentials("a:b", "pw"));
        HttpOptions options = HttpOptions.builder()
                .proxy(HttpProxy.of("proxy.corp", 3128).withCredentials("alice", "hunter2"))
                .build();
        assertFalse(options.toString().contains("hunter2"), options.toString());
        assertTrue(options.toString().contains("proxy.corp:3128"), options.toString());
        assertEquals(options.proxy(), options.toBuilder().build().proxy());
    }
}
