package io.clssdk.core.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses SearchLog's {@code LogJson} (a JSON object text) into ordered fields. */
public final class LogJson {
    private LogJson() {}

    /**
     * The members of the object in order: strings as they are, JSON null as an empty string, anything else as its
     * JSON text. Empty (not an error) for null, or text that is not a JSON object.
     */
    public static Map<String, String> fields(String logJson) {
        if (logJson == null || logJson.isEmpty()) {
            return Collections.emptyMap();
        }
        JsonNode node;
        try {
            node = Json.parse(logJson, "LogJson");
        } catch (IllegalArgumentException e) {
            return Collections.emptyMap();
        }
        if (!node.isObject()) {
            return Collections.emptyMap();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> members = node.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> m = members.next();
            JsonNode v = m.getValue();
            fields.put(m.getKey(), v.isTextual() ? v.asText() : v.isNull() ? "" : Json.write(v));
        }
        return Collections.unmodifiableMap(fields);
    }
}
