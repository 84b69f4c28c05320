package io.clssdk.core.spi;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.HttpProxy;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Where a connection goes: the origin (scheme, host, port) and the HTTP proxy in front of it, if any. Connections are
 * pooled per route. Immutable; equality ignores the proxy's credentials, which are fixed per transport.
 *
 * <p>Without a configured {@link HttpProxy} the JVM's default {@link ProxySelector} is asked once per URL, as before
 * (the {@code http.proxyHost}/{@code https.proxyHost} system properties); only an HTTP proxy it names is used.
 */
final class HttpRoute {
    final HttpTarget target;
    /** The proxy's host, or null when connecting directly. */
    final String proxyHost;

    final int proxyPort;
    /** The user named in a refusal, or null. */
    final String proxyUser;
    /** {@code Basic ...} for Proxy-Authorization, or null. Never logged. */
    final String proxyAuthorization;

    private HttpRoute(HttpTarget target, String proxyHost, int proxyPort, String proxyUser, String authorization) {
        this.target = target;
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.proxyUser = proxyUser;
        this.proxyAuthorization = authorization;
    }

    static HttpRoute of(String url, HttpProxy configured) {
        HttpTarget target = HttpTarget.parse(url);
        if (configured != null) {
            String authorization =
                    configured.username() == null ? null : basic(configured.username(), configured.password());
            return new HttpRoute(target, configured.host(), configured.port(), configured.username(), authorization);
        }
        InetSocketAddress system = systemProxy(target);
        return system == null
                ? new HttpRoute(target, null, 0, null, null)
                : new HttpRoute(target, system.getHostString(), system.getPort(), null, null);
    }

    private static InetSocketAddress systemProxy(HttpTarget target) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return null;
        }
        List<Proxy> proxies;
        try {
            proxies = selector.select(URI.create(target.absoluteForm()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (Proxy p : proxies) {
            if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress) {
                return (InetSocketAddress) p.address();
            }
            if (p.type() == Proxy.Type.DIRECT) {
                return null;
            }
        }
        return null;
    }

    /** {@code Basic base64(user:password)}, UTF-8. */
    static String basic(String user, String password) {
        byte[] pair = (user + ':' + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    boolean proxied() {
        return proxyHost != null;
    }

    /** A plain-http request through a proxy goes to it in absolute form, with its credentials up front. */
    boolean absoluteForm() {
        return proxyHost != null && !target.https;
    }

    String proxyName() {
        return proxyHost + ':' + proxyPort;
    }

    /** The proxy answered 407: names the proxy and the user, never the password. */
    ClsClientException proxyRefused(String url) {
        return new ClsClientException(
                ClsClientException.Reason.IO,
                "POST " + url + " failed: the proxy " + proxyName()
                        + " answered 407 Proxy Authentication Required"
                        + (proxyUser == null
                                ? " and no proxy credentials are configured"
                                : " and refused the credentials of user " + proxyUser));
    }

    boolean sameConnection(HttpRoute other) {
        return target.https == other.target.https
                && target.port == other.target.port
                && proxyPort == other.proxyPort
                && target.host.equals(other.target.host)
                && Objects.equals(proxyHost, other.proxyHost);
    }
}
