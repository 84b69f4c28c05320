package io.clssdk.core;

import io.clssdk.core.spi.Limits;
import java.util.Objects;

/**
 * Per-request options of {@link ClsClient#putLogs}. Immutable.
 *
 * <ul>
 *   <li>{@code compression}: default {@link Compression#LZ4}.
 *   <li>{@code hashKey}: default none. With a hash key CLS writes the request to the partition whose key range
 *       contains it ({@code x-cls-hashkey}), which keeps the order of requests sent one after another with the same
 *       key. Printable ASCII, typically hexadecimal.
 * </ul>
 */
public final class PutLogsOptions {
    private static final PutLogsOptions DEFAULTS = builder().build();

    private final Compression compression;
    private final String hashKey;

    private PutLogsOptions(Builder b) {
        this.compression = b.compression;
        this.hashKey = b.hashKey;
    }

    public static PutLogsOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Compression compression() {
        return compression;
    }

    /** The hash key, or null. */
    public String hashKey() {
        return hashKey;
    }

    public Builder toBuilder() {
        return new Builder().compression(compression).hashKey(hashKey);
    }

    @Override
    public String toString() {
        return "PutLogsOptions{compression=" + compression + ", hashKey=" + hashKey + '}';
    }

    /** Builds {@link PutLogsOptions}. */
    public static final class Builder {
        private Compression compression = Compression.LZ4;
        private String hashKey;

        private Builder() {}

        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            return this;
        }

        /** Sets the hash key; null for none. */
        public Builder hashKey(String hashKey) {
            this.hashKey = hashKey;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws ClsClientException if the hash key is empty or not printable ASCII
         */
        public PutLogsOptions build() {
            Limits.checkHashKey(hashKey);
            return new PutLogsOptions(this);
        }
    }
}
