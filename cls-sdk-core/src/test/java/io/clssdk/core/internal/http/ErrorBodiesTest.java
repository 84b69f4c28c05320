package io.clssdk.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.spi.HttpResponse;
import io.clssdk.core.spi.Uploader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {
    private static final String SECRET = "c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24tMDAwMA==";

    @Test
    void aSuccessWithoutRequestIdBecomesARetryableNotFromClsError() {
        String page = "<html><title>Sign in</title>\n<body>Accept the terms</body></html>";
        ClsClientException e = ErrorBodies.notFromCls(response(200, "text/html", page), Uploader.REQUEST_ID_HEADER);
        assertEquals(ClsClientException.Reason.NOT_FROM_CLS, e.reason());
        assertTrue(e.retryable());
        assertTrue(
                e.getMessage()
                        .endsWith("content type text/html and " + page.length()
                                + " body bytes, starting: <html><title>Sign in</title> "
                                + "<body>Accept the terms</body></html>"),
                e.getMessage());
    }

    @Test
    void aSecretCutByTheSnippetLengthShowsNoPrefix() {
        // the snippet keeps 120 chars; a secret starting at char 110 must not leave its first 10 chars behind
        StringBuilder page = new StringBuilder();
        while (page.length() < 110) {
            page.append("ab ");
        }
        page.setLength(110);
        page.append(SECRET).append(" and more text after it");
        String snippet = ErrorBodies.safeSnippet(page.toString().getBytes(StandardCharsets.UTF_8));
        assertFalse(snippet.contains(SECRET.substring(0, 6)), snippet);
        assertTrue(snippet.contains("ab ab ***"), snippet);
        assertTrue(snippet.endsWith("…"), snippet);
    }

    @Test
    void wordsAndShortNumbersSurviveTheRedaction() {
        String snippet = ErrorBodies.safeSnippet(
                "Error 403: access to cls.tencentcs.com denied by policy 17".getBytes(StandardCharsets.UTF_8));
        assertEquals("Error 403: access to cls.tencentcs.com denied by policy 17", snippet);
    }

    private static HttpResponse response(int status, String contentType, String body) {
        Map<String, List<String>> headers =
                Collections.singletonMap("Content-Type", Collections.singletonList(contentType));
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
