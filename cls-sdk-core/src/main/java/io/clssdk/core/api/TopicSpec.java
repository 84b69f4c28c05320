package io.clssdk.core.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * What {@link ClsApiClient#createTopic(TopicSpec)} sends ({@code CreateTopic}). Only {@code LogsetId} and
 * {@code TopicName} are required; unset options take the API's defaults and are not sent. The API's encryption, KMS,
 * custom-id, metric-topic and billing options are not modelled. Immutable.
 */
public final class TopicSpec extends TopicSettings {
    /** Topic names CLS reserves for LogListener's own service logs. */
    public static final Set<String> RESERVED_NAMES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "cls_service_log",
            "loglistener_status",
            "loglistener_alarm",
            "loglistener_business",
            "cls_service_metric")));

    private TopicSpec(Builder b) {
        super(b, true);
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
        return copyInto(new Builder());
    }

    @Override
    public String toString() {
        return "TopicSpec" + Arrays.toString(state());
    }

    @Override
    Object[] state() {
        return withSettings();
    }

    /** Builds a {@link TopicSpec}; {@link #build()} validates. */
    public static final class Builder extends SettingsBuilder<Builder> {
        private Builder() {}

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
