package io.clssdk.core;

import io.clssdk.core.internal.DefaultClsClient;
import io.clssdk.core.spi.Required;
import java.util.List;
import java.util.Objects;

/**
 * A synchronous client for the CLS upload API ({@code POST /structuredlog}).
 *
 * <p>Each call encodes the groups, checks them against the CLS limits (at most 10 groups per request, 1 to 10,000
 * logs per group, 1 MiB per value, 5 MiB of values and 6 MiB of body per request), compresses, signs and sends, and
 * blocks until CLS answers. Nothing is retried; for batching, retries and backpressure use the producer module.
 * Thread-safe: share one client, it pools connections. Close it to release them.
 *
 * <pre>{@code
 * try (ClsClient client = ClsClient.builder()
 *         .endpoint(ClsEndpoint.of("ap-guangzhou", ClsEndpoint.Network.PUBLIC))
 *         .credentials(CredentialsProvider.fromEnvironment())
 *         .build()) {
 *     client.putLogs(topicId, List.of(LogGroup.of(List.of(record))));
 * }
 * }</pre>
 */
public interface ClsClient extends AutoCloseable {

    /** Returns a builder. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Uploads {@code groups} to {@code topicId} with LZ4 compression and no hash key.
     *
     * @return the request id and sizes
     * @throws ClsClientException with reason {@code INVALID_ARGUMENT} naming the broken limit (nothing was sent), or
     *     {@code IO} / {@code TIMEOUT} / {@code CREDENTIALS} / {@code CLOSED}
     * @throws ClsServiceException when CLS rejects the request
     */
    PutLogsResult putLogs(String topicId, List<LogGroup> groups);

    /** Like {@link #putLogs(String, List)} with explicit compression and hash key. */
    PutLogsResult putLogs(String topicId, List<LogGroup> groups, PutLogsOptions options);

    /** Releases pooled connections. Idempotent; later calls fail with reason {@code CLOSED}. */
    @Override
    void close();

    /** Builds a {@link ClsClient}. */
    final class Builder {
        private ClsEndpoint endpoint;
        private CredentialsProvider credentials;
        private HttpOptions httpOptions = HttpOptions.defaults();

        private Builder() {}

        /** Where to send (required). */
        public Builder endpoint(ClsEndpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** How to sign (required). */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Timeouts, connection pool and TLS trust (default {@link HttpOptions#defaults()}). */
        public Builder httpOptions(HttpOptions httpOptions) {
            this.httpOptions = Objects.requireNonNull(httpOptions, "httpOptions");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if the endpoint or credentials are missing
         */
        public ClsClient build() {
            Required.endpoint(endpoint);
            Required.credentials(credentials);
            return new DefaultClsClient(endpoint, credentials, httpOptions);
        }
    }
}
