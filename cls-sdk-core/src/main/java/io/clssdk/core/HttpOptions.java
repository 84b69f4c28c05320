package io.clssdk.core;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.X509TrustManager;

/**
 * Connection settings shared by the upload client, the producer and the Cloud API client. Immutable; build with
 * {@link #builder()}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>bounds</th></tr>
 *   <tr><td>connectTimeout</td><td>10 s</td><td>&gt; 0</td></tr>
 *   <tr><td>readTimeout</td><td>30 s</td><td>&gt; 0</td></tr>
 *   <tr><td>writeTimeout</td><td>30 s</td><td>&gt; 0</td></tr>
 *   <tr><td>callTimeout (whole request)</td><td>60 s</td><td>&gt; 0</td></tr>
 *   <tr><td>maxIdleConnections</td><td>16</td><td>&ge; 0</td></tr>
 *   <tr><td>keepAlive</td><td>5 min</td><td>&gt; 0</td></tr>
 *   <tr><td>trustManager</td><td>the JDK's default trust store</td><td>certificates are always verified</td></tr>
 *   <tr><td>proxy</td><td>none set: the JVM's default proxy selection ({@code http.proxyHost}/{@code https.proxyHost}
 *   system properties, no authentication)</td><td>an HTTP proxy, optionally with credentials ({@link HttpProxy})</td></tr>
 * </table>
 */
public final class HttpOptions {
    private static final HttpOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final int maxIdleConnections;
    private final Duration keepAlive;
    private final X509TrustManager trustManager;
    private final HttpProxy proxy;

    private HttpOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
        this.maxIdleConnections = b.maxIdleConnections;
        this.keepAlive = b.keepAlive;
        this.trustManager = b.trustManager;
        this.proxy = b.proxy;
    }

    /** The defaults listed in the class documentation. */
    public static HttpOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        b.maxIdleConnections = maxIdleConnections;
        b.keepAlive = keepAlive;
        b.trustManager = trustManager;
        b.proxy = proxy;
        return b;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration writeTimeout() {
        return writeTimeout;
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    public int maxIdleConnections() {
        return maxIdleConnections;
    }

    public Duration keepAlive() {
        return keepAlive;
    }

    /** The trust manager for https, or null for the JDK default. */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    /** The HTTP proxy every request goes through, or null for the JVM's default proxy selection. */
    public HttpProxy proxy() {
        return proxy;
    }

    @Override
    public String toString() {
        return "HttpOptions{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout="
                + writeTimeout + ", callTimeout=" + callTimeout + ", maxIdleConnections=" + maxIdleConnections
                + ", keepAlive=" + keepAlive + ", trustManager=" + (trustManager == null ? "default" : "custom")
                + (proxy == null ? "" : ", proxy=" + proxy) + '}';
    }

    /** Builds {@link HttpOptions}; {@link #build()} checks the bounds. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private int maxIdleConnections = 16;
        private Duration keepAlive = Duration.ofMinutes(5);
        private X509TrustManager trustManager;
        private HttpProxy proxy;

        private Builder() {}

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        /** Bounds a whole request: connect, write, wait and read. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        public Builder maxIdleConnections(int maxIdleConnections) {
            this.maxIdleConnections = maxIdleConnections;
            return this;
        }

        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /**
         * Trusts the certificates this trust manager accepts instead of the JDK defaults (for a private CA or a
         * TLS-inspecting proxy). Host names are still verified.
         */
        public Builder trustManager(X509TrustManager trustManager) {
            this.trustManager = trustManager;
            return this;
        }

        /**
         * Sends every request through this HTTP proxy ({@code null}: the JVM's default proxy selection). A proxy that
         * answers 407 gets the proxy's credentials, if it has any; a request the proxy still refuses fails with a
         * retryable {@link ClsClientException} ({@code IO}) naming the proxy.
         */
        public Builder proxy(HttpProxy proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException naming the option that is out of bounds
         */
        public HttpOptions build() {
            positive(connectTimeout, "connectTimeout");
            positive(readTimeout, "readTimeout");
            positive(writeTimeout, "writeTimeout");
            positive(callTimeout, "callTimeout");
            positive(keepAlive, "keepAlive");
            if (maxIdleConnections < 0) {
                throw new IllegalArgumentException("maxIdleConnections must be >= 0, got " + maxIdleConnections);
            }
            return new HttpOptions(this);
        }

        private static void positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
        }
    }
}
