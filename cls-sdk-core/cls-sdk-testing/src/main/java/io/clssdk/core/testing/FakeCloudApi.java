package io.clssdk.core.testing;

import io.clssdk.core.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/**
 * A scripted Cloud API 3.0 endpoint on 127.0.0.1 for tests: answers are queued in order, and every request taken with
 * {@link #take()} has had its method, path, content type, version header and TC3 signature checked (the signature by
 * {@link Tc3Verifier}, independently of the SDK's signer).
 *
 * <p>Point a {@code ClsApiClient} at {@link #endpoint()} with {@link #credentials()}, queue the answers the test needs
 * with {@link #ok}, {@link #error} or {@link #raw}, call the client, then {@link #take()} each request to check what was
 * sent. Thread-safe; {@link #close()} stops the server.
 */
public final class FakeCloudApi implements AutoCloseable {
    /** The SecretId whose signatures {@link #take()} verifies. */
    public static final String SECRET_ID = "AKIDc9YlmrBcFk4C8sbmXQ8i65XXXXXXXXXX";
    /** The SecretKey matching {@link #SECRET_ID}. Tests scan their output for it to prove it never leaks. */
    public static final String SECRET_KEY = "LUSE4nPK1d4tX5SHyXv6tZXXXXXXXXXX";
    /** The {@code Content-Type} every Cloud API request must carry (and sign). */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger answers = new AtomicInteger();

    private FakeCloudApi() {}

    /** Starts a server on an ephemeral port of 127.0.0.1. */
    public static FakeCloudApi start() {
        FakeCloudApi api = new FakeCloudApi();
        try {
            api.server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return api;
    }

    /** Credentials this endpoint verifies signatures with. */
    public static Credentials credentials() {
        return Credentials.of(SECRET_ID, SECRET_KEY);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return "http://" + hostHeader();
    }

    /** The {@code Host} header clients send (and sign). */
    public String hostHeader() {
        return "127.0.0.1:" + server.getPort();
    }

    /**
     * Queues a success: {@code {"Response":{<members>,"RequestId":"req-<n>"}}}.
     *
     * @param members the members of {@code Response} as JSON text without braces, e.g. {@code "TopicId":"t"}; may be
     *     empty
     */
    public FakeCloudApi ok(String members) {
        String id = "req-" + answers.incrementAndGet();
        String inner = members.isEmpty() ? "" : members + ",";
        return raw(200, "{\"Response\":{" + inner + "\"RequestId\":\"" + id + "\"}}");
    }

    /** Queues an API error carried, as CLS does, by an HTTP 200 answer. */
    public FakeCloudApi error(String code, String message) {
        String id = "req-" + answers.incrementAndGet();
        return raw(
                200,
                "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"},\"RequestId\":\""
                        + id + "\"}}");
    }

    /** Queues any answer (status and body text) with a JSON content type. */
    public FakeCloudApi raw(int status, String body) {
        return raw(status, "application/json", body);
    }

    /** Queues any answer: status, {@code Content-Type} and body text. */
    public FakeCloudApi raw(int status, String contentType, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", contentType)
                .body(body)
                .build());
        return this;
    }

    /** Requests received so far. */
    public int requestCount() {
        return server.getRequestCount();
    }

    /**
     * The next request, after checking its framing and signature.
     *
     * @throws AssertionError if none arrives within 5 s or a check fails
     */
    public ApiRequest take() {
        RecordedRequest request;
        try {
            request = server.takeRequest(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (request == null) {
            throw new AssertionError("no request arrived");
        }
        ByteString body = request.getBody() == null ? ByteString.EMPTY : request.getBody();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.getHeaders().names()) {
            headers.put(
                    name.toLowerCase(java.util.Locale.ROOT),
                    request.getHeaders().get(name));
        }
        ApiRequest taken = new ApiRequest(headers, body.string(StandardCharsets.UTF_8));
        check("POST".equals(request.getMethod()), "method " + request.getMethod());
        check(
                "/".equals(request.getUrl().encodedPath()),
                "path " + request.getUrl().encodedPath());
        check(
                request.getUrl().encodedQuery() == null,
                "query " + request.getUrl().encodedQuery());
        check(CONTENT_TYPE.equals(taken.header("Content-Type")), "Content-Type " + taken.header("Content-Type"));
        check(hostHeader().equals(taken.header("Host")), "Host " + taken.header("Host"));
        check("2020-10-16".equals(taken.header("X-TC-Version")), "X-TC-Version " + taken.header("X-TC-Version"));
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Content-Type", CONTENT_TYPE);
        signed.put("Host", hostHeader());
        signed.put("X-TC-Action", String.valueOf(taken.action()));
        String expected = Tc3Verifier.authorization(
                SECRET_ID,
                SECRET_KEY,
                "cls",
                signed,
                Long.parseLong(taken.header("X-TC-Timestamp")),
                body.toByteArray());
        check(
                expected.equals(taken.header("Authorization")),
                "Authorization " + taken.header("Authorization") + " differs from the recomputed " + expected);
        return taken;
    }

    /** Stops the server; queued answers are dropped. */
    @Override
    public void close() {
        server.close();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("unexpected request: " + what);
        }
    }

    /** A received request: headers (names lower-cased) and the body text. */
    public static final class ApiRequest {
        private final Map<String, String> headers;
        private final String body;

        ApiRequest(Map<String, String> headers, String body) {
            this.headers = headers;
            this.body = body;
        }

        /** {@code X-TC-Action}. */
        public String action() {
            return header("X-TC-Action");
        }

        /** A header value, name case-insensitive, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** The exact body text. */
        public String body() {
            return body;
        }
    }
}
