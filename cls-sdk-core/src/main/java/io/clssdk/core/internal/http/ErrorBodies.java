package io.clssdk.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.spi.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an error response of the upload API into a {@link ClsServiceException}, and a success status that did not
 * come from CLS into a {@link ClsClientException} ({@link #notFromCls}). Understands the upload shape
 * {@code {"errorcode": .., "errormessage": ..}} (any letter case) and the API 3.0 shape
 * {@code {"Response": {"Error": {"Code": .., "Message": ..}, "RequestId": ..}}}; an empty, HTML or truncated body
 * still yields an exception whose message says what came back.
 */
public final class ErrorBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET_CHARS = 200;
    private static final int FOREIGN_SNIPPET_CHARS = 120;
    private static final int CONTENT_TYPE_CHARS = 100;
    private static final int REDACT_WINDOW_BYTES = 16 * 1024;
    /**
     * Runs that look like a credential, signature or token (16 or more base64, hex or URL-encoded characters). A page
     * that is not from CLS may echo our request — its Authorization signature, X-Cls-Token — so its snippet drops
     * such runs whatever they are; ordinary words and short numbers survive, which is all a diagnosis needs.
     */
    private static final Pattern SECRET_LIKE = Pattern.compile("[A-Za-z0-9+/=_%\\-]{16,}");

    private ErrorBodies() {}

    public static ClsServiceException toException(HttpResponse response, String requestIdHeader) {
        int status = response.status();
        String requestId = response.header(requestIdHeader);
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), System.currentTimeMillis());
        byte[] body = response.body();
        if (body.length == 0) {
            return error(status, null, "empty error body", requestId, retryAfter);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return error(status, null, describeUnreadable(response, body), requestId, retryAfter);
        }
        if (root == null || !root.isObject()) {
            return error(status, null, describeUnreadable(response, body), requestId, retryAfter);
        }
        String code = text(field(root, "errorcode"));
        String message = text(field(root, "errormessage"));
        JsonNode wrapped = root.path("Response");
        if (code == null && wrapped.path("Error").isObject()) {
            code = text(wrapped.path("Error").get("Code"));
            message = text(wrapped.path("Error").get("Message"));
            if (requestId == null) {
                requestId = text(wrapped.get("RequestId"));
            }
        }
        if (code == null && message == null) {
            return error(status, null, "error body without errorcode: " + snippet(body), requestId, retryAfter);
        }
        return error(status, code, message, requestId, retryAfter);
    }

    /**
     * The exception for a success status without the request id CLS puts on every answer: the answer came from
     * something between us and CLS (a captive portal, a proxy's page), so nothing says the logs were stored. Its
     * message names the status, content type, size and the start of the body with anything secret-looking removed.
     */
    public static ClsClientException notFromCls(HttpResponse response, String requestIdHeader) {
        byte[] body = response.body();
        String type = response.header("Content-Type");
        StringBuilder sb = new StringBuilder("HTTP ")
                .append(response.status())
                .append(" answer did not come from CLS (no ")
                .append(requestIdHeader)
                .append(" header): a proxy or captive portal may be answering for the endpoint; the logs are taken"
                        + " as not stored. The answer had ")
                .append(type == null ? "no content type" : "content type " + printable(type, CONTENT_TYPE_CHARS))
                .append(" and ")
                .append(body.length)
                .append(" body bytes");
        if (body.length > 0) {
            sb.append(", starting: ").append(safeSnippet(body));
        }
        return new ClsClientException(ClsClientException.Reason.NOT_FROM_CLS, sb.toString());
    }

    /**
     * The start of a body that did not come from CLS, with every secret-looking run replaced by {@code "***"}. The
     * redaction runs before the cut, so a secret the cut would split is already gone and no prefix of it shows.
     */
    static String safeSnippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, REDACT_WINDOW_BYTES), StandardCharsets.UTF_8);
        String redacted = SECRET_LIKE.matcher(text).replaceAll("***");
        boolean cut = redacted.length() > FOREIGN_SNIPPET_CHARS || body.length > REDACT_WINDOW_BYTES;
        return printable(redacted, FOREIGN_SNIPPET_CHARS) + (cut ? "…" : "");
    }

    /** {@code text} without control characters, trimmed and cut to at most {@code max} chars. */
    private static String printable(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().trim();
    }

    private static ClsServiceException error(
            int status, String code, String message, String requestId, Duration retryAfter) {
        return new ClsServiceException(
                status, code, message, requestId, ClsServiceException.isRetryableStatus(status), retryAfter);
    }

    private static JsonNode field(JsonNode object, String name) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String describeUnreadable(HttpResponse response, byte[] body) {
        String type = response.header("Content-Type");
        return "unreadable error body (" + (type == null ? "no content type" : type) + ", " + body.length + " bytes): "
                + snippet(body);
    }

    /** The start of the body as printable text, for messages. */
    public static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < SNIPPET_CHARS; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > SNIPPET_CHARS || body.length > SNIPPET_CHARS * 4) {
            sb.append('…');
        }
        return sb.toString().trim();
    }
}
