package io.clssdk.core.api;

import java.util.Map;

/** A logset as {@code DescribeLogsets} returns it ({@code LogsetInfo}). Immutable. */
public final class LogsetInfo extends ModelValue {
    private final String logsetId;
    private final String logsetName;
    private final String createTime;
    private final String assumerName;
    private final Map<String, String> tags;
    private final long topicCount;
    private final String roleName;

    private LogsetInfo(Builder b) {
        logsetId = Checks.requireText(b.logsetId, "LogsetId");
        logsetName = b.logsetName;
        createTime = b.createTime;
        assumerName = b.assumerName;
        tags = Checks.map(b.tags, "Tags");
        topicCount = b.topicCount;
        roleName = b.roleName;
    }

    /** A builder (mostly for tests and fakes; the client builds these from responses). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code LogsetId}. */
    public String logsetId() {
        return logsetId;
    }

    /** {@code LogsetName}. */
    public String logsetName() {
        return logsetName;
    }

    /** {@code CreateTime} ({@code yyyy-MM-dd HH:mm:ss}), or null. */
    public String createTime() {
        return createTime;
    }

    /** {@code AssumerName}: the cloud product that created the logset (for example CDN), or null. */
    public String assumerName() {
        return assumerName;
    }

    /** {@code Tags}, in order; empty when none. */
    public Map<String, String> tags() {
        return tags;
    }

    /** {@code TopicCount}. */
    public long topicCount() {
        return topicCount;
    }

    /** {@code RoleName}, or null. */
    public String roleName() {
        return roleName;
    }

    @Override
    public String toString() {
        return "LogsetInfo{logsetId=" + logsetId + ", logsetName=" + logsetName + ", topicCount=" + topicCount + '}';
    }

    @Override
    Object[] state() {
        return new Object[] {logsetId, logsetName, createTime, assumerName, tags, topicCount, roleName};
    }

    /** Builds a {@link LogsetInfo}; {@code LogsetId} is required. */
    public static final class Builder {
        private String logsetId;
        private String logsetName;
        private String createTime;
        private String assumerName;
        private Map<String, String> tags;
        private long topicCount;
        private String roleName;

        private Builder() {}

        /** {@code LogsetId} (required). */
        public Builder logsetId(String logsetId) {
            this.logsetId = logsetId;
            return this;
        }

        /** {@code LogsetName}. */
        public Builder logsetName(String logsetName) {
            this.logsetName = logsetName;
            return this;
        }

        /** {@code CreateTime}. */
        public Builder createTime(String createTime) {
            this.createTime = createTime;
            return this;
        }

        /** {@code AssumerName}. */
        public Builder assumerName(String assumerName) {
            this.assumerName = assumerName;
            return this;
        }

        /** {@code Tags}. */
        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        /** {@code TopicCount}. */
        public Builder topicCount(long topicCount) {
            this.topicCount = topicCount;
            return this;
        }

        /** {@code RoleName}. */
        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /**
         * Builds the value.
         *
         * @throws IllegalArgumentException if {@code LogsetId} is empty
         */
        public LogsetInfo build() {
            return new LogsetInfo(this);
        }
    }
}
