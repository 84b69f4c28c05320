package io.clssdk.core.testing;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/**
 * A local CLS upload endpoint on 127.0.0.1 for tests, the demo and benchmarks.
 *
 * <pre>{@code
 * try (FakeClsServer server = FakeClsServer.start();
 *      ClsClient client = ClsClient.builder()
 *              .endpoint(server.endpoint())
 *              .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
 *              .build()) {
 *     // ... code under test uploads through client (or a producer built the same way) ...
 *     assertEquals("order 42 shipped", server.logs().get(0).field("message"));
 * }
 * }</pre>
 *
 * <p>It behaves like {@code POST /structuredlog}: it verifies the v1 signature with its own verifier and its own copy
 * of the secret key, checks the signature window against its clock, the session token, the content and compression
 * headers, decompresses, parses the {@code LogGroupList} with the generated protobuf classes, enforces the CLS limits
 * and stores every log. Answers carry {@code x-cls-requestid}; errors carry the CLS JSON error body.
 *
 * <p>It can be scripted per request ({@link #enqueue}) or at random with a fixed seed ({@link #failRandomly}) to
 * answer errors, delay, drop connections before or after storing, stall or trickle, or to answer like a proxy in front
 * of it ({@link Fault#proxyAnswer}: no {@code x-cls-requestid}). Like CLS, it refuses a whole request for one bad log
 * (a reserved key, a value over 1 MiB: 400 {@code InvalidParam}; values over 5 MiB: 403 {@code LogSizeExceed}), and
 * {@link #rejectRequestsWithLog} adds rules of your own to test how your code handles such a log. Thread-safe.
 */
public final class FakeClsServer implements AutoCloseable {
    /** The SecretId every server accepts unless configured otherwise. */
    public static final String SECRET_ID = "AKIDfakeCLSserver0000000000000000000";
    /** The SecretKey matching {@link #SECRET_ID}. Tests scan their output for it to prove it never leaks. */
    public static final String SECRET_KEY = "fakeClsSecretKey-never-printed-0000";
    /**
     * A session token for tests of temporary credentials ({@code Builder.credentials(id, key, SESSION_TOKEN)}); like
     * {@link #SECRET_KEY}, it must never appear in any test output.
     */
    public static final String SESSION_TOKEN = "fakeClsSessionToken-never-printed-0000";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> secretKeys;
    private final Map<String, String> tokens;
    private final boolean keepLogs;
    private final boolean https;
    private final int port;
    private final FaultSchedule faults = new FaultSchedule();
    private final UploadCheck check;
    private final ConcurrentLinkedQueue<ReceivedLog> logs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicLong logCount = new AtomicLong();
    private final AtomicLong invalidUtf8Values = new AtomicLong();
    private final AtomicLong requestCount = new AtomicLong();
    private final AtomicLong rawBytes = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final AtomicLong nextRequestId = new AtomicLong();
    private ClsEndpoint endpoint;

    private FakeClsServer(Builder b) {
        this.secretKeys = new ConcurrentHashMap<>(b.secretKeys);
        this.tokens = new ConcurrentHashMap<>(b.tokens);
        this.check = new UploadCheck(
                secretKeys, tokens, b.nowMillis, b.verify, () -> endpoint.hostHeader(), faults, invalidUtf8Values);
        this.keepLogs = b.keepLogs;
        this.https = b.https != null;
        this.port = b.port;
        if (b.https != null) {
            server.useHttps(b.https);
        }
        server.setBodyLimit(Long.MAX_VALUE);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                drainRecordedRequests();
                return handle(request);
            }
        });
    }

    /** Starts a verifying server accepting {@link #SECRET_ID}/{@link #SECRET_KEY}. */
    public static FakeClsServer start() {
        return builder().start();
    }

    /** A builder for a server with other credentials, a test clock, https, or without verification or storage. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>} (https when started with a certificate). */
    public ClsEndpoint endpoint() {
        return endpoint;
    }

    /** Credentials for {@link #SECRET_ID} (without a token). */
    public static Credentials credentials() {
        return Credentials.of(SECRET_ID, SECRET_KEY);
    }

    /** Queues faults for the next requests, one each, before any random failure applies. */
    public void enqueue(Fault... faults) {
        this.faults.enqueue(faults);
    }

    /** From now on, each request fails with probability {@code rate} using one of {@code faults} (seeded). */
    public void failRandomly(double rate, long seed, Fault... faults) {
        this.faults.failRandomly(rate, seed, faults);
    }

    /**
     * From now on, rejects every request that carries a log matching {@code predicate}, as CLS rejects a whole request
     * for one log it refuses: the request is answered {@code status} with the CLS error body {@code errorCode} and none
     * of its logs is stored, whatever else it carries. A request with no such log is handled as before. Rules add up
     * (the first one that matches answers) and apply before scripted or random faults; {@link #clearFaults()} drops
     * them. The predicate runs on the server's thread, once per received log, and must not block.
     *
     * <pre>{@code
     * server.rejectRequestsWithLog(log -> "poison".equals(log.field("message")), 400, "InvalidParam");
     * }</pre>
     *
     * @param status the HTTP status to answer, e.g. 400, 403 or 413
     * @param errorCode the CLS error code of the answer, e.g. {@code InvalidParam} or {@code LogSizeExceed}
     */
    public void rejectRequestsWithLog(Predicate<ReceivedLog> predicate, int status, String errorCode) {
        faults.rejectRequestsWithLog(predicate, status, errorCode);
    }

    /** Drops scripted and random faults, and the rules of {@link #rejectRequestsWithLog}. */
    public void clearFaults() {
        faults.clear();
    }

    /** Registers or replaces a key pair; when {@code token} is not null, requests must carry it. */
    public void addCredentials(String secretId, String secretKey, String token) {
        secretKeys.put(secretId, secretKey);
        if (token == null) {
            tokens.remove(secretId);
        } else {
            tokens.put(secretId, token);
        }
    }

    /** Every stored log, in arrival order. */
    public List<ReceivedLog> logs() {
        return new ArrayList<>(logs);
    }

    /** Stored logs of one topic. */
    public List<ReceivedLog> logs(String topicId) {
        List<ReceivedLog> out = new ArrayList<>();
        for (ReceivedLog log : logs) {
            if (log.topicId().equals(topicId)) {
                out.add(log);
            }
        }
        return out;
    }

    /** Removes and returns the stored logs (for long runs that check as they go). */
    public List<ReceivedLog> drainLogs() {
        List<ReceivedLog> out = new ArrayList<>();
        ReceivedLog log;
        while ((log = logs.poll()) != null) {
            out.add(log);
        }
        return out;
    }

    /** Removes and returns the recorded requests (for long runs that check as they go). */
    public List<ReceivedRequest> drainRequests() {
        List<ReceivedRequest> out = new ArrayList<>();
        ReceivedRequest request;
        while ((request = requests.poll()) != null) {
            out.add(request);
        }
        return out;
    }

    /**
     * Field values received so far that are not well-formed UTF-8. {@link ReceivedLog} shows values as Java strings,
     * where ill-formed bytes read as U+FFFD just like a U+FFFD the client sent; this tells the two apart.
     */
    public long invalidUtf8Values() {
        return invalidUtf8Values.get();
    }

    /** Logs stored so far, counted even when the server does not keep them. */
    public long logCount() {
        return logCount.get();
    }

    /** Requests answered so far (any outcome). */
    public long requestCount() {
        return requestCount.get();
    }

    /** Decompressed bytes of stored requests. */
    public long rawBytes() {
        return rawBytes.get();
    }

    /** Wire bytes of stored requests. */
    public long bodyBytes() {
        return bodyBytes.get();
    }

    /** Every request seen, with its outcome. */
    public List<ReceivedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** Forgets stored logs and requests (faults stay). */
    public void reset() {
        logs.clear();
        requests.clear();
        logCount.set(0);
        requestCount.set(0);
        rawBytes.set(0);
        bodyBytes.set(0);
    }

    /** Stops the server; stored logs and recorded requests stay readable. */
    @Override
    public void close() {
        server.close();
    }

    private void drainRecordedRequests() {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // MockWebServer queues every request for takeRequest(); we keep our own record instead.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MockResponse handle(RecordedRequest request) {
        requestCount.incrementAndGet();
        Fault fault = faults.next();
        Map<String, String> headers = UploadCheck.firstValues(request.getHeaders());
        String topicId = request.getUrl().queryParameter("topic_id");
        ByteString body = request.getBody() == null ? ByteString.EMPTY : request.getBody();
        String requestId = "fake-" + Long.toHexString(nextRequestId.incrementAndGet());
        Outcome outcome = new Outcome(topicId, headers, body.size(), fault, requestId);
        MockResponse answer;
        try {
            List<ReceivedLog> decoded = check.check(request, body, outcome);
            if (fault != null && !fault.store) {
                answer = Answers.misbehave(fault, outcome);
            } else {
                store(decoded, outcome, body.size());
                answer = fault == null ? Answers.ok(outcome) : Answers.misbehave(fault, outcome);
            }
        } catch (Rejected r) {
            answer = Answers.rejected(r, outcome);
        }
        if (keepLogs) {
            requests.add(outcome.toReceivedRequest());
        }
        return answer;
    }

    private void store(List<ReceivedLog> decoded, Outcome outcome, int wireBytes) {
        if (keepLogs) {
            logs.addAll(decoded);
        }
        logCount.addAndGet(decoded.size());
        rawBytes.addAndGet(outcome.rawBytes);
        bodyBytes.addAndGet(wireBytes);
        outcome.stored = true;
    }

    private FakeClsServer startServer() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake CLS endpoint", e);
        }
        String scheme = https ? "https" : "http";
        endpoint = ClsEndpoint.parse(scheme + "://127.0.0.1:" + server.getPort());
        return this;
    }

    /** Configures a {@link FakeClsServer}. */
    public static final class Builder {
        private final Map<String, String> secretKeys = new LinkedHashMap<>();
        private final Map<String, String> tokens = new LinkedHashMap<>();
        private LongSupplier nowMillis = System::currentTimeMillis;
        private boolean verify = true;
        private boolean keepLogs = true;
        private SSLSocketFactory https;
        private int port;

        private Builder() {
            secretKeys.put(SECRET_ID, SECRET_KEY);
        }

        /** Accepts this key pair (in addition to the default one). */
        public Builder credentials(String secretId, String secretKey) {
            secretKeys.put(secretId, secretKey);
            return this;
        }

        /** Accepts this key pair only with this session token. */
        public Builder credentials(String secretId, String secretKey, String token) {
            secretKeys.put(secretId, secretKey);
            tokens.put(secretId, token);
            return this;
        }

        /** The server's clock for the signature window (default: the system clock). */
        public Builder clock(LongSupplier nowMillis) {
            this.nowMillis = nowMillis;
            return this;
        }

        /** Turns signature verification off (benchmarks that only measure the client). */
        public Builder verifySignatures(boolean verify) {
            this.verify = verify;
            return this;
        }

        /** Counts logs without keeping them (long runs and benchmarks). */
        public Builder keepLogs(boolean keepLogs) {
            this.keepLogs = keepLogs;
            return this;
        }

        /** Serves https with this certificate's socket factory. */
        public Builder https(SSLSocketFactory socketFactory) {
            this.https = socketFactory;
            return this;
        }

        /**
         * Listens on this port of 127.0.0.1 (default 0: an ephemeral port), for an endpoint that other processes
         * reach at a known address, such as the examples' {@code LocalEndpoint}.
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Starts the server on 127.0.0.1, on an ephemeral port unless {@link #port(int)} was set.
         *
         * @throws java.io.UncheckedIOException if the port cannot be bound
         */
        public FakeClsServer start() {
            return new FakeClsServer(this).startServer();
        }
    }
}
