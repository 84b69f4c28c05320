package io.clssdk.core.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A received HTTP response: status, headers (names case-insensitive) and the body bytes that were kept. Immutable.
 * Header names are kept in lower case, so a lookup lower-cases the name it is given and compares nothing else.
 */
public final class HttpResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    public HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this(body, status, byLowerCaseName(headers));
    }

    private HttpResponse(byte[] body, int status, Map<String, List<String>> byLowerCaseName) {
        this.status = status;
        this.headers = byLowerCaseName;
        this.body = body;
    }

    /**
     * A response whose header map is keyed by lower-case name already and is not changed afterwards, as {@link
     * ResponseReader} builds it: kept as it is instead of copied.
     */
    static HttpResponse ofLowerCaseNames(int status, Map<String, List<String>> headers, byte[] body) {
        return new HttpResponse(body, status, headers);
    }

    /** A copy keyed by lower-case name; the values of names that differ only in case are joined in order. */
    private static Map<String, List<String>> byLowerCaseName(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new HashMap<>(Math.max(4, 2 * headers.size()));
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            List<String> earlier = copy.putIfAbsent(name, e.getValue());
            if (earlier != null) {
                List<String> both = new ArrayList<>(earlier);
                both.addAll(e.getValue());
                copy.put(name, both);
            }
        }
        return copy;
    }

    public int status() {
        return status;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public byte[] body() {
        return body;
    }
}
