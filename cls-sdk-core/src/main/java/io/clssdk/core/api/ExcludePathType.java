package io.clssdk.core.api;

/**
 * What an {@link ExcludePath} names ({@code ExcludePaths[].Type} on the wire): {@link #FILE} or {@link #PATH}, or any
 * other value CLS may introduce later, kept verbatim by {@link #of(String)}. Immutable; equal when the values are.
 */
public final class ExcludePathType extends WireValue {
    /** {@code File}: files under the collection path to ignore (wildcards allowed). */
    public static final ExcludePathType FILE = new ExcludePathType("File", true);
    /** {@code Path}: directories under the collection path to ignore, with everything below them. */
    public static final ExcludePathType PATH = new ExcludePathType("Path", true);

    private ExcludePathType(String value, boolean known) {
        super(value, known);
    }

    /**
     * {@link #FILE} for {@code "File"}, {@link #PATH} for {@code "Path"}, otherwise an instance carrying the unknown
     * value unchanged (matching is exact, as on the wire).
     *
     * @throws IllegalArgumentException if {@code value} is null or empty
     */
    public static ExcludePathType of(String value) {
        requireValue(value, "ExcludePath Type");
        if (value.equals(FILE.value())) {
            return FILE;
        }
        if (value.equals(PATH.value())) {
            return PATH;
        }
        return new ExcludePathType(value, false);
    }
}
