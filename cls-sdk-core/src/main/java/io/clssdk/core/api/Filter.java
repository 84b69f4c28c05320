package io.clssdk.core.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A filter of a {@code Describe*} call ({@code Filters[]}): the {@code Key} to filter on (for example
 * {@code topicName}, {@code machineGroupId}, {@code configName}) and the accepted {@code Values}. Which keys an action
 * accepts is listed on its method of {@link ClsApiClient}. Immutable.
 */
public final class Filter {
    private final String key;
    private final List<String> values;

    private Filter(String key, List<String> values) {
        this.key = Checks.requireText(key, "Filter.Key");
        this.values = Checks.list(values, "Filter.Values");
        if (this.values.isEmpty()) {
            throw new IllegalArgumentException("Filter.Values of '" + key + "' must not be empty");
        }
    }

    /**
     * A filter matching any of {@code values}.
     *
     * @throws IllegalArgumentException if the key is empty or there are no values
     */
    public static Filter of(String key, String... values) {
        return new Filter(key, Arrays.asList(values));
    }

    /** Like {@link #of(String, String...)} with a list. */
    public static Filter of(String key, List<String> values) {
        return new Filter(key, values);
    }

    /** {@code Key}. */
    public String key() {
        return key;
    }

    /** {@code Values}; never empty. */
    public List<String> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Filter)) {
            return false;
        }
        Filter f = (Filter) o;
        return key.equals(f.key) && values.equals(f.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, values);
    }

    @Override
    public String toString() {
        return key + "=" + values;
    }
}
