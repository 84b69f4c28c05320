package io.clssdk.core.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the members of one JSON object leniently: a missing member and a JSON {@code null} both read as null, numbers
 * and booleans are also accepted when sent as strings, and a member of an unexpected type reads as null. When built
 * with an {@code unknown} list, members of unexpected type and (on {@link #finish()}) members never asked for are
 * recorded there by JSON path, so callers can report them; without one they are ignored, as responses should be.
 */
final class JsonFields {
    private final JsonNode object;
    private final String path;
    private final List<String> unknown;
    private final Set<String> seen = new HashSet<>();

    JsonFields(JsonNode object, String path, List<String> unknown) {
        this.object = object;
        this.path = path;
        this.unknown = unknown;
    }

    /** The object these fields are read from. */
    JsonNode source() {
        return object;
    }

    /** The path of a member, for example {@code ExtractRule.Keys} or {@code ExcludePaths[0].Type}. */
    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Marks members that are recognised but deliberately not read. */
    void skip(String... names) {
        Collections.addAll(seen, names);
    }

    /** The member, or null when absent or JSON null. */
    JsonNode node(String name) {
        seen.add(name);
        JsonNode n = object.get(name);
        return n == null || n.isNull() ? null : n;
    }

    String text(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (n.isValueNode()) {
            return n.asText();
        }
        return mismatch(name);
    }

    Long longValue(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                return mismatch(name);
            }
        }
        return mismatch(name);
    }

    Integer integer(String name) {
        Long value = longValue(name);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return mismatch(name);
        }
        return value.intValue();
    }

    Boolean bool(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            return Boolean.valueOf(n.asText());
        }
        return mismatch(name);
    }

    /** An array of strings; JSON null elements read as empty strings. */
    List<String> texts(String name) {
        JsonNode n = array(name);
        if (n == null) {
            return null;
        }
        List<String> values = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (e.isNull()) {
                values.add("");
            } else if (e.isValueNode()) {
                values.add(e.asText());
            } else {
                return mismatch(name);
            }
        }
        return values;
    }

    List<Long> longs(String name) {
        JsonNode n = array(name);
        if (n == null) {
            return null;
        }
        List<Long> values = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                return mismatch(name);
            }
            values.add(e.asLong());
        }
        return values;
    }

    /** {@code [{"Key": k, "Value": v}, ...]} as an ordered map; elements without a key are skipped. */
    Map<String, String> keyValues(String name) {
        JsonNode n = array(name);
        if (n == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n.size(); i++) {
            JsonFields e = element(name, i);
            if (e == null) {
                continue;
            }
            String key = e.text("Key");
            String value = e.text("Value");
            e.finish();
            if (key != null && !key.isEmpty()) {
                map.put(key, value == null ? "" : value);
            }
        }
        return map;
    }

    JsonNode array(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        return n.isArray() ? n : mismatch(name);
    }

    /** The object member as fields, or null when absent or not an object. */
    JsonFields object(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        return n.isObject() ? new JsonFields(n, pathOf(name), unknown) : mismatch(name);
    }

    /** Element {@code i} of the array member {@code name} as fields, or null (recorded) if it is not an object. */
    JsonFields element(String name, int i) {
        JsonNode e = object.get(name).get(i);
        String elementPath = pathOf(name) + "[" + i + "]";
        if (e == null || !e.isObject()) {
            record(elementPath);
            return null;
        }
        return new JsonFields(e, elementPath, unknown);
    }

    /** Records every member that was neither read nor skipped. */
    void finish() {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!seen.contains(name)) {
                record(pathOf(name));
            }
        }
    }

    /** Records a path as not understood. */
    void record(String memberPath) {
        if (unknown != null) {
            unknown.add(memberPath);
        }
    }

    private <T> T mismatch(String name) {
        record(pathOf(name));
        return null;
    }
}
