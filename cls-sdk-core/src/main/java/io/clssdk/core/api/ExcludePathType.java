package io.clssdk.core.api;

import java.util.Objects;

/**
 * What an {@link ExcludePath} names ({@code ExcludePaths[].Type} on the wire): {@link #FILE} or {@link #PATH}, or any
 * other value CLS may introduce later, kept verbatim by {@link #of(String)}. Immutable; equal when the values are.
 */
public final class ExcludePathType {
    /** {@code File}: files under the collection path to ignore (wildcards allowed). */
    public static final ExcludePathType FILE = new ExcludePathType("File", true);
    /** {@code Path}: directories under the collection path to ignore, with everything below them. */
    public static final ExcludePathType PATH = new ExcludePathType("Path", true);

    private final String value;
    private final boolean known;

    private ExcludePathType(String value, boolean known) {
        this.value = value;
        this.known = known;
    }

    /**
     * {@link #FILE} for {@code "File"}, {@link #PATH} for {@code "Path"}, otherwise an instance carrying the unknown
     * value unchanged (matching is exact, as on the wire).
     *
     * @throws IllegalArgumentException if {@code value} is null or empty
     */
    public static ExcludePathType of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("ExcludePath Type must not be empty");
        }
        if (value.equals(FILE.value)) {
            return FILE;
        }
        if (value.equals(PATH.value)) {
            return PATH;
        }
        return new ExcludePathType(value, false);
    }

    /** The value sent on the wire: {@code File}, {@code Path} or an unknown value. */
    public String value() {
        return value;
    }

    /** False for a value this SDK does not know. */
    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExcludePathType && ((ExcludePathType) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ExcludePathType.class, value);
    }

    /** The wire value. */
    @Override
    public String toString() {
        return value;
    }
}
