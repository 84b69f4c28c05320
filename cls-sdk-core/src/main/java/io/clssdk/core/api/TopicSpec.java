package io.clssdk.core.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ClsApiClient#createTopic(TopicSpec)} sends ({@code CreateTopic}). Only {@code LogsetId} and
 * {@code TopicName} are required; unset options take the API's defaults and are not sent. The API's encryption, KMS,
 * custom-id, metric-topic and billing options are not modelled. Immutable.
 */
public final class TopicSpec {
    /** Topic names CLS reserves for LogListener's own service logs. */
    public static final Set<String> RESERVED_NAMES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "cls_service_log",
            "loglistener_status",
            "loglistener_alarm",
            "loglistener_business",
            "cls_service_metric")));

    private final String logsetId;
    private final String topicName;
    private final Integer partitionCount;
    private final Map<String, String> tags;
    private final Boolean autoSplit;
    private final Integer maxSplitPartitions;
    private final String storageType;
    private final Integer period;
    private final String describes;
    private final Integer hotPeriod;
    private final Boolean isWebTracking;

    private TopicSpec(Builder b) {
        logsetId = b.logsetId;
        topicName = b.topicName;
        partitionCount = b.partitionCount;
        tags = Checks.map(b.tags, "Tags");
        autoSplit = b.autoSplit;
        maxSplitPartitions = b.maxSplitPartitions;
        storageType = Checks.emptyToNull(b.storageType);
        period = b.period;
        describes = Checks.emptyToNull(b.describes);
        hotPeriod = b.hotPeriod;
        isWebTracking = b.isWebTracking;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A topic named {@code topicName} in logset {@code logsetId}, with the API's defaults for everything else. */
    public static TopicSpec of(String logsetId, String topicName) {
        return builder().logsetId(logsetId).topicName(topicName).build();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder()
                .logsetId(logsetId)
                .topicName(topicName)
                .partitionCount(partitionCount)
                .tags(tags)
                .autoSplit(autoSplit)
                .maxSplitPartitions(maxSplitPartitions)
                .storageType(storageType)
                .period(period)
                .describes(describes)
                .hotPeriod(hotPeriod)
                .isWebTracking(isWebTracking);
    }

    /** {@code LogsetId}. */
    public String logsetId() {
        return logsetId;
    }

    /** {@code TopicName}. */
    public String topicName() {
        return topicName;
    }

    /** {@code PartitionCount} (API default 1), or null. */
    public Integer partitionCount() {
        return partitionCount;
    }

    /** {@code Tags}, in order; empty when none. */
    public Map<String, String> tags() {
        return tags;
    }

    /** {@code AutoSplit} (API default true), or null. */
    public Boolean autoSplit() {
        return autoSplit;
    }

    /** {@code MaxSplitPartitions} (API default 50), or null. */
    public Integer maxSplitPartitions() {
        return maxSplitPartitions;
    }

    /** {@code StorageType}: {@code hot} (API default) or {@code cold}, or null. */
    public String storageType() {
        return storageType;
    }

    /** {@code Period}: retention in days (3640 = forever), or null. */
    public Integer period() {
        return period;
    }

    /** {@code Describes}: a description, or null. */
    public String describes() {
        return describes;
    }

    /** {@code HotPeriod}: days in hot storage before moving to cold, or null. */
    public Integer hotPeriod() {
        return hotPeriod;
    }

    /** {@code IsWebTracking}, or null. */
    public Boolean isWebTracking() {
        return isWebTracking;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicSpec && Arrays.equals(state(), ((TopicSpec) o).state());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state());
    }

    @Override
    public String toString() {
        return "TopicSpec" + Arrays.toString(state());
    }

    private Object[] state() {
        return new Object[] {
            logsetId,
            topicName,
            partitionCount,
            tags,
            autoSplit,
            maxSplitPartitions,
            storageType,
            period,
            describes,
            hotPeriod,
            isWebTracking
        };
    }

    /** Builds a {@link TopicSpec}; {@link #build()} validates. */
    public static final class Builder {
        private String logsetId;
        private String topicName;
        private Integer partitionCount;
        private Map<String, String> tags;
        private Boolean autoSplit;
        private Integer maxSplitPartitions;
        private String storageType;
        private Integer period;
        private String describes;
        private Integer hotPeriod;
        private Boolean isWebTracking;

        private Builder() {}

        /** {@code LogsetId} (required). */
        public Builder logsetId(String logsetId) {
            this.logsetId = logsetId;
            return this;
        }

        /** {@code TopicName} (required; no {@code |}; not one of {@link #RESERVED_NAMES}). */
        public Builder topicName(String topicName) {
            this.topicName = topicName;
            return this;
        }

        /** {@code PartitionCount}: 1 to 10. */
        public Builder partitionCount(Integer partitionCount) {
            this.partitionCount = partitionCount;
            return this;
        }

        /** {@code Tags}: at most 10. */
        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        /** {@code AutoSplit}. */
        public Builder autoSplit(Boolean autoSplit) {
            this.autoSplit = autoSplit;
            return this;
        }

        /** {@code MaxSplitPartitions}: 1 to 50. */
        public Builder maxSplitPartitions(Integer maxSplitPartitions) {
            this.maxSplitPartitions = maxSplitPartitions;
            return this;
        }

        /** {@code StorageType}: {@code hot} or {@code cold}. */
        public Builder storageType(String storageType) {
            this.storageType = storageType;
            return this;
        }

        /** {@code Period}: 1 to 3600 days (7 to 3600 for cold storage), or 3640 for forever. */
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

        /** {@code IsWebTracking}. */
        public Builder isWebTracking(Boolean isWebTracking) {
            this.isWebTracking = isWebTracking;
            return this;
        }

        /**
         * Builds the specification.
         *
         * @throws IllegalArgumentException naming the missing or invalid field
         */
        public TopicSpec build() {
            Checks.requireText(logsetId, "LogsetId");
            Checks.noPipe(Checks.requireText(topicName, "TopicName"), "TopicName");
            if (RESERVED_NAMES.contains(topicName)) {
                throw new IllegalArgumentException("TopicName '" + topicName + "' is reserved by CLS");
            }
            Checks.range(partitionCount, 1, 10, "PartitionCount");
            Checks.range(maxSplitPartitions, 1, 50, "MaxSplitPartitions");
            if (tags != null && tags.size() > 10) {
                throw new IllegalArgumentException("Tags must have at most 10 entries, got " + tags.size());
            }
            if (storageType != null
                    && !storageType.isEmpty()
                    && !storageType.equals("hot")
                    && !storageType.equals("cold")) {
                throw new IllegalArgumentException("StorageType must be hot or cold, got '" + storageType + "'");
            }
            if (period != null && period != 3640) {
                Checks.range(period, "cold".equals(storageType) ? 7 : 1, 3600, "Period (or 3640 for forever)");
            }
            Checks.range(hotPeriod, 0, 3600, "HotPeriod");
            return new TopicSpec(this);
        }
    }
}
