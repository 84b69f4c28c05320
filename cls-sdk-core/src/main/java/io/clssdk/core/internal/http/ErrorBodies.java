package io.clssdk.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clssdk.core.ClsServiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns an error response of the upload API into a {@link ClsServiceException}. Understands the upload shape
 * {@code {"errorcode": .., "errormessage": ..}} (any letter case) and the API 3.0 shape
 * {@code {"Response": {"Error": {"Code": .., "Message": ..}, "RequestId": ..}}}; an empty, HTML or truncated body
 * still yields an exception whose message says what came back.
 */
public final class ErrorBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET_CHARS = 200;

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
