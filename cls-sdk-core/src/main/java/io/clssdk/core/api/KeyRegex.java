package io.clssdk.core.api;

import java.util.Objects;

/**
 * One legacy collection filter ({@code ExtractRule.FilterKeyRegex[]}): only logs whose field {@code Key} matches the
 * Perl-compatible {@code Regex} are collected. Rules are AND-ed; for full-text modes the key is {@code __CONTENT__}.
 * Immutable.
 */
public final class KeyRegex {
    private final String key;
    private final String regex;

    private KeyRegex(String key, String regex) {
        this.key = key;
        this.regex = regex;
    }

    /**
     * A filter rule.
     *
     * @throws IllegalArgumentException if the key or regex is empty
     */
    public static KeyRegex of(String key, String regex) {
        return new KeyRegex(
                Checks.requireText(key, "FilterKeyRegex.Key"), Checks.requireText(regex, "FilterKeyRegex.Regex"));
    }

    /** {@code Key}: the field the rule applies to. */
    public String key() {
        return key;
    }

    /** {@code Regex}: the pattern the field's value must match. */
    public String regex() {
        return regex;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyRegex)) {
            return false;
        }
        KeyRegex k = (KeyRegex) o;
        return key.equals(k.key) && regex.equals(k.regex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, regex);
    }

    @Override
    public String toString() {
        return "KeyRegex{" + key + " ~ " + regex + '}';
    }
}
