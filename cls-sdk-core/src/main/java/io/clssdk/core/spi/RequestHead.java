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

    /** Encodes the head; returns its length in {@link #bytes()}. */
    int encode(HttpRoute route, Map<String, String> headers, String contentType, int contentLength) {
        n = 0;
        HttpTarget target = route.target;
        ascii("POST ");
        ascii(route.absoluteForm() ? target.absoluteForm() : target.pathAndQuery);
        ascii(" HTTP/1.1\r\n");
        boolean host = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Content-Type")
                    || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            host |= name.equalsIgnoreCase("Host");
            header(name, h.getValue());
        }
        if (!host) {
            header("Host", target.hostHeader());
        }
        if (route.absoluteForm() && route.proxyAuthorization != null) {
            // plain http goes to the proxy as is: authenticate up front rather than send the body twice after a 407
            header("Proxy-Authorization", route.proxyAuthorization);
        }
        header("Content-Type", contentType);
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
        header("Host", authority);
        header("Proxy-Connection", "Keep-Alive");
        if (route.proxyAuthorization != null) {
            header("Proxy-Authorization", route.proxyAuthorization);
        }
        ascii("\r\n");
        return n;
    }

    byte[] bytes() {
        return buf;
    }

    private void header(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        ensure(name.length() + value.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ':') {
                throw new IllegalArgumentException(
                        String.format("Unexpected char 0x%02x at %d in header name", (int) c, i));
            }
            buf[n++] = (byte) c;
        }
        buf[n++] = ':';
        buf[n++] = ' ';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c >= 0x7f) {
                throw new IllegalArgumentException(
                        String.format("Unexpected char 0x%02x at %d in header %s value", (int) c, i, name));
            }
            buf[n++] = (byte) c;
        }
        buf[n++] = '\r';
        buf[n++] = '\n';
    }

    /** Appends a string known to be ASCII (request line parts, numbers). */
    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[n++] = (byte) s.charAt(i);
        }
    }

    private void ensure(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }
}
