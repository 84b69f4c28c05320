package io.clssdk.core.testing;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.internal.proto.ClsProto;
import io.clssdk.core.spi.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
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
    private final LongSupplier nowMillis;
    private final boolean verify;
    private final boolean keepLogs;
    private final boolean https;
    private final int port;
    private final Deque<Fault> script = new ArrayDeque<>();
    private final List<LogRule> logRules = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<ReceivedLog> logs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicLong logCount = new AtomicLong();
    private final AtomicLong invalidUtf8Values = new AtomicLong();
    private final AtomicLong requestCount = new AtomicLong();
    private final AtomicLong rawBytes = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final AtomicLong nextRequestId = new AtomicLong();
    private Random random;
    private double failureRate;
    private Fault[] randomFaults = new Fault[0];
    private ClsEndpoint endpoint;

    private FakeClsServer(Builder b) {
        this.secretKeys = new ConcurrentHashMap<>(b.secretKeys);
        this.tokens = new ConcurrentHashMap<>(b.tokens);
        this.nowMillis = b.nowMillis;
        this.verify = b.verify;
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
    public synchronized void enqueue(Fault... faults) {
        for (Fault f : faults) {
            script.addLast(f);
        }
    }

    /** From now on, each request fails with probability {@code rate} using one of {@code faults} (seeded). */
    public synchronized void failRandomly(double rate, long seed, Fault... faults) {
        this.failureRate = rate;
        this.random = new Random(seed);
        this.randomFaults = faults.clone();
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
        if (predicate == null || errorCode == null) {
            throw new NullPointerException("predicate and errorCode are required");
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (400 to 599): " + status);
        }
        logRules.add(new LogRule(predicate, status, errorCode));
    }

    /** Drops scripted and random faults, and the rules of {@link #rejectRequestsWithLog}. */
    public synchronized void clearFaults() {
        logRules.clear();
        script.clear();
        failureRate = 0;
        randomFaults = new Fault[0];
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

    private synchronized Fault nextFault() {
        Fault f = script.pollFirst();
        if (f == null && failureRate > 0 && randomFaults.length > 0 && random.nextDouble() < failureRate) {
            f = randomFaults[random.nextInt(randomFaults.length)];
        }
        return f;
    }

    private MockResponse handle(RecordedRequest request) {
        requestCount.incrementAndGet();
        Fault fault = nextFault();
        Map<String, String> headers = firstValues(request.getHeaders());
        String topicId = request.getUrl().queryParameter("topic_id");
        ByteString body = request.getBody() == null ? ByteString.EMPTY : request.getBody();
        Outcome outcome = new Outcome(topicId, headers, body.size(), fault);
        try {
            checkRequest(request, headers, topicId, body);
            byte[] raw = BodyDecoder.decode(headers.get("x-cls-compress-type"), body.toByteArray());
            outcome.rawBytes = raw.length;
            List<ReceivedLog> decoded = parse(topicId, raw, outcome);
            if (fault != null && !fault.store) {
                return misbehave(fault, outcome);
            }
            store(decoded, outcome, body.size());
            return fault == null ? ok(outcome) : misbehave(fault, outcome);
        } catch (Rejected r) {
            outcome.status = r.status;
            outcome.errorCode = r.code;
            record(outcome);
            return errorResponse(r.status, r.code, r.getMessage(), outcome.requestId);
        }
    }

    private void checkRequest(RecordedRequest request, Map<String, String> headers, String topicId, ByteString body)
            throws Rejected {
        if (!"POST".equals(request.getMethod())
                || !"/structuredlog".equals(request.getUrl().encodedPath())) {
            throw new Rejected(404, "ResourceNotFound", "only POST /structuredlog exists here");
        }
        if (topicId == null || topicId.isEmpty()) {
            throw new Rejected(400, "MissingParameter", "topic_id is missing");
        }
        String contentType = headers.get("content-type");
        if (contentType == null) {
            throw new Rejected(400, "MissingContentType", "Content-Type is missing");
        }
        if (!contentType.equals("application/x-protobuf")) {
            throw new Rejected(400, "InvalidContentType", "Content-Type must be application/x-protobuf");
        }
        if (verify) {
            verifySignature(request, headers);
        }
        if (body.size() == 0) {
            throw new Rejected(400, "MissingContent", "empty body");
        }
    }

    private void verifySignature(RecordedRequest request, Map<String, String> headers) throws Rejected {
        String expectedHost = endpoint.hostHeader();
        if (!expectedHost.equals(headers.get("host"))) {
            throw new Rejected(400, "InvalidParam", "Host header '" + headers.get("host") + "' is not " + expectedHost);
        }
        V1Verifier.Verified verified;
        try {
            verified = V1Verifier.verify(
                    headers.get("authorization"),
                    request.getMethod(),
                    request.getUrl().encodedPath(),
                    V1Verifier.parseQuery(request.getUrl().encodedQuery()),
                    headers,
                    secretKeys,
                    nowMillis.getAsLong() / 1000);
        } catch (V1Verifier.Rejection r) {
            throw new Rejected(r.status, r.code, r.getMessage());
        }
        if (!verified.headerList.contains("host") || !verified.headerList.contains("content-type")) {
            throw new Rejected(401, "AuthFailure.SignatureFailure", "host and content-type must be signed");
        }
        String expectedToken = tokens.get(verified.secretId);
        String token = headers.get("x-cls-token");
        if (expectedToken != null && !expectedToken.equals(token)) {
            throw new Rejected(
                    401, "AuthFailure.TokenFailure", token == null ? "X-Cls-Token is missing" : "token is invalid");
        }
    }

    private List<ReceivedLog> parse(String topicId, byte[] raw, Outcome outcome) throws Rejected {
        ClsProto.LogGroupList list;
        try {
            list = ClsProto.LogGroupList.parseFrom(raw);
        } catch (IOException e) {
            throw new Rejected(400, "InvalidContent", "body is not a LogGroupList: " + e.getMessage());
        }
        if (list.getLogGroupListCount() == 0 || list.getLogGroupListCount() > 10) {
            throw new Rejected(400, "InvalidParam", list.getLogGroupListCount() + " log groups (1 to 10 allowed)");
        }
        List<ReceivedLog> out = new ArrayList<>();
        long values = 0;
        for (ClsProto.LogGroup group : list.getLogGroupListList()) {
            if (group.getLogsCount() == 0 || group.getLogsCount() > 10_000) {
                throw new Rejected(400, "InvalidParam", group.getLogsCount() + " logs in a group (1 to 10000)");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (ClsProto.LogTag tag : group.getLogTagsList()) {
                tags.put(tag.getKey(), tag.getValue());
            }
            for (ClsProto.Log log : group.getLogsList()) {
                List<Map.Entry<String, String>> fields = new ArrayList<>(log.getContentsCount());
                for (ClsProto.Log.Content c : log.getContentsList()) {
                    if (Limits.isReservedKey(c.getKey())) {
                        throw new Rejected(400, "InvalidParam", "key " + c.getKey() + " is reserved by CLS");
                    }
                    int size = c.getValueBytes().size();
                    if (size > 1024 * 1024) {
                        throw new Rejected(400, "InvalidParam", "a value of " + size + " bytes exceeds 1 MiB");
                    }
                    values += size;
                    if (!c.getValueBytes().isValidUtf8()) {
                        invalidUtf8Values.incrementAndGet();
                    }
                    fields.add(ReceivedLog.entry(c.getKey(), c.getValue()));
                }
                ReceivedLog received = new ReceivedLog(
                        topicId,
                        outcome.requestId,
                        log.getTime(),
                        fields,
                        group.hasSource() ? group.getSource() : null,
                        group.hasFilename() ? group.getFilename() : null,
                        group.hasHostname() ? group.getHostname() : null,
                        group.hasContextFlow() ? group.getContextFlow() : null,
                        tags,
                        outcome.fault);
                checkRules(received);
                out.add(received);
            }
            outcome.groups++;
        }
        if (values > 5 * 1024 * 1024) {
            throw new Rejected(403, "LogSizeExceed", "values add up to " + values + " bytes, over 5 MiB");
        }
        outcome.logs = out.size();
        return out;
    }

    private void checkRules(ReceivedLog log) throws Rejected {
        for (LogRule rule : logRules) {
            if (rule.predicate.test(log)) {
                throw new Rejected(rule.status, rule.errorCode, "the request carries a log this server refuses");
            }
        }
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

    private MockResponse ok(Outcome outcome) {
        outcome.status = 200;
        record(outcome);
        return okBuilder(outcome).build();
    }

    private static MockResponse.Builder okBuilder(Outcome outcome) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("x-cls-requestid", outcome.requestId)
                .addHeader("Content-Type", "application/json");
    }

    private MockResponse misbehave(Fault fault, Outcome outcome) {
        switch (fault.kind) {
            case ERROR:
                outcome.status = fault.status;
                outcome.errorCode = fault.errorCode;
                record(outcome);
                MockResponse.Builder error = errorBuilder(fault.status, fault.body, "application/json", outcome);
                if (fault.retryAfter != null) {
                    error.addHeader("Retry-After", fault.retryAfter);
                }
                return error.build();
            case RAW_ERROR:
                outcome.status = fault.status;
                record(outcome);
                return errorBuilder(fault.status, fault.body, fault.contentType, outcome)
                        .build();
            case PROXY_ANSWER:
                outcome.status = fault.status;
                record(outcome);
                MockResponse.Builder foreign = new MockResponse.Builder().code(fault.status);
                if (fault.contentType != null) {
                    foreign.addHeader("Content-Type", fault.contentType);
                }
                if (fault.body != null) {
                    foreign.body(fault.body);
                }
                return foreign.build();
            case DELAY:
                outcome.status = 200;
                record(outcome);
                return okBuilder(outcome)
                        .headersDelay(fault.duration.toMillis(), TimeUnit.MILLISECONDS)
                        .build();
            case DRIP:
                outcome.status = 200;
                record(outcome);
                return okBuilder(outcome)
                        .body("{\"note\":\"slow\"}")
                        .throttleBody(1, fault.duration.toMillis(), TimeUnit.MILLISECONDS)
                        .build();
            case STALL:
                record(outcome);
                return new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build();
            case DROP_BEFORE_STORE:
            case DROP_AFTER_STORE:
                record(outcome);
                return new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                        .build();
            default:
                throw new IllegalStateException("unknown fault " + fault);
        }
    }

    private static MockResponse.Builder errorBuilder(int status, String body, String contentType, Outcome outcome) {
        MockResponse.Builder b =
                new MockResponse.Builder().code(status).addHeader("x-cls-requestid", outcome.requestId);
        if (contentType != null) {
            b.addHeader("Content-Type", contentType);
        }
        if (body != null) {
            b.body(body);
        }
        return b;
    }

    private static MockResponse errorResponse(int status, String code, String message, String requestId) {
        String json = "{\"errorcode\":\"" + code + "\",\"errormessage\":\"" + message.replace("\"", "'") + "\"}";
        return new MockResponse.Builder()
                .code(status)
                .addHeader("x-cls-requestid", requestId)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build();
    }

    private void record(Outcome o) {
        if (keepLogs) {
            requests.add(new ReceivedRequest(
                    o.topicId == null ? "" : o.topicId,
                    o.headers,
                    o.bodyBytes,
                    o.rawBytes,
                    o.groups,
                    o.logs,
                    o.status,
                    o.errorCode,
                    o.requestId,
                    o.stored,
                    o.fault));
        }
    }

    private static Map<String, String> firstValues(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : headers.names()) {
            out.put(name.toLowerCase(Locale.ROOT), headers.get(name));
        }
        if (!out.containsKey("host") && out.containsKey(":authority")) {
            out.put("host", out.get(":authority")); // HTTP/2 carries the Host header as :authority
        }
        return out;
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

    /** A rule of {@link #rejectRequestsWithLog}. */
    private static final class LogRule {
        final Predicate<ReceivedLog> predicate;
        final int status;
        final String errorCode;

        LogRule(Predicate<ReceivedLog> predicate, int status, String errorCode) {
            this.predicate = predicate;
            this.status = status;
            this.errorCode = errorCode;
        }
    }

    /** The state of one request while it is handled. */
    private final class Outcome {
        final String topicId;
        final Map<String, String> headers;
        final int bodyBytes;
        final Fault fault;
        final String requestId = "fake-" + Long.toHexString(nextRequestId.incrementAndGet());
        int rawBytes;
        int groups;
        int logs;
        int status;
        String errorCode;
        boolean stored;

        Outcome(String topicId, Map<String, String> headers, int bodyBytes, Fault fault) {
            this.topicId = topicId;
            this.headers = headers;
            this.bodyBytes = bodyBytes;
            this.fault = fault;
        }
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
