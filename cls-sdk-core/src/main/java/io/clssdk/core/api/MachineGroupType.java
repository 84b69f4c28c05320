package io.clssdk.core.api;

/**
 * How a machine group selects machines ({@code MachineGroupType.Type} on the wire): by {@link #IP} address or by
 * {@link #LABEL}, or any other value CLS may introduce later, kept verbatim by {@link #of(String)}. Immutable; equal
 * when the values are.
 */
public final class MachineGroupType extends WireValue {
    /** {@code ip}: the group's values are machine IP addresses (the agent's {@code group_label} must be empty). */
    public static final MachineGroupType IP = new MachineGroupType("ip", true);
    /** {@code label}: the group's values are labels set as {@code group_label} in the agent's configuration. */
    public static final MachineGroupType LABEL = new MachineGroupType("label", true);

    private MachineGroupType(String value, boolean known) {
        super(value, known);
    }

    /**
     * {@link #IP} for {@code "ip"}, {@link #LABEL} for {@code "label"}, otherwise an instance carrying the unknown
     * value unchanged (matching is exact, as on the wire).
     *
     * @throws IllegalArgumentException if {@code value} is null or empty
     */
    public static MachineGroupType of(String value) {
        requireValue(value, "MachineGroupType Type");
        if (value.equals(IP.value())) {
            return IP;
        }
        if (value.equals(LABEL.value())) {
            return LABEL;
        }
        return new MachineGroupType(value, false);
    }
}
