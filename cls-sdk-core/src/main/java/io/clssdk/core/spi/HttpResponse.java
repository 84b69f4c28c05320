package io.clssdk.core.spi;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A received HTTP response: status, headers (case-insensitive) and the body bytes that were kept. Immutable. */
public final class HttpResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    public HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body;
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
