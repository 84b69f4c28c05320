package io.clssdk.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A parsed {@code http://} or {@code https://} URL: where to connect and what to put in the request line. Immutable.
 *
 * <p>User info is refused (credentials never travel in a URL); a fragment is dropped; bytes that may not appear in a
 * request target (controls, space, non-ASCII) are percent-encoded as UTF-8, so a URL can never split the request line.
 */
final class HttpTarget {
    final boolean https;
    /** Lower case; an IPv6 literal without its brackets. */
    final String host;

    final int port;
    /** Path and query, never empty: {@code /structuredlog?topic_id=...}. */
    final String pathAndQuery;

    private HttpTarget(boolean https, String host, int port, String pathAndQuery) {
        this.https = https;
        this.host = host;
        this.port = port;
        this.pathAndQuery = pathAndQuery;
    }

    /** @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL with a host */
    static HttpTarget parse(String url) {
        boolean https;
        int start;
        if (url.regionMatches(true, 0, "https://", 0, 8)) {
            https = true;
            start = 8;
        } else if (url.regionMatches(true, 0, "http://", 0, 7)) {
            https = false;
            start = 7;
        } else {
            throw new IllegalArgumentException("not an http or https URL: " + url);
        }
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        if (authority.indexOf('@') >= 0) {
            throw new IllegalArgumentException("a URL with user info is not supported");
        }
        int hostEnd;
        String host;
        if (authority.startsWith("[")) {
            hostEnd = authority.indexOf(']');
            if (hostEnd < 0) {
                throw new IllegalArgumentException("unterminated IPv6 address in URL: " + url);
            }
            host = authority.substring(1, hostEnd);
            hostEnd++;
        } else {
            hostEnd = authority.indexOf(':') < 0 ? authority.length() : authority.indexOf(':');
            host = authority.substring(0, hostEnd);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in URL: " + url);
        }
        int port = https ? 443 : 80;
        if (hostEnd < authority.length()) {
            if (authority.charAt(hostEnd) != ':') {
                throw new IllegalArgumentException("invalid authority in URL: " + url);
            }
            port = port(authority.substring(hostEnd + 1), url);
        }
        int fragment = url.indexOf('#', end);
        String rest = url.substring(end, fragment < 0 ? url.length() : fragment);
        String target = rest.isEmpty() ? "/" : rest.charAt(0) == '?' ? "/" + rest : rest;
        return new HttpTarget(https, host.toLowerCase(Locale.ROOT), port, encode(target));
    }

    private static int port(String digits, String url) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid port in URL: " + url);
    }

    private static String encode(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return encodeFrom(target, i);
            }
        }
        return target;
    }

    private static String encodeFrom(String target, int from) {
        StringBuilder b = new StringBuilder(target.length() + 16).append(target, 0, from);
        for (byte x : target.substring(from).getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c <= ' ' || c >= 0x7f) {
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    boolean defaultPort() {
        return port == (https ? 443 : 80);
    }

    /** {@code host} or {@code host:port} for the Host header (the port only when it is not the scheme's default). */
    String hostHeader() {
        return defaultPort() ? bracketedHost() : authority();
    }

    /** {@code host:port}, as a CONNECT request names it. */
    String authority() {
        return bracketedHost() + ':' + port;
    }

    /** The absolute form a plain-http request takes through a proxy. */
    String absoluteForm() {
        return (https ? "https://" : "http://") + hostHeader() + pathAndQuery;
    }

    private String bracketedHost() {
        return host.indexOf(':') >= 0 ? '[' + host + ']' : host;
    }
}
