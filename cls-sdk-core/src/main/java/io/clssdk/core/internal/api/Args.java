package io.clssdk.core.internal.api;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.api.Filter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks of client-method arguments; failures are {@link ClsClientException}s with reason INVALID_ARGUMENT. */
final class Args {
    static final int MAX_TAGS = 10;

    private Args() {}

    static ClsClientException invalid(String message) {
        return new ClsClientException(ClsClientException.Reason.INVALID_ARGUMENT, message);
    }

    static String id(String value, String name) {
        if (value == null || value.trim().isEmpty()) {
            throw invalid(name + " is required and must not be empty");
        }
        return value;
    }

    static <T> T present(T value, String name) {
        if (value == null) {
            throw invalid(name + " must not be null");
        }
        return value;
    }

    static void page(int offset, int limit) {
        if (offset < 0) {
            throw invalid("Offset must be >= 0, got " + offset);
        }
        if (limit < 1 || limit > ClsApiClient.MAX_PAGE_SIZE) {
            throw invalid("Limit must be in [1, " + ClsApiClient.MAX_PAGE_SIZE + "], got " + limit);
        }
    }

    static Filter[] filters(Filter[] filters, int maxValues) {
        if (filters == null) {
            return new Filter[0];
        }
        if (filters.length > ClsApiClient.MAX_FILTERS) {
            throw invalid("at most " + ClsApiClient.MAX_FILTERS + " filters per request, got " + filters.length);
        }
        for (int i = 0; i < filters.length; i++) {
            Filter f = present(filters[i], "Filters[" + i + "]");
            if (f.values().size() > maxValues) {
                throw invalid("Filter '" + f.key() + "' has " + f.values().size() + " values; at most " + maxValues
                        + " are allowed");
            }
        }
        return filters;
    }

    /** {@code Tags}: at most 10, keys and values non-empty; null means none. */
    static Map<String, String> tags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Collections.emptyMap();
        }
        if (tags.size() > MAX_TAGS) {
            throw invalid("Tags must have at most " + MAX_TAGS + " entries, got " + tags.size());
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey() == null
                    || e.getKey().isEmpty()
                    || e.getValue() == null
                    || e.getValue().isEmpty()) {
                throw invalid("Tags must not contain an empty key or value");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return copy;
    }
}
