package io.clssdk.core.api;

import java.util.Objects;

/**
 * One advanced collection filter ({@code ExtractRule.AdvanceFilterRules[]}, LogListener 2.9.3 and later): keep logs
 * whose field {@code Key} equals {@code Value} ({@code Rule} 0), exists (1) or is absent (2). Other rule numbers are
 * kept as they are. Immutable.
 */
public final class AdvanceFilterRule {
    /** {@code Rule} 0: the field's value equals {@link #value()}. */
    public static final int EQUALS = 0;
    /** {@code Rule} 1: the field exists. */
    public static final int EXISTS = 1;
    /** {@code Rule} 2: the field does not exist. */
    public static final int ABSENT = 2;

    private final String key;
    private final int rule;
    private final String value;

    private AdvanceFilterRule(String key, int rule, String value) {
        this.key = Checks.requireText(key, "AdvanceFilterRules.Key");
        this.rule = rule;
        this.value = value;
    }

    /** Keeps logs whose {@code key} equals {@code value}. */
    public static AdvanceFilterRule equalTo(String key, String value) {
        return new AdvanceFilterRule(key, EQUALS, Objects.requireNonNull(value, "AdvanceFilterRules.Value"));
    }

    /** Keeps logs that have the field {@code key}. */
    public static AdvanceFilterRule exists(String key) {
        return new AdvanceFilterRule(key, EXISTS, null);
    }

    /** Keeps logs that do not have the field {@code key}. */
    public static AdvanceFilterRule absent(String key) {
        return new AdvanceFilterRule(key, ABSENT, null);
    }

    /**
     * Any rule, including rule numbers this SDK does not know.
     *
     * @param value the comparison value, or null when the rule needs none
     * @throws IllegalArgumentException if the key is empty or the rule is negative
     */
    public static AdvanceFilterRule of(String key, int rule, String value) {
        if (rule < 0) {
            throw new IllegalArgumentException("AdvanceFilterRules.Rule must be >= 0, got " + rule);
        }
        return new AdvanceFilterRule(key, rule, value);
    }

    /** {@code Key}: the field the rule looks at. */
    public String key() {
        return key;
    }

    /** {@code Rule}: {@link #EQUALS}, {@link #EXISTS}, {@link #ABSENT} or a newer number. */
    public int rule() {
        return rule;
    }

    /** {@code Value}: the value compared by {@link #EQUALS}, or null. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AdvanceFilterRule)) {
            return false;
        }
        AdvanceFilterRule r = (AdvanceFilterRule) o;
        return rule == r.rule && key.equals(r.key) && Objects.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, rule, value);
    }

    @Override
    public String toString() {
        return "AdvanceFilterRule{key=" + key + ", rule=" + rule + (value == null ? "" : ", value=" + value) + '}';
    }
}
