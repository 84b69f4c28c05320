package io.clssdk.core;

import java.util.Objects;

/**
 * An HTTP proxy for uploads and the Cloud API, optionally with the user name and password it asks for (HTTP 407,
 * {@code Proxy-Authorization: Basic}). Plain {@code http://} endpoints are sent through it as absolute
 * requests; {@code https://} endpoints through a {@code CONNECT} tunnel, so TLS still runs end to end with CLS and
 * certificates are verified as without a proxy. Immutable and thread-safe; the password never appears in {@link
 * #toString()}.
 */
public final class HttpProxy {
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private HttpProxy(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * A proxy that needs no credentials.
     *
     * @throws IllegalArgumentException if {@code host} is empty or {@code port} is not in 1..65535
     */
    public static HttpProxy of(String host, int port) {
        Objects.requireNonNull(host, "proxy host");
        if (host.trim().isEmpty()) {
            throw new IllegalArgumentException("proxy host must not be empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("proxy port must be in 1..65535, got " + port);
        }
        return new HttpProxy(host.trim(), port, null, null);
    }

    /**
     * This proxy, with the credentials it asks for (407), sent as {@code Proxy-Authorization: Basic}: with each plain
     * {@code http://} request and with each {@code CONNECT} that opens an https tunnel (up front, so a request body is
     * not sent twice), never to CLS itself.
     *
     * @throws IllegalArgumentException if {@code username} is empty or contains ':' (Basic authentication cannot carry
     *     it)
     */
    public HttpProxy withCredentials(String username, String password) {
        Objects.requireNonNull(username, "proxy username");
        Objects.requireNonNull(password, "proxy password");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("proxy username must be non-empty and must not contain ':'");
        }
        return new HttpProxy(host, port, username, password);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The user name sent when the proxy asks for authentication, or null. */
    public String username() {
        return username;
    }

    /** The password sent with {@link #username()}, or null. Never logged. */
    public String password() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HttpProxy)) {
            return false;
        }
        HttpProxy that = (HttpProxy) o;
        return port == that.port
                && host.equals(that.host)
                && Objects.equals(username, that.username)
                && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username);
    }

    @Override
    public String toString() {
        return "HttpProxy{" + host + ':' + port + (username == null ? "" : ", username=" + username + ", password=***")
                + '}';
    }
}
