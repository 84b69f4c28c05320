package io.clssdk.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where uploads go: a scheme, host and port.
 *
 * <p>For CLS regions use {@link #of(String, Network)}, which builds {@code https://<region>.cls.tencentyun.com}
 * (private network, from machines in the same region) or {@code https://<region>.cls.tencentcs.com} (public
 * internet). Certificates are always verified for https. For proxies, tests and the local endpoint use
 * {@link #parse(String)}. Immutable and thread-safe.
 */
public final class ClsEndpoint {
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Which network a region endpoint is reached over. */
    public enum Network {
        /** Tencent Cloud's private network ({@code <region>.cls.tencentyun.com}): machines in the same region. */
        PRIVATE("tencentyun"),
        /** The public internet ({@code <region>.cls.tencentcs.com}). */
        PUBLIC("tencentcs");

        private final String domain;

        Network(String domain) {
            this.domain = domain;
        }
    }

    private final String scheme;
    private final String host;
    private final int port;

    private ClsEndpoint(String scheme, String host, int port) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
    }

    /**
     * The https endpoint of a CLS region, for example {@code of("ap-guangzhou", Network.PUBLIC)}.
     *
     * @throws IllegalArgumentException if the region is not of the form {@code ap-guangzhou} (lower-case letters,
     *     digits and single dashes)
     */
    public static ClsEndpoint of(String region, Network network) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(network, "network");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException(
                    "region '" + region + "' is not a CLS region name; expected something like 'ap-guangzhou'");
        }
        return new ClsEndpoint("https", region + ".cls." + network.domain + ".com", 443);
    }

    /**
     * Parses {@code scheme://host[:port]}; {@code host} alone means https on port 443. A trailing slash is allowed;
     * a path, query or credentials are not.
     *
     * @throws IllegalArgumentException explaining what is wrong, with an accepted form
     */
    public static ClsEndpoint parse(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        String text = endpoint.trim();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(endpoint, e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(endpoint, "scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw invalid(endpoint, "no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(endpoint, "credentials in the URL are not allowed");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(endpoint, "an endpoint has no path, query or fragment");
        }
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return new ClsEndpoint(scheme, host, port);
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return scheme;
    }

    /** The host name or IP address (IPv6 in brackets). */
    public String host() {
        return host;
    }

    /** The TCP port. */
    public int port() {
        return port;
    }

    /** The value of the {@code Host} header: the host, plus {@code :port} when the port is not the scheme's default. */
    public String hostHeader() {
        return port == defaultPort(scheme) ? host : host + ":" + port;
    }

    /** {@code scheme://host[:port]} without a trailing slash. */
    public String url() {
        return scheme + "://" + hostHeader();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClsEndpoint)) {
            return false;
        }
        ClsEndpoint e = (ClsEndpoint) o;
        return port == e.port && scheme.equals(e.scheme) && host.equals(e.host);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, host, port);
    }

    @Override
    public String toString() {
        return url();
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("http") ? 80 : 443;
    }

    private static IllegalArgumentException invalid(String endpoint, String why) {
        return new IllegalArgumentException("endpoint '" + endpoint + "' is not valid (" + why
                + "); expected scheme://host[:port], for example https://ap-guangzhou.cls.tencentcs.com"
                + " or http://127.0.0.1:8080");
    }
}
