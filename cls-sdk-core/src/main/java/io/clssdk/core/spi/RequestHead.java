package io.clssdk.core.spi;

import java.util.Arrays;
import java.util.Map;

/**
 * Encodes a POST request line and headers into a reusable byte buffer (one per connection, so not thread-safe).
 *
 * <p>Header names must be visible ASCII and values visible ASCII, space or tab: anything else (a line break above all)
 * is refused with an {@link IllegalArgumentException} that names the header but never shows its value, which may be a
 * signature. The caller's Content-Type, Content-Length and Transfer-Encoding are replaced by the body's own; Host is
 * added when the caller gave none.
 */
final class RequestHead {
    private byte[] buf = new byte[1024];
    private int n;

    /**
     * Encodes the head; returns its length in {@link #bytes()}.
     *
     * <p>Written for the JIT as much as for the wire: the head of every request goes through one loop over header
     * pairs and one validating copy, and plain ASCII parts are block copies, so the compiled upload path holds one copy
     * of each loop (it used to hold one per header written, and C2 spent most of a second compiling it).
     */
    int encode(HttpRoute route, Map<String, String> headers, String contentType, int contentLength) {
        n = 0;
        HttpTarget target = route.target;
        ascii("POST ");
        ascii(route.absoluteForm() ? target.absoluteForm() : target.pathAndQuery);
        ascii(" HTTP/1.1\r\n");
        String host = target.hostHeader();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Host")) {
                host = null; // the caller's own
            } else if (name.equalsIgnoreCase("Content-Type")
                    || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            header(name, h.getValue());
        }
        // plain http goes to the proxy as is: authenticate up front rather than send the body twice after a 407
        String proxyAuthorization = route.absoluteForm() ? route.proxyAuthorization : null;
        headers("Host", host, "Proxy-Authorization", proxyAuthorization, "Content-Type", contentType);
        ascii("Content-Length: ");
        ascii(Integer.toString(contentLength));
        ascii("\r\n\r\n");
        return n;
    }

    /** Encodes a CONNECT request for the route's tunnel, with the proxy's credentials up front. */
    int encodeConnect(HttpRoute route) {
        n = 0;
        String authority = route.target.authority();
        ascii("CONNECT ");
        ascii(authority);
        ascii(" HTTP/1.1\r\n");
        headers("Host", authority, "Proxy-Connection", "Keep-Alive", "Proxy-Authorization", route.proxyAuthorization);
        ascii("\r\n");
        return n;
    }

    /** Writes the name-value pairs whose value is not null. */
    private void headers(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                header(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
    }

    byte[] bytes() {
        return buf;
    }

    private void header(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        int bad = firstInvalid(name, true);
        if (bad >= 0) {
            throw new IllegalArgumentException(
                    String.format("Unexpected char 0x%02x at %d in header name", (int) name.charAt(bad), bad));
        }
        bad = firstInvalid(value, false);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    "Unexpected char 0x%02x at %d in header %s value", (int) value.charAt(bad), bad, name));
        }
        ascii(name);
        ascii(": ");
        ascii(value);
        ascii("\r\n");
    }

    /**
     * The index of the first char not allowed in a header name (visible ASCII but ':') or value (visible ASCII, space,
     * tab), or -1. Checked on the chars, before the low-byte copy that would hide a wider one.
     */
    private static int firstInvalid(String s, boolean name) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = name ? c > ' ' && c < 0x7f && c != ':' : (c >= ' ' || c == '\t') && c < 0x7f;
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    /** Appends a string of chars below 0x80 (request line parts, numbers, checked header fields): a block copy. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly the low-byte copy wanted
    private void ascii(String s) {
        int len = s.length();
        ensure(len);
        s.getBytes(0, len, buf, n);
        n += len;
    }

    private void ensure(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }
}
