package io.clssdk.core.api;

import java.util.Arrays;
import java.util.Map;

/** A log topic as {@code DescribeTopics} returns it ({@code TopicInfo}). Immutable. */
public final class TopicInfo {
    private final String logsetId;
    private final String topicId;
    private final String topicName;
    private final Integer partitionCount;
    private final boolean index;
    private final String createTime;
    private final boolean status;
    private final Map<String, String> tags;
    private final Boolean autoSplit;
    private final Integer maxSplitPartitions;
    private final String storageType;
    private final Integer period;
    private final String describes;
    private final Integer hotPeriod;
    private final Integer bizType;
    private final Boolean isWebTracking;

    private TopicInfo(Builder b) {
        logsetId = b.logsetId;
        topicId = Checks.requireText(b.topicId, "TopicId");
        topicName = b.topicName;
        partitionCount = b.partitionCount;
        index = b.index;
        createTime = b.createTime;
        status = b.status;
        tags = Checks.map(b.tags, "Tags");
        autoSplit = b.autoSplit;
        maxSplitPartitions = b.maxSplitPartitions;
        storageType = b.storageType;
        period = b.period;
        describes = b.describes;
        hotPeriod = b.hotPeriod;
        bizType = b.bizType;
        isWebTracking = b.isWebTracking;
    }

    /** A builder (mostly for tests and fakes; the client builds these from responses). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code LogsetId}. */
    public String logsetId() {
        return logsetId;
    }

    /** {@code TopicId}. */
    public String topicId() {
        return topicId;
    }

    /** {@code TopicName}. */
    public String topicName() {
        return topicName;
    }

    /** {@code PartitionCount}, or null. */
    public Integer partitionCount() {
        return partitionCount;
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

    /** {@code Tags}, in order; empty when none. */
    public Map<String, String> tags() {
        return tags;
    }

    /** {@code AutoSplit}, or null. */
    public Boolean autoSplit() {
        return autoSplit;
    }

    /** {@code MaxSplitPartitions}, or null. */
    public Integer maxSplitPartitions() {
        return maxSplitPartitions;
    }

    /** {@code StorageType}: {@code hot} or {@code cold}, or null. */
    public String storageType() {
        return storageType;
    }

    /** {@code Period}: retention in days, or null. */
    public Integer period() {
        return period;
    }

    /** {@code Describes}, or null. */
    public String describes() {
        return describes;
    }

    /** {@code HotPeriod}, or null. */
    public Integer hotPeriod() {
        return hotPeriod;
    }

    /** {@code BizType}: 0 log topic, 1 metric topic, or null. */
    public Integer bizType() {
        return bizType;
    }

    /** {@code IsWebTracking}, or null. */
    public Boolean isWebTracking() {
        return isWebTracking;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicInfo && Arrays.equals(state(), ((TopicInfo) o).state());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state());
    }

    @Override
    public String toString() {
        return "TopicInfo{topicId=" + topicId + ", topicName=" + topicName + ", logsetId=" + logsetId + ", index="
                + index + ", status=" + status + '}';
    }

    private Object[] state() {
        return new Object[] {
            logsetId,
            topicId,
            topicName,
            partitionCount,
            index,
            createTime,
            status,
            tags,
            autoSplit,
            maxSplitPartitions,
            storageType,
            period,
            describes,
            hotPeriod,
            bizType,
            isWebTracking
        };
    }

    /** Builds a {@link TopicInfo}; {@code TopicId} is required. */
    public static final class Builder {
        private String logsetId;
        private String topicId;
        private String topicName;
        private Integer partitionCount;
        private boolean index;
        private String createTime;
        private boolean status;
        private Map<String, String> tags;
        private Boolean autoSplit;
        private Integer maxSplitPartitions;
        private String storageType;
        private Integer period;
        private String describes;
        private Integer hotPeriod;
        private Integer bizType;
        private Boolean isWebTracking;

        private Builder() {}

        /** {@code LogsetId}. */
        public Builder logsetId(String logsetId) {
            this.logsetId = logsetId;
            return this;
        }

        /** {@code TopicId} (required). */
        public Builder topicId(String topicId) {
            this.topicId = topicId;
            return this;
        }

        /** {@code TopicName}. */
        public Builder topicName(String topicName) {
            this.topicName = topicName;
            return this;
        }

        /** {@code PartitionCount}. */
        public Builder partitionCount(Integer partitionCount) {
            this.partitionCount = partitionCount;
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

        /** {@code Tags}. */
        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        /** {@code AutoSplit}. */
        public Builder autoSplit(Boolean autoSplit) {
            this.autoSplit = autoSplit;
            return this;
        }

        /** {@code MaxSplitPartitions}. */
        public Builder maxSplitPartitions(Integer maxSplitPartitions) {
            this.maxSplitPartitions = maxSplitPartitions;
            return this;
        }

        /** {@code StorageType}. */
        public Builder storageType(String storageType) {
            this.storageType = storageType;
            return this;
        }

        /** {@code Period}. */
        public Builder period(Integer period) {
            this.period = period;
            return this;
        }

        /** {@code Describes}. */
        public Builder describes(String describes) {
            this.describes = describes;
            return this;
        }

        /** {@code HotPeriod}. */
        public Builder hotPeriod(Integer hotPeriod) {
            this.hotPeriod = hotPeriod;
            return this;
        }

        /** {@code BizType}. */
        public Builder bizType(Integer bizType) {
            this.bizType = bizType;
            return this;
        }

        /** {@code IsWebTracking}. */
        public Builder isWebTracking(Boolean isWebTracking) {
            this.isWebTracking = isWebTracking;
            return this;
        }

        /**
         * Builds the value.
         *
         * @throws IllegalArgumentException if {@code TopicId} is empty
         */
        public TopicInfo build() {
            return new TopicInfo(this);
        }
    }
}
