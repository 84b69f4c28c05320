package io.clssdk.core.api;

import java.util.Map;

/**
 * The members a log topic has both in what {@code CreateTopic} sends ({@link TopicSpec}) and in what
 * {@code DescribeTopics} returns ({@link TopicInfo}): declared once here so the two cannot drift apart.
 * Package-private on purpose: users see its getters and setters as members of the two public classes. Immutable.
 */
abstract class TopicSettings extends ModelValue {
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

    /**
     * @param emptyIsUnset whether an empty {@code StorageType} or {@code Describes} means "not set" (a spec, which
     *     must not send it) or is kept as CLS sent it (an info)
     */
    TopicSettings(SettingsBuilder<?> b, boolean emptyIsUnset) {
        logsetId = b.logsetId;
        topicName = b.topicName;
        partitionCount = b.partitionCount;
        tags = Checks.map(b.tags, "Tags");
        autoSplit = b.autoSplit;
        maxSplitPartitions = b.maxSplitPartitions;
        storageType = emptyIsUnset ? Checks.emptyToNull(b.storageType) : b.storageType;
        period = b.period;
        describes = emptyIsUnset ? Checks.emptyToNull(b.describes) : b.describes;
        hotPeriod = b.hotPeriod;
        isWebTracking = b.isWebTracking;
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

    /** {@code own} followed by the members declared here, in declaration order. */
    final Object[] withSettings(Object... own) {
        Object[] settings = {
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
        return Checks.concat(own, settings);
    }

    /** Copies these members into {@code b}, for {@code toBuilder()}. */
    final <B extends SettingsBuilder<B>> B copyInto(B b) {
        return b.logsetId(logsetId)
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

    /**
     * The setters of the shared members, returning the concrete builder {@code B} so calls chain into its own
     * methods. Nothing is checked here: a spec's {@code build()} validates, an info's accepts what CLS sent.
     */
    abstract static class SettingsBuilder<B extends SettingsBuilder<B>> {
        String logsetId;
        String topicName;
        Integer partitionCount;
        Map<String, String> tags;
        Boolean autoSplit;
        Integer maxSplitPartitions;
        String storageType;
        Integer period;
        String describes;
        Integer hotPeriod;
        Boolean isWebTracking;

        SettingsBuilder() {}

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** {@code LogsetId} (required in a spec). */
        public B logsetId(String logsetId) {
            this.logsetId = logsetId;
            return self();
        }

        /** {@code TopicName} (required in a spec: no {@code |}, not one of {@link TopicSpec#RESERVED_NAMES}). */
        public B topicName(String topicName) {
            this.topicName = topicName;
            return self();
        }

        /** {@code PartitionCount}: 1 to 10 in a spec. */
        public B partitionCount(Integer partitionCount) {
            this.partitionCount = partitionCount;
            return self();
        }

        /** {@code Tags}: at most 10 in a spec. */
        public B tags(Map<String, String> tags) {
            this.tags = tags;
            return self();
        }

        /** {@code AutoSplit}. */
        public B autoSplit(Boolean autoSplit) {
            this.autoSplit = autoSplit;
            return self();
        }

        /** {@code MaxSplitPartitions}: 1 to 50 in a spec. */
        public B maxSplitPartitions(Integer maxSplitPartitions) {
            this.maxSplitPartitions = maxSplitPartitions;
            return self();
        }

        /** {@code StorageType}: {@code hot} or {@code cold}. */
        public B storageType(String storageType) {
            this.storageType = storageType;
            return self();
        }

        /** {@code Period}: 1 to 3600 days (7 to 3600 for cold storage), or 3640 for forever. */
        public B period(Integer period) {
            this.period = period;
            return self();
        }

        /** {@code Describes}. */
        public B describes(String describes) {
            this.describes = describes;
            return self();
        }

        /** {@code HotPeriod}: 0 to 3600 days in a spec. */
        public B hotPeriod(Integer hotPeriod) {
            this.hotPeriod = hotPeriod;
            return self();
        }

        /** {@code IsWebTracking}. */
        public B isWebTracking(Boolean isWebTracking) {
            this.isWebTracking = isWebTracking;
            return self();
        }
    }
}
