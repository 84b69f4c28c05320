package io.clssdk.core.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@link ClsApiClient#createMachineGroup(MachineGroupSpec)} sends ({@code CreateMachineGroup}): a name and the
 * machines, selected by IP address or by label. Unset options take the API's defaults and are not sent. Immutable.
 *
 * <pre>{@code
 * MachineGroupSpec group = MachineGroupSpec.builder()
 *         .groupName("web-servers")
 *         .ips("10.0.0.7", "10.0.0.8")
 *         .build();
 * }</pre>
 */
public final class MachineGroupSpec {
    /** The most labels a label group may have. */
    public static final int MAX_LABELS = 20;
    /** The longest label, in characters. */
    public static final int MAX_LABEL_LENGTH = 32;

    private static final Pattern CLOCK_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d");

    private final String groupName;
    private final MachineGroupType type;
    private final List<String> values;
    private final Map<String, String> tags;
    private final Boolean autoUpdate;
    private final String updateStartTime;
    private final String updateEndTime;
    private final Boolean serviceLogging;
    private final Integer delayCleanupTime;
    private final Map<String, String> metaTags;
    private final Integer osType;

    private MachineGroupSpec(Builder b) {
        groupName = b.groupName;
        type = b.type;
        values = Checks.list(b.values, "MachineGroupType.Values");
        tags = Checks.map(b.tags, "Tags");
        autoUpdate = b.autoUpdate;
        updateStartTime = Checks.emptyToNull(b.updateStartTime);
        updateEndTime = Checks.emptyToNull(b.updateEndTime);
        serviceLogging = b.serviceLogging;
        delayCleanupTime = b.delayCleanupTime;
        metaTags = Checks.map(b.metaTags, "MetaTags");
        osType = b.osType;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder()
                .groupName(groupName)
                .machineGroupType(type, values)
                .tags(tags)
                .autoUpdate(autoUpdate)
                .updateWindow(updateStartTime, updateEndTime)
                .serviceLogging(serviceLogging)
                .delayCleanupTime(delayCleanupTime)
                .metaTags(metaTags)
                .osType(osType);
    }

    /** {@code GroupName}. */
    public String groupName() {
        return groupName;
    }

    /** {@code MachineGroupType.Type}. */
    public MachineGroupType type() {
        return type;
    }

    /** {@code MachineGroupType.Values}: IP addresses or labels. */
    public List<String> values() {
        return values;
    }

    /** {@code Tags}, in order; empty when none. */
    public Map<String, String> tags() {
        return tags;
    }

    /** {@code AutoUpdate}: whether LogListener upgrades itself, or null. */
    public Boolean autoUpdate() {
        return autoUpdate;
    }

    /** {@code UpdateStartTime} ({@code HH:mm:ss}), or null. */
    public String updateStartTime() {
        return updateStartTime;
    }

    /** {@code UpdateEndTime} ({@code HH:mm:ss}), or null. */
    public String updateEndTime() {
        return updateEndTime;
    }

    /** {@code ServiceLogging}: ship LogListener's own logs to {@code cls_service_logging}, or null. */
    public Boolean serviceLogging() {
        return serviceLogging;
    }

    /** {@code DelayCleanupTime}: days before offline machines are removed, or null. */
    public Integer delayCleanupTime() {
        return delayCleanupTime;
    }

    /** {@code MetaTags}: metadata added to every log of the group, in order; empty when none. */
    public Map<String, String> metaTags() {
        return metaTags;
    }

    /** {@code OSType}: 0 Linux, 1 Windows, or null. */
    public Integer osType() {
        return osType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MachineGroupSpec && Arrays.equals(state(), ((MachineGroupSpec) o).state());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(state());
    }

    @Override
    public String toString() {
        return "MachineGroupSpec" + Arrays.toString(state());
    }

    private Object[] state() {
        return new Object[] {
            groupName,
            type,
            values,
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

    /** Builds a {@link MachineGroupSpec}; {@link #build()} validates. */
    public static final class Builder {
        private String groupName;
        private MachineGroupType type;
        private List<String> values;
        private Map<String, String> tags;
        private Boolean autoUpdate;
        private String updateStartTime;
        private String updateEndTime;
        private Boolean serviceLogging;
        private Integer delayCleanupTime;
        private Map<String, String> metaTags;
        private Integer osType;

        private Builder() {}

        /** {@code GroupName} (required, no {@code |}, at most 255 characters). */
        public Builder groupName(String groupName) {
            this.groupName = groupName;
            return this;
        }

        /** Selects machines by IP address (the agents' {@code group_label} must be empty). */
        public Builder ips(String... ips) {
            return machineGroupType(MachineGroupType.IP, Arrays.asList(ips));
        }

        /** Selects machines by IP address. */
        public Builder ips(List<String> ips) {
            return machineGroupType(MachineGroupType.IP, ips);
        }

        /** Selects machines whose agent sets one of these {@code group_label}s. */
        public Builder labels(String... labels) {
            return machineGroupType(MachineGroupType.LABEL, Arrays.asList(labels));
        }

        /** {@code MachineGroupType}: any type, with its values. */
        public Builder machineGroupType(MachineGroupType type, List<String> values) {
            this.type = type;
            this.values = values;
            return this;
        }

        /** {@code Tags}: at most 10. */
        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        /** {@code AutoUpdate}. */
        public Builder autoUpdate(Boolean autoUpdate) {
            this.autoUpdate = autoUpdate;
            return this;
        }

        /** {@code UpdateStartTime} and {@code UpdateEndTime}, both {@code HH:mm:ss}, or both null. */
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

        /** {@code DelayCleanupTime} in days, {@code >= 1}. */
        public Builder delayCleanupTime(Integer delayCleanupTime) {
            this.delayCleanupTime = delayCleanupTime;
            return this;
        }

        /** {@code MetaTags}. */
        public Builder metaTags(Map<String, String> metaTags) {
            this.metaTags = metaTags;
            return this;
        }

        /** {@code OSType}: 0 Linux, 1 Windows. */
        public Builder osType(Integer osType) {
            this.osType = osType;
            return this;
        }

        /**
         * Builds the specification.
         *
         * @throws IllegalArgumentException naming the missing or invalid field, for example an empty
         *     {@code GroupName} or an {@code ip} group without IP addresses
         */
        public MachineGroupSpec build() {
            Checks.noPipe(Checks.requireText(groupName, "GroupName"), "GroupName");
            if (groupName.length() > 255) {
                throw new IllegalArgumentException(
                        "GroupName must be at most 255 characters, got " + groupName.length());
            }
            if (type == null) {
                throw new IllegalArgumentException("MachineGroupType is required: call ips(...) or labels(...)");
            }
            List<String> list = Checks.list(values, "MachineGroupType.Values");
            if (list.isEmpty() && type.isKnown()) {
                throw new IllegalArgumentException(
                        type.equals(MachineGroupType.IP)
                                ? "an ip machine group needs at least one IP address in MachineGroupType.Values"
                                : "a label machine group needs at least one label in MachineGroupType.Values");
            }
            for (int i = 0; i < list.size(); i++) {
                Checks.requireText(list.get(i), "MachineGroupType.Values[" + i + "]");
            }
            if (type.equals(MachineGroupType.LABEL)) {
                if (list.size() > MAX_LABELS) {
                    throw new IllegalArgumentException(
                            "a machine group has at most " + MAX_LABELS + " labels, got " + list.size());
                }
                for (String label : list) {
                    if (label.length() > MAX_LABEL_LENGTH) {
                        throw new IllegalArgumentException(
                                "label '" + label + "' is longer than " + MAX_LABEL_LENGTH + " characters");
                    }
                }
            }
            if (tags != null && tags.size() > 10) {
                throw new IllegalArgumentException("Tags must have at most 10 entries, got " + tags.size());
            }
            if (Checks.isEmpty(updateStartTime) != Checks.isEmpty(updateEndTime)) {
                throw new IllegalArgumentException("UpdateStartTime and UpdateEndTime must be set together");
            }
            for (String t : new String[] {updateStartTime, updateEndTime}) {
                if (!Checks.isEmpty(t) && !CLOCK_TIME.matcher(t).matches()) {
                    throw new IllegalArgumentException("update window times must be HH:mm:ss, got '" + t + "'");
                }
            }
            Checks.range(delayCleanupTime, 1, Integer.MAX_VALUE, "DelayCleanupTime");
            Checks.range(osType, 0, 1, "OSType");
            return new MachineGroupSpec(this);
        }
    }
}
