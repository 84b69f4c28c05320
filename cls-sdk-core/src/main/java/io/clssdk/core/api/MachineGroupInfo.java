package io.clssdk.core.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A machine group as {@code DescribeMachineGroups} returns it ({@code MachineGroupInfo}). Immutable. */
public final class MachineGroupInfo {
    private final String groupId;
    private final String groupName;
    private final MachineGroupType type;
    private final List<String> values;
    private final String createTime;
    private final Map<String, String> tags;
    private final Boolean autoUpdate;
    private final String updateStartTime;
    private final String updateEndTime;
    private final Boolean serviceLogging;
    private final Integer delayCleanupTime;
    private final Map<String, String> metaTags;
    private final Integer osType;

    private MachineGroupInfo(Builder b) {
        groupId = Checks.requireText(b.groupId, "GroupId");
        groupName = b.groupName;
        type = b.type;
        values = Checks.list(b.values, "MachineGroupType.Values");
        createTime = b.createTime;
        tags = Checks.map(b.tags, "Tags");
        autoUpdate = b.autoUpdate;
        updateStartTime = b.updateStartTime;
        updateEndTime = b.updateEndTime;
        serviceLogging = b.serviceLogging;
        delayCleanupTime = b.delayCleanupTime;
        metaTags = Checks.map(b.metaTags, "MetaTags");
        osType = b.osType;
    }

    /** A builder (mostly for tests and fakes; the client builds these from responses). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code GroupId}. */
    public String groupId() {
        return groupId;
    }

    /** {@code GroupName}. */
    public String groupName() {
        return groupName;
    }

    /** {@code MachineGroupType.Type}, or null when CLS sent none. */
    public MachineGroupType type() {
        return type;
    }

    /** {@code MachineGroupType.Values}: IP addresses or labels. */
    public List<String> values() {
        return values;
    }

    /** {@code CreateTime} ({@code yyyy-MM-dd HH:mm:ss}), or null. */
    public String createTime() {
        return createTime;
    }

    /** {@code Tags}, in order; empty when none. */
    public Map<String, String> tags() {
        return tags;
    }

    /** {@code AutoUpdate} (sent by CLS as the string {@code "true"} or {@code "false"}), or null. */
    public Boolean autoUpdate() {
        return autoUpdate;
    }

    /** {@code UpdateStartTime}, or null. */
    public String updateStartTime() {
        return updateStartTime;
    }

    /** {@code UpdateEndTime}, or null. */
    public String updateEndTime() {
        return updateEndTime;
    }

    /** {@code ServiceLogging}, or null. */
    public Boolean serviceLogging() {
        return serviceLogging;
    }

    /** {@code DelayCleanupTime} in days, or null. */
    public Integer delayCleanupTime() {
        return delayCleanupTime;
    }

    /** {@code MetaTags}, in order; empty when none. */
    public Map<String, String> metaTags() {
        return metaTags;
    }

    /** {@code OSType}: 0 Linux, 1 Windows, or null. */
    public Integer osType() {
        return osType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MachineGroupInfo && Arrays.equals(state(), ((MachineGroupInfo) o).state());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state());
    }

    @Override
    public String toString() {
        return "MachineGroupInfo{groupId=" + groupId + ", groupName=" + groupName + ", type=" + type + ", values="
                + values + '}';
    }

    private Object[] state() {
        return new Object[] {
            groupId,
            groupName,
            type,
            values,
            createTime,
            tags,
            autoUpdate,
            updateStartTime,
            updateEndTime,
            serviceLogging,
            delayCleanupTime,
            metaTags,
            osType
        };
    }

    /** Builds a {@link MachineGroupInfo}; {@code GroupId} is required. */
    public static final class Builder {
        private String groupId;
        private String groupName;
        private MachineGroupType type;
        private List<String> values;
        private String createTime;
        private Map<String, String> tags;
        private Boolean autoUpdate;
        private String updateStartTime;
        private String updateEndTime;
        private Boolean serviceLogging;
        private Integer delayCleanupTime;
        private Map<String, String> metaTags;
        private Integer osType;

        private Builder() {}

        /** {@code GroupId} (required). */
        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        /** {@code GroupName}. */
        public Builder groupName(String groupName) {
            this.groupName = groupName;
            return this;
        }

        /** {@code MachineGroupType}. */
        public Builder machineGroupType(MachineGroupType type, List<String> values) {
            this.type = type;
            this.values = values;
            return this;
        }

        /** {@code CreateTime}. */
        public Builder createTime(String createTime) {
            this.createTime = createTime;
            return this;
        }

        /** {@code Tags}. */
        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        /** {@code AutoUpdate}. */
        public Builder autoUpdate(Boolean autoUpdate) {
            this.autoUpdate = autoUpdate;
            return this;
        }

        /** {@code UpdateStartTime} and {@code UpdateEndTime}. */
        public Builder updateWindow(String startTime, String endTime) {
            this.updateStartTime = startTime;
            this.updateEndTime = endTime;
            return this;
        }

        /** {@code ServiceLogging}. */
        public Builder serviceLogging(Boolean serviceLogging) {
            this.serviceLogging = serviceLogging;
            return this;
        }

        /** {@code DelayCleanupTime}. */
        public Builder delayCleanupTime(Integer delayCleanupTime) {
            this.delayCleanupTime = delayCleanupTime;
            return this;
        }

        /** {@code MetaTags}. */
        public Builder metaTags(Map<String, String> metaTags) {
            this.metaTags = metaTags;
            return this;
        }

        /** {@code OSType}. */
        public Builder osType(Integer osType) {
            this.osType = osType;
            return this;
        }

        /**
         * Builds the value.
         *
         * @throws IllegalArgumentException if {@code GroupId} is empty
         */
        public MachineGroupInfo build() {
            return new MachineGroupInfo(this);
        }
    }
}
