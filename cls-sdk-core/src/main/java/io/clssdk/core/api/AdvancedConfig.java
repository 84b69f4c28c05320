package io.clssdk.core.api;

import io.clssdk.core.internal.api.ConfigJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The advanced options of a collection configuration ({@code AdvancedConfig}), which travel as a JSON <em>string</em>
 * inside the request, for example {@code "{\"ClsAgentMaxDepth\":10,\"ClsAgentFileTimeout\":3600}"}.
 *
 * <p>The three documented options have typed accessors; every key, known or not, is kept with its JSON value text in
 * its original order, so a configuration read from CLS is written back unchanged. Immutable.
 */
public final class AdvancedConfig {
    /** Seconds without new data after which a file is no longer watched; 0 = never. */
    public static final String CLS_AGENT_FILE_TIMEOUT = "ClsAgentFileTimeout";
    /** Maximum directory depth below the collection path. */
    public static final String CLS_AGENT_MAX_DEPTH = "ClsAgentMaxDepth";
    /** Whether consecutive parse failures are merged into one log. */
    public static final String CLS_AGENT_PARSE_FAIL_MERGE = "ClsAgentParseFailMerge";

    private final Map<String, String> entries;

    private AdvancedConfig(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /**
     * Parses the JSON object text carried in {@code AdvancedConfig}.
     *
     * @throws IllegalArgumentException if {@code json} is not a JSON object
     */
    public static AdvancedConfig fromJson(String json) {
        return ConfigJson.parseAdvancedConfig(json);
    }

    /** A builder holding these entries. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(entries));
    }

    /** The compact JSON object text sent as the value of {@code AdvancedConfig}; keys in their original order. */
    public String toJson() {
        return ConfigJson.advancedConfigJson(this);
    }

    /** {@value #CLS_AGENT_FILE_TIMEOUT} in seconds, or null when absent or not an integer. */
    public Long clsAgentFileTimeout() {
        return longValue(entries.get(CLS_AGENT_FILE_TIMEOUT));
    }

    /** {@value #CLS_AGENT_MAX_DEPTH}, or null when absent or not an integer. */
    public Integer clsAgentMaxDepth() {
        Long depth = longValue(entries.get(CLS_AGENT_MAX_DEPTH));
        return depth == null || depth > Integer.MAX_VALUE || depth < Integer.MIN_VALUE ? null : depth.intValue();
    }

    /** {@value #CLS_AGENT_PARSE_FAIL_MERGE}, or null when absent or not a boolean. */
    public Boolean clsAgentParseFailMerge() {
        String raw = unquote(entries.get(CLS_AGENT_PARSE_FAIL_MERGE));
        return "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : null;
    }

    /** Every key with its JSON value text (for example {@code 10}, {@code "x"}, {@code {"a":1}}), in order. */
    public Map<String, String> entries() {
        return entries;
    }

    /** The entries other than the three documented options, in order. */
    public Map<String, String> otherEntries() {
        Map<String, String> other = new LinkedHashMap<>(entries);
        other.remove(CLS_AGENT_FILE_TIMEOUT);
        other.remove(CLS_AGENT_MAX_DEPTH);
        other.remove(CLS_AGENT_PARSE_FAIL_MERGE);
        return Collections.unmodifiableMap(other);
    }

    /** Whether the value stored under a documented key has the documented type (absent counts as valid). */
    public boolean isValid(String key) {
        if (!entries.containsKey(key)) {
            return true;
        }
        switch (key) {
            case CLS_AGENT_FILE_TIMEOUT:
                return clsAgentFileTimeout() != null && clsAgentFileTimeout() >= 0;
            case CLS_AGENT_MAX_DEPTH:
                return clsAgentMaxDepth() != null && clsAgentMaxDepth() >= 0;
            case CLS_AGENT_PARSE_FAIL_MERGE:
                return clsAgentParseFailMerge() != null;
            default:
                return true;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdvancedConfig && ((AdvancedConfig) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries);
    }

    @Override
    public String toString() {
        return "AdvancedConfig" + entries;
    }

    /** Accepts a JSON number or a JSON string holding one ({@code 10} or {@code "10"}). */
    private static Long longValue(String raw) {
        String text = unquote(raw);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** Builds an {@link AdvancedConfig}; setting a key again keeps its position. */
    public static final class Builder {
        private final Map<String, String> entries;

        private Builder(Map<String, String> entries) {
            this.entries = entries;
        }

        /** {@value #CLS_AGENT_FILE_TIMEOUT} in seconds, {@code >= 0}; 0 = never time out. */
        public Builder clsAgentFileTimeout(long seconds) {
            Checks.range(seconds, 0, Long.MAX_VALUE, "AdvancedConfig." + CLS_AGENT_FILE_TIMEOUT);
            entries.put(CLS_AGENT_FILE_TIMEOUT, Long.toString(seconds));
            return this;
        }

        /** {@value #CLS_AGENT_MAX_DEPTH}, {@code >= 0}. */
        public Builder clsAgentMaxDepth(int depth) {
            Checks.range(depth, 0, Integer.MAX_VALUE, "AdvancedConfig." + CLS_AGENT_MAX_DEPTH);
            entries.put(CLS_AGENT_MAX_DEPTH, Integer.toString(depth));
            return this;
        }

        /** {@value #CLS_AGENT_PARSE_FAIL_MERGE}. */
        public Builder clsAgentParseFailMerge(boolean merge) {
            entries.put(CLS_AGENT_PARSE_FAIL_MERGE, Boolean.toString(merge));
            return this;
        }

        /**
         * Any key with its JSON value text, for example {@code entry("ClsAgentDefault", "0")}.
         *
         * @throws IllegalArgumentException if the key is empty or {@code jsonValue} is not one JSON value
         */
        public Builder entry(String key, String jsonValue) {
            Checks.requireText(key, "AdvancedConfig key");
            entries.put(key, ConfigJson.requireJsonValue(jsonValue, "AdvancedConfig." + key));
            return this;
        }

        /** Removes a key. */
        public Builder remove(String key) {
            entries.remove(key);
            return this;
        }

        /** Builds the configuration (it may be empty). */
        public AdvancedConfig build() {
            return new AdvancedConfig(entries);
        }
    }
}
