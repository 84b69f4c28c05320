package io.clssdk.core.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument checks and defensive copies shared by the model builders. Every failure names the field. */
final class Checks {
    private Checks() {}

    /** Rejects null, empty and blank text. */
    static String requireText(String value, String field) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(field + " is required and must not be empty");
        }
        return value;
    }

    /** Rejects a name containing {@code |}, which CLS does not allow in resource names. */
    static String noPipe(String value, String field) {
        if (value != null && value.indexOf('|') >= 0) {
            throw new IllegalArgumentException(field + " must not contain '|', got '" + value + "'");
        }
        return value;
    }

    static void range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    static void range(Integer value, int min, int max, String field) {
        if (value != null) {
            range(value.longValue(), min, max, field);
        }
    }

    /** Null for null or empty text, so an empty string and an absent field mean the same. */
    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    /** An unmodifiable copy; null means empty; null elements are rejected. */
    static <T> List<T> list(List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            return Collections.emptyList();
        }
        List<T> copy = new ArrayList<>(values);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must not be null");
            }
        }
        return Collections.unmodifiableList(copy);
    }

    /** An unmodifiable, insertion-ordered copy; null means empty; null keys or values are rejected. */
    static Map<String, String> map(Map<String, String> values, String field) {
        if (values == null || values.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
                throw new IllegalArgumentException(field + " must not contain an empty key or a null value");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** {@code first} followed by {@code second}. */
    static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
