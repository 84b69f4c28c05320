package io.clssdk.core.spi;

import static io.clssdk.core.spi.ScriptedHttpServer.response;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.HttpProxy;
import io.clssdk.core.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ServerSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK's HTTP/1.1 client against a scripted server on loopback: framing, pooling, timeouts, TLS and proxies. */
class HttpTransportTest {
    private static final Map<String, String> HEADERS = Collections.singletonMap("Authorization", "secret-signature");
    private static final byte[] BODY = "--payload--".getBytes(StandardCharsets.UTF_8);

    /** Released at the end of each test: scripts that never answer wait on it. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseStalledScripts() {
        release.countDown();
    }

    private boolean stall() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static HttpResponse post(HttpTransport t, String url) {
        return t.post(url, HEADERS, "application/x-protobuf", BODY, 2, 7, 1024);
    }

    private static HttpOptions.Builder options() {
        return HttpOptions.builder();
    }

    @Test
    void sendsTheByteRangeWithItsHeadersAndReassemblesAChunkedAnswerOnOneConnection() throws Exception {
        String chunked = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n"
                + "x-a: 2\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: t\r\n\r\n";
        try (ScriptedHttpServer server = ScriptedHttpServer.start((r, out) -> {
                    out.write(chunked.getBytes(StandardCharsets.US_ASCII));
                    return true;
                });
                HttpTransport t = new HttpTransport(options().build())) {
            String url = server.url("http", "/structuredlog?topic_id=t 1");
            HttpResponse first = post(t, url);
            HttpResponse second = post(t, url);

            assertEquals(200, first.status());
            assertEquals("hello world", new String(first.body(), StandardCharsets.UTF_8));
            assertEquals("1", first.header("x-a"));
            assertArrayEquals(first.body(), second.body());
            assertEquals(1, server.connections.get(), "the second POST reused the connection");
            ScriptedHttpServer.Request r = server.requests.get(0);
            assertEquals("POST /structuredlog?topic_id=t%201 HTTP/1.1", r.line);
            assertEquals("127.0.0.1:" + server.port(), r.header("Host"));
            assertEquals("secret-signature", r.header("Authorization"));
            assertEquals("application/x-protobuf", r.header("Content-Type"));
            assertEquals("7", r.header("Content-Length"));
            assertEquals("payload", new String(r.body, StandardCharsets.UTF_8));
        }
    }

    @Test
    void keepsAtMostMaxBodyBytesDrainingShortRestsAndClosingOnLongOnes() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < ResponseReader.MAX_DISCARD_BYTES / 5; i++) {
            big.append("0123456789");
        }
        try (ScriptedHttpServer server = ScriptedHttpServer.start((r, out) -> {
                    out.write(response(500, r.line.contains("big") ? big.toString() : "0123456789abcdef"));
                    return true;
                });
                HttpTransport t = new HttpTransport(options().build())) {
            HttpResponse small = t.post(server.url("http", "/"), HEADERS, "text/plain", BODY, 0, 0, 10);
            assertEquals("0123456789", new String(small.body(), StandardCharsets.UTF_8));
            t.post(server.url("http", "/"), HEADERS, "text/plain", BODY, 0, 0, 10);
            assertEquals(1, server.connections.get(), "a short rest is drained and the connection kept");

            HttpResponse cut = t.post(server.url("http", "/big"), HEADERS, "text/plain", BODY, 0, 0, 10);
            assertEquals(10, cut.body().length);
            t.post(server.url("http", "/"), HEADERS, "text/plain", BODY, 0, 0, 10);
            assertEquals(2, server.connections.get(), "a long unread rest closes the connection");
        }
    }

    @Test
    void connectionCloseAndHttp10AnswersAreNotPooledAndEmptyBodiesShareOneArray() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start((r, out) -> {
                    if (r.line.contains("close")) {
                        out.write(response(200, "", "Connection: close"));
                    } else {
                        out.write("HTTP/1.0 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    return true; // the server would keep it: the client must not
                });
                HttpTransport t = new HttpTransport(options().build())) {
            HttpResponse a = post(t, server.url("http", "/close"));
            HttpResponse b = post(t, server.url("http", "/http10"));
            HttpResponse c = post(t, server.url("http", "/http10"));
            assertEquals(3, server.connections.get());
            assertEquals(204, b.status());
            assertSame(a.body(), c.body());
            assertEquals(0, a.body().length);
            assertEquals(0, t.idleConnections());
        }
    }

    @Test
    void anIdleConnectionTheServerClosedIsProbedAndReplaced() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start((r, out) -> {
                    out.write(response(200, "ok"));
                    return false; // closes after each answer without saying so
                });
                HttpTransport probing = new HttpTransport(options().build(), 0);
                HttpTransport trusting = new HttpTransport(options().build(), Long.MAX_VALUE)) {
            String url = server.url("http", "/");
            assertEquals(200, post(probing, url).status());
            Await.until("the server closed the first connection", () -> server.closed.get() == 1);
            assertEquals(200, post(probing, url).status(), "the probe found it closed: a new connection");
            assertEquals(2, server.connections.get());

            assertEquals(200, post(trusting, url).status());
            Await.until("the server closed the third connection", () -> server.closed.get() == 3);
            ClsClientException e = assertThrows(ClsClientException.class, () -> post(trusting, url));
            assertEquals(ClsClientException.Reason.IO, e.reason(), "reusing a dead connection is an I/O failure");
            assertTrue(e.getMessage().startsWith("POST " + url + " failed: "), e.getMessage());
            assertFalse(e.getMessage().contains("secret-signature"), e.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersHitsTheReadTimeout() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start((r, out) -> stall());
                HttpTransport t = new HttpTransport(
                        options().readTimeout(Duration.ofMillis(200)).build())) {
            ClsClientException e = assertThrows(ClsClientException.class, () -> post(t, server.url("http", "/")));
            assertEquals(ClsClientException.Reason.TIMEOUT, e.reason());
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        }
    }

    @Test
    void aSlowDripIsCutByTheCallTimeout() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start((r, out) -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 1_000_000 && release.getCount() > 0; i++) {
                        out.write('x');
                        out.flush();
                        // pacing the drip (each byte well within the read timeout), not waiting for a condition
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                    }
                    return false;
                });
                HttpTransport t = new HttpTransport(options()
                        .readTimeout(Duration.ofSeconds(20))
                        .callTimeout(Duration.ofMillis(500))
                        .build())) {
            ClsClientException e = assertThrows(ClsClientException.class, () -> post(t, server.url("http", "/")));
            assertEquals(ClsClientException.Reason.TIMEOUT, e.reason());
            assertTrue(e.getMessage().contains("call timeout"), e.getMessage());
        }
    }

    @Test
    void aPeerThatStopsReadingHitsTheWriteTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                HttpTransport t = new HttpTransport(
                        options().writeTimeout(Duration.ofMillis(300)).build())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept(); // and never read
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] huge = new byte[64 << 20];
            ClsClientException e = assertThrows(
                    ClsClientException.class,
                    () -> t.post(
                            "http://127.0.0.1:" + silent.getLocalPort() + "/",
                            HEADERS,
                            "a/b",
                            huge,
                            0,
                            huge.length,
                            10));
            assertEquals(ClsClientException.Reason.TIMEOUT, e.reason());
            assertTrue(e.getMessage().contains("write timeout"), e.getMessage());
            accepted.get(10, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void cancelAllAndInterruptsStopCallsInProgress() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start((r, out) -> stall());
                HttpTransport t = new HttpTransport(options().build())) {
            String url = server.url("http", "/");
            CompletableFuture<ClsClientException> canceled = failureOf(t, url);
            Await.until("the first request arrived", () -> server.requests.size() == 1);
            t.cancelAll();
            ClsClientException c = canceled.get(10, TimeUnit.SECONDS);
            assertEquals(ClsClientException.Reason.IO, c.reason());
            assertTrue(c.getMessage().startsWith("POST " + url + " failed: canceled"), c.getMessage());

            CompletableFuture<ClsClientException> interrupted = new CompletableFuture<>();
            Thread caller = new Thread(() -> {
                try {
                    post(t, url);
                } catch (ClsClientException e) {
                    interrupted.complete(e);
                }
                interrupted.complete(null);
            });
            caller.start();
            Await.until("the second request arrived", () -> server.requests.size() == 2);
            caller.interrupt();
            assertEquals(
                    ClsClientException.Reason.INTERRUPTED,
                    interrupted.get(10, TimeUnit.SECONDS).reason());
            caller.join();
        }
    }

    private static CompletableFuture<ClsClientException> failureOf(HttpTransport t, String url) {
        return CompletableFuture.supplyAsync(() -> assertThrows(ClsClientException.class, () -> post(t, url)));
    }

    @Test
    void httpsVerifiesTheCertificateAndTheHostName() throws Exception {
        HeldCertificate ip = new HeldCertificate.Builder()
                .addSubjectAlternativeName("127.0.0.1")
                .commonName("loopback")
                .build();
        HeldCertificate otherName = new HeldCertificate.Builder()
                .addSubjectAlternativeName("cls.example.com")
                .commonName("cls.example.com")
                .build();
        HandshakeCertificates trustBoth = new HandshakeCertificates.Builder()
                .addTrustedCertificate(ip.certificate())
                .addTrustedCertificate(otherName.certificate())
                .build();
        ScriptedHttpServer.Script ok = (r, out) -> {
            out.write(response(200, "tls"));
            return true;
        };
        try (ScriptedHttpServer server = ScriptedHttpServer.start(serverSockets(ip), ok);
                ScriptedHttpServer misnamed = ScriptedHttpServer.start(serverSockets(otherName), ok);
                HttpTransport trusting = new HttpTransport(
                        options().trustManager(trustBoth.trustManager()).build());
                HttpTransport defaults = new HttpTransport(options().build())) {
            HttpResponse r = post(trusting, server.url("https", "/"));
            assertEquals("tls", new String(r.body(), StandardCharsets.UTF_8));
            post(trusting, server.url("https", "/"));
            assertEquals(1, server.connections.get(), "TLS connections are pooled too");

            ClsClientException untrusted =
                    assertThrows(ClsClientException.class, () -> post(defaults, server.url("https", "/")));
            assertEquals(ClsClientException.Reason.IO, untrusted.reason());
            ClsClientException wrongHost =
                    assertThrows(ClsClientException.class, () -> post(trusting, misnamed.url("https", "/")));
            assertEquals(ClsClientException.Reason.IO, wrongHost.reason());
            assertEquals(2, server.requests.size() + misnamed.requests.size(), "nothing was sent unverified");
        }
    }

    private static ServerSocketFactory serverSockets(HeldCertificate certificate) {
        return new HandshakeCertificates.Builder()
                .heldCertificate(certificate)
                .build()
                .sslContext()
                .getServerSocketFactory();
    }

    @Test
    void plainHttpGoesToTheProxyInAbsoluteFormWithItsCredentialsUpFront() throws Exception {
        try (ScriptedHttpServer proxy = ScriptedHttpServer.start((r, out) -> {
                    out.write(response(200, "via proxy"));
                    return true;
                });
                HttpTransport t = new HttpTransport(options()
                        .proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials("alice", "pässword"))
                        .build())) {
            HttpResponse r = post(t, "http://cls.example.com:8080/structuredlog?topic_id=x");
            assertEquals("via proxy", new String(r.body(), StandardCharsets.UTF_8));
            ScriptedHttpServer.Request seen = proxy.requests.get(0);
            assertEquals("POST http://cls.example.com:8080/structuredlog?topic_id=x HTTP/1.1", seen.line);
            assertEquals(HttpRoute.basic("alice", "pässword"), seen.header("Proxy-Authorization"));
            assertEquals(
                    "Basic YWxpY2U6cMOkc3N3b3Jk", seen.header("Proxy-Authorization"), "Base64 of UTF-8 user:password");
        }
    }

    @Test
    void aRefusedOrFailedConnectNamesTheProxyButNeverThePassword() throws Exception {
        try (ScriptedHttpServer proxy = ScriptedHttpServer.start((r, out) -> {
                    out.write(response(r.header("Proxy-Authorization") == null ? 403 : 407, "no"));
                    return true;
                });
                HttpTransport withCredentials = new HttpTransport(options()
                        .proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials("bob", "hunter2"))
                        .build());
                HttpTransport without = new HttpTransport(
                        options().proxy(HttpProxy.of("127.0.0.1", proxy.port())).build())) {
            ClsClientException refused =
                    assertThrows(ClsClientException.class, () -> post(withCredentials, "https://cls.example.com/x"));
            assertEquals(ClsClientException.Reason.IO, refused.reason());
            assertTrue(refused.getMessage().contains("127.0.0.1:" + proxy.port()), refused.getMessage());
            assertTrue(refused.getMessage().contains("refused the credentials of user bob"), refused.getMessage());
            assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
            assertEquals("CONNECT cls.example.com:443 HTTP/1.1", proxy.requests.get(0).line);

            ClsClientException forbidden =
                    assertThrows(ClsClientException.class, () -> post(without, "https://cls.example.com/x"));
            assertEquals(ClsClientException.Reason.IO, forbidden.reason());
            assertTrue(forbidden.getMessage().contains("answered 403 to CONNECT"), forbidden.getMessage());
            assertNull(proxy.requests.get(1).header("Proxy-Authorization"));
        }
    }

    @Test
    void aHeaderValueThatCouldSplitTheRequestIsRefusedWithoutShowingIt() throws Exception {
        try (ScriptedHttpServer server = ScriptedHttpServer.start((r, out) -> {
                    out.write(response(200, ""));
                    return true;
                });
                HttpTransport t = new HttpTransport(options().build())) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> t.post(
                            server.url("http", "/"),
                            Collections.singletonMap("Authorization", "sig\r\nX-Evil: 1"),
                            "a/b",
                            BODY,
                            0,
                            1,
                            10));
            assertTrue(e.getMessage().contains("Authorization"), e.getMessage());
            assertFalse(e.getMessage().contains("sig"), e.getMessage());
            // a char whose low byte is a line feed (U+010A) must not slip through as one
            for (Map<String, String> bad : Arrays.asList(
                    Collections.singletonMap("X-A", "v\u010aX-Evil: 1"), Collections.singletonMap("X-\u010a", "v"))) {
                assertThrows(
                        IllegalArgumentException.class,
                        () -> t.post(server.url("http", "/"), bad, "a/b", BODY, 0, 1, 10),
                        bad.toString());
            }
            assertEquals(200, post(t, server.url("http", "/")).status(), "the transport still works");
            assertEquals(1, server.requests.size());
        }
    }
}
