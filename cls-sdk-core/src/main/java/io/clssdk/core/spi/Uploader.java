package io.clssdk.core.spi;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.internal.http.ErrorBodies;
import io.clssdk.core.internal.sign.UrlEncoding;
import io.clssdk.core.internal.sign.V1Signer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sends one {@code POST /structuredlog} with an already encoded (and possibly compressed) body: signs it with the
 * current credentials and maps the answer to a request id or an exception. Thread-safe; shared by the synchronous
 * client and the producer's I/O threads.
 *
 * <p>Signed headers are {@code content-type;host}, as the official Java and Go SDKs sign them; the compression, hash
 * key and token headers are sent unsigned. So everything signed but the time window is fixed per topic: the URL and
 * the hashed request info are prepared once per topic, and the whole {@code Authorization} value (the same bytes for
 * every request to a topic within one second) is computed once per topic and second.
 */
public final class Uploader {
    public static final String CONTENT_TYPE = "application/x-protobuf";
    public static final String REQUEST_ID_HEADER = "x-cls-requestid";
    private static final String PATH = "/structuredlog";
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /**
     * Prepared topics kept at most (about 0.7 KiB each): a producer writing to more topics prepares the ones that do
     * not fit again at each request, as many as do not fit.
     */
    static final int MAX_PREPARED_TOPICS = 16 * 1024;

    private final ClsEndpoint endpoint;
    private final CredentialsProvider credentials;
    private final HttpTransport http;
    private final Clock clock;
    private final String userAgent;
    private final BoundedCache<String, TopicRequest> prepared = new BoundedCache<>(MAX_PREPARED_TOPICS, this::prepare);

    public Uploader(
            ClsEndpoint endpoint, CredentialsProvider credentials, HttpTransport http, Clock clock, String userAgent) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.userAgent = userAgent;
    }

    /**
     * Uploads {@code body[offset, offset + length)} to {@code topicId}.
     *
     * @param compressType the {@code x-cls-compress-type} value, or null for an uncompressed body
     * @param hashKey the {@code x-cls-hashkey} value, or null
     * @return the request id CLS returned (never null: CLS sets it on every answer)
     * @throws io.clssdk.core.ClsServiceException when CLS answers with an error status
     * @throws io.clssdk.core.ClsClientException when no answer arrives, credentials are unavailable, or a success
     *     status arrives without the request id ({@code NOT_FROM_CLS}, retryable: a proxy or captive portal answered)
     */
    public String upload(String topicId, byte[] body, int offset, int length, String compressType, String hashKey) {
        Credentials creds = credentials.credentials();
        TopicRequest request = prepared.get(topicId);
        String authorization = request.authorization(creds, clock.currentTimeMillis() / 1000);
        String host = endpoint.hostHeader();

        Map<String, String> headers = new LinkedHashMap<>(8);
        headers.put("Host", host);
        headers.put("Authorization", authorization);
        headers.put("User-Agent", userAgent);
        if (compressType != null) {
            headers.put("x-cls-compress-type", compressType);
        }
        if (hashKey != null) {
            headers.put("x-cls-hashkey", hashKey);
        }
        if (creds.sessionToken() != null) {
            headers.put("X-Cls-Token", creds.sessionToken());
        }
        HttpResponse response = http.post(request.url, headers, CONTENT_TYPE, body, offset, length, MAX_ERROR_BODY);
        if (!response.successful()) {
            throw ErrorBodies.toException(response, REQUEST_ID_HEADER);
        }
        // CLS sets the request id on every answer, so a success without one was written by something in between
        // (a captive portal's login page, a proxy): nothing says CLS stored the logs. Failing it as retryable makes
        // the producer resend instead of reporting logs as delivered that never reached CLS.
        String requestId = response.header(REQUEST_ID_HEADER);
        if (requestId == null || requestId.trim().isEmpty()) {
            throw ErrorBodies.notFromCls(response, REQUEST_ID_HEADER);
        }
        return requestId;
    }

    private TopicRequest prepare(String topicId) {
        Map<String, String> signed = new LinkedHashMap<>(4);
        signed.put("Content-Type", CONTENT_TYPE);
        signed.put("Host", endpoint.hostHeader());
        return new TopicRequest(
                endpoint.url() + PATH + "?topic_id=" + UrlEncoding.encode(topicId),
                V1Signer.prepare("POST", PATH, Collections.singletonMap("topic_id", topicId), signed));
    }

    /** An upload's URL and signature shape for one topic, and its last Authorization value. */
    private static final class TopicRequest {
        final String url;
        final V1Signer.Prepared signature;
        private volatile Signed last;

        TopicRequest(String url, V1Signer.Prepared signature) {
            this.url = url;
            this.signature = signature;
        }

        /**
         * The Authorization value for requests signed at {@code nowSeconds} with {@code creds}: a request in the same
         * second with the same key pair gets the same bytes, so it is computed once per second (and at once again
         * when the credentials change).
         */
        String authorization(Credentials creds, long nowSeconds) {
            Signed s = last;
            if (s != null
                    && s.nowSeconds == nowSeconds
                    && s.secretId.equals(creds.secretId())
                    && s.secretKey.equals(creds.secretKey())) {
                return s.authorization;
            }
            String signTime = V1Signer.signTime(nowSeconds);
            String authorization =
                    signature.authorization(creds.secretId(), V1Signer.signKey(creds.secretKey(), signTime), signTime);
            last = new Signed(nowSeconds, creds.secretId(), creds.secretKey(), authorization);
            return authorization;
        }
    }

    /** An Authorization value and what it was computed from (holds the secret key: never printed). */
    private static final class Signed {
        final long nowSeconds;
        final String secretId;
        final String secretKey;
        final String authorization;

        Signed(long nowSeconds, String secretId, String secretKey, String authorization) {
            this.nowSeconds = nowSeconds;
            this.secretId = secretId;
            this.secretKey = secretKey;
            this.authorization = authorization;
        }
    }

    /** Tells the credentials provider its credentials were rejected. */
    public void credentialsRejected() {
        credentials.refresh();
    }
}
