package io.clssdk.core.api;

import java.util.Objects;

/**
 * A collection configuration as {@code DescribeConfigs} and {@code DescribeMachineGroupConfigs} return it: the
 * {@link CollectionConfig} plus the members CLS adds ({@code ConfigId}, {@code LogFormat}, {@code CreateTime},
 * {@code UpdateTime}). Immutable.
 *
 * <p>A configuration made elsewhere (in the console, by an older agent version) may break a rule that
 * {@link CollectionConfig.Builder#build()} enforces. Such an element does not make the whole call fail: it is returned
 * with {@link #configError()} set, {@link #config()} throwing, and the original text in {@link #json()}.
 */
public final class ConfigInfo {
    private final String configId;
    private final CollectionConfig config;
    private final String configError;
    private final String json;
    private final String logFormat;
    private final String createTime;
    private final String updateTime;

    private ConfigInfo(Builder b) {
        configId = Checks.requireText(b.configId, "ConfigId");
        if ((b.config == null) == (b.configError == null)) {
            throw new IllegalArgumentException("exactly one of config and configError must be set");
        }
        config = b.config;
        configError = b.configError;
        json = b.json;
        logFormat = b.logFormat;
        createTime = b.createTime;
        updateTime = b.updateTime;
    }

    /** A builder (mostly for tests and fakes; the client builds these from responses). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code ConfigId}. */
    public String configId() {
        return configId;
    }

    /**
     * The configuration itself, ready to run locally or to modify and send back with {@code ModifyConfig}.
     *
     * @throws IllegalStateException if CLS returned a configuration this SDK cannot represent; the message is
     *     {@link #configError()}
     */
    public CollectionConfig config() {
        if (config == null) {
            throw new IllegalStateException("configuration " + configId + " cannot be used: " + configError);
        }
        return config;
    }

    /** Why {@link #config()} is unavailable (the rule the configuration breaks), or null when it is available. */
    public String configError() {
        return configError;
    }

    /** The element exactly as CLS returned it (JSON object text), or null for a value made with the builder. */
    public String json() {
        return json;
    }

    /** {@code LogFormat}, or null. */
    public String logFormat() {
        return logFormat;
    }

    /** {@code CreateTime} as CLS formats it ({@code yyyy-MM-dd HH:mm:ss}), or null. */
    public String createTime() {
        return createTime;
    }

    /** {@code UpdateTime} as CLS formats it, or null. */
    public String updateTime() {
        return updateTime;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfigInfo)) {
            return false;
        }
        ConfigInfo c = (ConfigInfo) o;
        return configId.equals(c.configId)
                && Objects.equals(config, c.config)
                && Objects.equals(configError, c.configError)
                && Objects.equals(logFormat, c.logFormat)
                && Objects.equals(createTime, c.createTime)
                && Objects.equals(updateTime, c.updateTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configId, config, configError, logFormat, createTime, updateTime);
    }

    @Override
    public String toString() {
        return "ConfigInfo{configId=" + configId + ", createTime=" + createTime + ", updateTime=" + updateTime
                + (config != null ? ", config=" + config : ", configError=" + configError) + '}';
    }

    /** Builds a {@link ConfigInfo}; {@code ConfigId} and exactly one of the configuration or its error are required. */
    public static final class Builder {
        private String configId;
        private CollectionConfig config;
        private String configError;
        private String json;
        private String logFormat;
        private String createTime;
        private String updateTime;

        private Builder() {}

        /** {@code ConfigId} (required). */
        public Builder configId(String configId) {
            this.configId = configId;
            return this;
        }

        /** The configuration. */
        public Builder config(CollectionConfig config) {
            this.config = config;
            return this;
        }

        /** Instead of {@link #config(CollectionConfig)}: why the returned configuration cannot be represented. */
        public Builder configError(String configError) {
            this.configError = configError;
            return this;
        }

        /** The element as CLS returned it. */
        public Builder json(String json) {
            this.json = json;
            return this;
        }

        /** {@code LogFormat}. */
        public Builder logFormat(String logFormat) {
            this.logFormat = logFormat;
            return this;
        }

        /** {@code CreateTime}. */
        public Builder createTime(String createTime) {
            this.createTime = createTime;
            return this;
        }

        /** {@code UpdateTime}. */
        public Builder updateTime(String updateTime) {
            this.updateTime = updateTime;
            return this;
        }

        /**
         * Builds the value.
         *
         * @throws IllegalArgumentException if {@code ConfigId} is empty, or not exactly one of the configuration and
         *     its error is set
         */
        public ConfigInfo build() {
            return new ConfigInfo(this);
        }
    }
}
