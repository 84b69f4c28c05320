package io.clssdk.core.api;

import java.util.Objects;

/**
 * One entry of a collection configuration's blacklist ({@code ExcludePaths[]}): a file or directory pattern under the
 * collection path that is never collected. Immutable.
 */
public final class ExcludePath {
    private final ExcludePathType type;
    private final String value;

    private ExcludePath(ExcludePathType type, String value) {
        this.type = Objects.requireNonNull(type, "ExcludePaths.Type");
        this.value = Checks.requireText(value, "ExcludePaths.Value");
    }

    /** Excludes files matching {@code pattern} ({@code Type: "File"}), for example {@code /var/log/app/debug.log}. */
    public static ExcludePath file(String pattern) {
        return new ExcludePath(ExcludePathType.FILE, pattern);
    }

    /** Excludes a directory and everything below it ({@code Type: "Path"}), for example {@code /var/log/app/tmp}. */
    public static ExcludePath path(String pattern) {
        return new ExcludePath(ExcludePathType.PATH, pattern);
    }

    /**
     * An entry of any type, including types this SDK does not know.
     *
     * @throws IllegalArgumentException if the value is empty
     */
    public static ExcludePath of(ExcludePathType type, String value) {
        return new ExcludePath(type, value);
    }

    /** {@code Type}. */
    public ExcludePathType type() {
        return type;
    }

    /** {@code Value}: the file or directory pattern. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExcludePath)) {
            return false;
        }
        ExcludePath p = (ExcludePath) o;
        return type.equals(p.type) && value.equals(p.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
