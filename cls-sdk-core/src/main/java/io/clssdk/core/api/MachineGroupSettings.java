package io.clssdk.core.api;

import java.util.List;
import java.util.Map;

/**
 * The members a machine group has both in what {@code CreateMachineGroup} sends ({@link MachineGroupSpec}) and in
 * what {@code DescribeMachineGroups} returns ({@link MachineGroupInfo}): declared once here so the two cannot drift
 * apart. Package-private on purpose: users see its getters and setters as members of the two public classes.
 * Immutable.
 */
abstract class MachineGroupSettings extends ModelValue {
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

    /**
     * @param emptyIsUnset whether an empty update window time means "not set" (a spec, which must not send it) or is
     *     kept as CLS sent it (an info)
     */
    MachineGroupSettings(SettingsBuilder<?> b, boolean emptyIsUnset) {
        groupName = b.groupName;
        type = b.type;
        values = Checks.list(b.values, "MachineGroupType.Values");
        tags = Checks.map(b.tags, "Tags");
        autoUpdate = b.autoUpdate;
        updateStartTime = emptyIsUnset ? Checks.emptyToNull(b.updateStartTime) : b.updateStartTime;
        updateEndTime = emptyIsUnset ? Checks.emptyToNull(b.updateEndTime) : b.updateEndTime;
        serviceLogging = b.serviceLogging;
        delayCleanupTime = b.delayCleanupTime;
        metaTags = Checks.map(b.metaTags, "MetaTags");
        osType = b.osType;
    }

    /** {@code GroupName}. */
    public String groupName() {
        return groupName;
    }

    /** {@code MachineGroupType.Type}: always set in a spec; in an info, null when CLS sent none. */
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

    /** {@code own} followed by the members declared here, in declaration order. */
    final Object[] withSettings(Object... own) {
        Object[] settings = {
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
        return Checks.concat(own, settings);
    }

    /** Copies these members into {@code b}, for {@code toBuilder()}. */
    final <B extends SettingsBuilder<B>> B copyInto(B b) {
        return b.groupName(groupName)
                .machineGroupType(type, values)
                .tags(tags)
                .autoUpdate(autoUpdate)
                .updateWindow(updateStartTime, updateEndTime)
                .serviceLogging(serviceLogging)
                .delayCleanupTime(delayCleanupTime)
                .metaTags(metaTags)
                .osType(osType);
    }

    /**
     * The setters of the shared members, returning the concrete builder {@code B} so calls chain into its own
     * methods. Nothing is checked here: a spec's {@code build()} validates, an info's accepts what CLS sent.
     */
    abstract static class SettingsBuilder<B extends SettingsBuilder<B>> {
        String groupName;
        MachineGroupType type;
        List<String> values;
        Map<String, String> tags;
        Boolean autoUpdate;
        String updateStartTime;
        String updateEndTime;
        Boolean serviceLogging;
        Integer delayCleanupTime;
        Map<String, String> metaTags;
        Integer osType;

        SettingsBuilder() {}

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** {@code GroupName} (required in a spec: no {@code |}, at most 255 characters). */
        public B groupName(String groupName) {
            this.groupName = groupName;
            return self();
        }

        /** {@code MachineGroupType}: any type, with its values. */
        public B machineGroupType(MachineGroupType type, List<String> values) {
            this.type = type;
            this.values = values;
            return self();
        }

        /** {@code Tags}: at most 10 in a spec. */
        public B tags(Map<String, String> tags) {
            this.tags = tags;
            return self();
        }

        /** {@code AutoUpdate}. */
        public B autoUpdate(Boolean autoUpdate) {
            this.autoUpdate = autoUpdate;
            return self();
        }

        /** {@code UpdateStartTime} and {@code UpdateEndTime}, both {@code HH:mm:ss}, or both null. */
        public B updateWindow(String startTime, String endTime) {
            this.updateStartTime = startTime;
            this.updateEndTime = endTime;
            return self();
        }

        /** {@code ServiceLogging}. */
        public B serviceLogging(Boolean serviceLogging) {
            this.serviceLogging = serviceLogging;
            return self();
        }

        /** {@code DelayCleanupTime} in days, {@code >= 1} in a spec. */
        public B delayCleanupTime(Integer delayCleanupTime) {
            this.delayCleanupTime = delayCleanupTime;
            return self();
        }

        /** {@code MetaTags}. */
        public B metaTags(Map<String, String> metaTags) {
            this.metaTags = metaTags;
            return self();
        }

        /** {@code OSType}: 0 Linux, 1 Windows. */
        public B osType(Integer osType) {
            this.osType = osType;
            return self();
        }
    }
}
