package io.clssdk.core.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.internal.http.ErrorBodies;
import io.clssdk.core.internal.sign.Tc3Signer;
import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.HttpResponse;
import io.clssdk.core.spi.HttpTransport;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one Cloud API 3.0 action: serializes the request, signs every attempt with TC3-HMAC-SHA256, POSTs it, maps
 * {@code Response.Error} (present even with HTTP 200) to {@link ClsServiceException}, and retries what is safe to
 * retry (see {@link #shouldRetry}). Thread-safe.
 *
 * <p>Signed headers are {@code content-type;host;x-tc-action}. Signing the action (allowed by the documentation, see
 * vector T2) binds the signature to it: several actions take the same body (for example {@code {"ConfigId":"x"}} is a
 * valid {@code DescribeConfigMachineGroups} and {@code DeleteConfig} body), so with {@code content-type;host} alone a
 * captured signature would also authorise a different action with the same body within the timestamp's validity.
 */
final class ApiCaller {
    public static final String VERSION = "2020-10-16";
    public static final String SERVICE = "cls";
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** SearchLog answers can reach 49 MB; anything longer is cut and then fails to parse with a clear message. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ApiCaller.class);

    private final ClsEndpoint endpoint;
    private final String region;
    private final CredentialsProvider credentials;
    private final HttpTransport http;
    private final Clock clock;
    private final RetryPolicy retry;
    private final String userAgent;

    public ApiCaller(
            ClsEndpoint endpoint,
            String region,
            CredentialsProvider credentials,
            HttpTransport http,
            Clock clock,
            RetryPolicy retry,
            String userAgent) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.region = Objects.requireNonNull(region, "region");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.userAgent = userAgent;
    }

    /**
     * Calls {@code action} with {@code request} as the body.
     *
     * @return the {@code Response} object of a successful answer (it contains {@code RequestId})
     * @throws ClsServiceException when CLS answers with an error or an unreadable body
     * @throws ClsClientException when no answer arrives, credentials are missing, or the wait is interrupted
     */
    public JsonNode call(String action, ObjectNode request) {
        byte[] payload = Json.bytes(request);
        boolean readOnly = isReadOnly(action);
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(action, payload);
            } catch (ClsException e) {
                if (attempt >= retry.maxAttempts() || !shouldRetry(e, readOnly)) {
                    throw e;
                }
                log.debug("{} attempt {} failed, retrying: {}", action, attempt, e.getMessage());
                retry.sleepBeforeRetry(attempt);
            }
        }
    }

    /** {@code Describe*} and {@code SearchLog} change nothing, so any of them may be repeated. */
    static boolean isReadOnly(String action) {
        return action.startsWith("Describe") || action.equals("SearchLog");
    }

    /**
     * Throttling is retried for every action (the request was refused, nothing happened); errors with an unknown
     * outcome (internal errors, 5xx, I/O, timeouts) only for read-only actions.
     */
    static boolean shouldRetry(ClsException e, boolean readOnly) {
        if (e instanceof ClsServiceException) {
            ClsServiceException s = (ClsServiceException) e;
            return s.retryable() && (readOnly || isThrottled(s));
        }
        ClsClientException.Reason reason = ((ClsClientException) e).reason();
        return readOnly && (reason == ClsClientException.Reason.IO || reason == ClsClientException.Reason.TIMEOUT);
    }

    static boolean isThrottled(ClsServiceException e) {
        String code = e.errorCode();
        return (code != null && code.startsWith("RequestLimitExceeded")) || (code == null && e.httpStatus() == 429);
    }

    /** {@code RequestLimitExceeded*} and {@code InternalError*} are worth retrying; every other code is not. */
    static boolean isRetryableCode(String code) {
        return code.startsWith("RequestLimitExceeded") || code.startsWith("InternalError");
    }

    private JsonNode attempt(String action, byte[] payload) {
        Credentials creds = credentials.credentials();
        long timestamp = clock.currentTimeMillis() / 1000;
        String host = endpoint.hostHeader();
        Map<String, String> signed = new LinkedHashMap<>(4);
        signed.put("Content-Type", CONTENT_TYPE);
        signed.put("Host", host);
        signed.put("X-TC-Action", action);
        String authorization =
                Tc3Signer.authorization(creds.secretId(), creds.secretKey(), SERVICE, signed, timestamp, payload);

        Map<String, String> headers = new LinkedHashMap<>(12);
        headers.put("Host", host);
        headers.put("Authorization", authorization);
        headers.put("X-TC-Action", action);
        headers.put("X-TC-Version", VERSION);
        headers.put("X-TC-Timestamp", Long.toString(timestamp));
        headers.put("X-TC-Region", region);
        if (creds.sessionToken() != null) {
            headers.put("X-TC-Token", creds.sessionToken());
        }
        if (userAgent != null) {
            headers.put("User-Agent", userAgent);
        }
        HttpResponse response =
                http.post(endpoint.url() + "/", headers, CONTENT_TYPE, payload, 0, payload.length, MAX_RESPONSE_BYTES);
        return read(action, response);
    }

    private JsonNode read(String action, HttpResponse response) {
        int status = response.status();
        byte[] body = response.body();
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (IOException e) {
            throw unreadable(action, response, body.length == 0 ? "an empty body" : "a body that is not JSON");
        }
        JsonNode answer = root.get("Response");
        if (answer == null || !answer.isObject()) {
            throw unreadable(action, response, "a body without a Response object");
        }
        String requestId = text(answer.get("RequestId"));
        JsonNode error = answer.get("Error");
        if (error != null && error.isObject()) {
            String code = text(error.get("Code"));
            String message = text(error.get("Message"));
            if (code != null && code.startsWith("AuthFailure")) {
                credentials.refresh();
            }
            boolean retryable = code != null ? isRetryableCode(code) : ClsServiceException.isRetryableStatus(status);
            throw new ClsServiceException(status, code, message, requestId, retryable);
        }
        if (!response.successful()) {
            throw new ClsServiceException(
                    status,
                    null,
                    action + " answered HTTP " + status + " without an error: " + ErrorBodies.snippet(body),
                    requestId,
                    ClsServiceException.isRetryableStatus(status));
        }
        return answer;
    }

    private static ClsServiceException unreadable(String action, HttpResponse response, String what) {
        String type = response.header("Content-Type");
        String message = action + " returned " + what + " (" + (type == null ? "no content type" : type) + ", "
                + response.body().length + " bytes)";
        if (response.body().length > 0) {
            message += ": " + ErrorBodies.snippet(response.body());
        }
        int status = response.status();
        return new ClsServiceException(status, null, message, null, ClsServiceException.isRetryableStatus(status));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
