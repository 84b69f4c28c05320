package io.clssdk.core.api;

/**
 * The common shape of the API's open enumerations ({@link LogType}, {@link ExcludePathType}, {@link
 * MachineGroupType}): a wire value, known constants, and room for values CLS introduces later. Equal when the class
 * and the value are.
 */
abstract class WireValue {
    private final String value;
    private final boolean known;

    WireValue(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /**
     * Checks a value read from the wire or given by a caller.
     *
     * @throws IllegalArgumentException naming {@code what} if {@code value} is null or empty
     */
    static String requireValue(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }

    /** The value sent on the wire. */
    public String value() {
        return value;
    }

    /** False for a value this SDK does not know (created from newer API data). */
    public boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((WireValue) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return 31 * getClass().getName().hashCode() + value.hashCode();
    }

    /** The wire value. */
    @Override
    public final String toString() {
        return value;
    }
}
