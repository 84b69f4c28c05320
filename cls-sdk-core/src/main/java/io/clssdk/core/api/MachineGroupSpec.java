package io.clssdk.core.api;

import java.util.Arrays;
import java.util.List;
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
public final class MachineGroupSpec extends MachineGroupSettings {
    /** The most labels a label group may have. */
    public static final int MAX_LABELS = 20;
    /** The longest label, in characters. */
    public static final int MAX_LABEL_LENGTH = 32;

    private static final Pattern CLOCK_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d");

    private MachineGroupSpec(Builder b) {
        super(b, true);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return copyInto(new Builder());
    }

    @Override
    public String toString() {
        return "MachineGroupSpec" + Arrays.toString(state());
    }

    @Override
    Object[] state() {
        return withSettings();
    }

    /** Builds a {@link MachineGroupSpec}; {@link #build()} validates. */
    public static final class Builder extends SettingsBuilder<Builder> {
        private Builder() {}

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
