package io.clssdk.core.api;

/**
 * A log topic as {@code DescribeTopics} returns it ({@code TopicInfo}): its id, state and creation time, and the
 * settings it was created with (the members of a {@link TopicSpec}), as CLS sent them — nothing but {@code TopicId}
 * is required. Immutable.
 */
public final class TopicInfo extends TopicSettings {
    private final String topicId;
    private final boolean index;
    private final String createTime;
    private final boolean status;
    private final Integer bizType;

    private TopicInfo(Builder b) {
        super(b, false);
        topicId = b.topicId;
        index = b.index;
        createTime = b.createTime;
        status = b.status;
        bizType = b.bizType;
    }

    /** A builder (mostly for tests and fakes; the client builds these from responses). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code TopicId}. */
    public String topicId() {
        return topicId;
    }

    /** {@code Index}: whether the topic has an index (needed by SearchLog). */
    public boolean index() {
        return index;
    }

    /** {@code CreateTime} ({@code yyyy-MM-dd HH:mm:ss}), or null. */
    public String createTime() {
        return createTime;
    }

    /** {@code Status}: whether collection into the topic is enabled. */
    public boolean status() {
        return status;
    }

    /** {@code BizType}: 0 log topic, 1 metric topic, or null. */
    public Integer bizType() {
        return bizType;
    }

    @Override
    public String toString() {
        return "TopicInfo{topicId=" + topicId + ", topicName=" + topicName() + ", logsetId=" + logsetId() + ", index="
                + index + ", status=" + status + '}';
    }

    @Override
    Object[] state() {
        return withSettings(topicId, index, createTime, status, bizType);
    }

    /** Builds a {@link TopicInfo}; {@code TopicId} is required. */
    public static final class Builder extends SettingsBuilder<Builder> {
        private String topicId;
        private boolean index;
        private String createTime;
        private boolean status;
        private Integer bizType;

        private Builder() {}

        /** {@code TopicId} (required). */
        public Builder topicId(String topicId) {
            this.topicId = topicId;
            return this;
        }

        /** {@code Index}. */
        public Builder index(boolean index) {
            this.index = index;
            return this;
        }

        /** {@code CreateTime}. */
        public Builder createTime(String createTime) {
            this.createTime = createTime;
            return this;
        }

        /** {@code Status}. */
        public Builder status(boolean status) {
            this.status = status;
            return this;
        }

        /** {@code BizType}. */
        public Builder bizType(Integer bizType) {
            this.bizType = bizType;
            return this;
        }

        /**
         * Builds the value.
         *
         * @throws IllegalArgumentException if {@code TopicId} is empty
         */
        public TopicInfo build() {
            Checks.requireText(topicId, "TopicId");
            return new TopicInfo(this);
        }
    }
}
