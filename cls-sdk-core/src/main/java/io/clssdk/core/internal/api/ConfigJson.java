package io.clssdk.core.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.ExcludePath;
import io.clssdk.core.api.ExcludePathType;
import io.clssdk.core.api.LogType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Maps {@link CollectionConfig} and {@link AdvancedConfig} to and from the API's JSON, with the exact field names and
 * a fixed field order. {@code ExtractRule} has its own mapper, {@link ExtractRuleJson}.
 */
public final class ConfigJson {
    /** Members of a {@code DescribeConfigs} element that belong to {@code ConfigInfo}, not to the configuration. */
    private static final String[] CONFIG_INFO_FIELDS = {"ConfigId", "LogFormat", "CreateTime", "UpdateTime"};

    private ConfigJson() {}

    /**
     * Reads a {@code CreateConfig} body or a {@code DescribeConfigs} element into a builder, recording the paths of
     * members it does not understand in {@code unknown}.
     *
     * @throws IllegalArgumentException if the text is not a JSON object or a nested value breaks a model rule
     */
    public static CollectionConfig.Builder readConfig(String json, List<String> unknown) {
        JsonNode node = Json.parse(json, "collection config");
        if (!node.isObject()) {
            throw new IllegalArgumentException("collection config must be a JSON object, got " + node.getNodeType());
        }
        JsonFields f = new JsonFields(node, "", unknown);
        f.skip(CONFIG_INFO_FIELDS);
        CollectionConfig.Builder b = CollectionConfig.builder()
                .name(f.text("Name"))
                .output(f.text("Output"))
                .path(f.text("Path"));
        String logType = f.text("LogType");
        if (logType != null && !logType.isEmpty()) {
            b.logType(LogType.of(logType));
        }
        JsonFields extractRule = f.object("ExtractRule");
        if (extractRule != null) {
            b.extractRule(ExtractRuleJson.read(extractRule));
        }
        b.excludePaths(ExtractRuleJson.readList(f, "ExcludePaths", ConfigJson::readExcludePath));
        b.userDefineRule(f.text("UserDefineRule"));
        b.advancedConfig(readAdvancedConfig(f));
        b.inputType(f.text("InputType"));
        f.finish();
        return b;
    }

    /** The {@code CreateConfig} body of a configuration. */
    public static String configJson(CollectionConfig config) {
        return Json.write(configNode(config));
    }

    /** The configuration's members, in API order, appended to a new object. */
    static ObjectNode configNode(CollectionConfig config) {
        return writeConfig(Json.object(), config);
    }

    /** Appends the configuration's members to {@code node} (used by ModifyConfig after {@code ConfigId}). */
    static ObjectNode writeConfig(ObjectNode node, CollectionConfig c) {
        node.put("Name", c.name());
        node.put("Output", c.output());
        Json.putIfSet(node, "Path", c.path());
        node.put("LogType", c.logType().value());
        if (c.extractRule() != null) {
            node.set("ExtractRule", ExtractRuleJson.write(c.extractRule()));
        }
        if (!c.excludePaths().isEmpty()) {
            ArrayNode array = node.putArray("ExcludePaths");
            for (ExcludePath p : c.excludePaths()) {
                array.addObject().put("Type", p.type().value()).put("Value", p.value());
            }
        }
        Json.putIfSet(node, "UserDefineRule", c.userDefineRule());
        if (c.advancedConfig() != null) {
            node.put("AdvancedConfig", advancedConfigJson(c.advancedConfig()));
        }
        Json.putIfSet(node, "InputType", c.inputType());
        return node;
    }

    /**
     * Parses the JSON object text of {@code AdvancedConfig}.
     *
     * @throws IllegalArgumentException if it is not a JSON object
     */
    public static AdvancedConfig parseAdvancedConfig(String json) {
        JsonNode node = Json.parse(json, "AdvancedConfig");
        if (!node.isObject()) {
            throw new IllegalArgumentException("AdvancedConfig must be a JSON object, got " + node.getNodeType());
        }
        return toAdvancedConfig(node);
    }

    /** The compact JSON object text of an {@link AdvancedConfig}, keys in order. */
    public static String advancedConfigJson(AdvancedConfig config) {
        ObjectNode node = Json.object();
        for (Map.Entry<String, String> e : config.entries().entrySet()) {
            node.set(e.getKey(), Json.parse(e.getValue(), "AdvancedConfig." + e.getKey()));
        }
        return Json.write(node);
    }

    /**
     * Checks that {@code text} is exactly one JSON value and returns it unchanged.
     *
     * @throws IllegalArgumentException naming {@code field} otherwise
     */
    public static String requireJsonValue(String text, String field) {
        Json.parse(text, field);
        return text;
    }

    /** Accepts a JSON string holding an object (as on the wire), an object, or an empty string (absent). */
    private static AdvancedConfig readAdvancedConfig(JsonFields f) {
        JsonNode raw = f.node("AdvancedConfig");
        if (raw == null || (raw.isTextual() && raw.asText().trim().isEmpty())) {
            return null;
        }
        JsonNode object = raw;
        if (raw.isTextual()) {
            try {
                object = Json.parse(raw.asText(), "AdvancedConfig");
            } catch (IllegalArgumentException e) {
                object = null;
            }
        }
        if (object == null || !object.isObject()) {
            f.record(f.pathOf("AdvancedConfig"));
            return null;
        }
        AdvancedConfig config = toAdvancedConfig(object);
        for (String key : config.entries().keySet()) {
            if (!config.isValid(key) || config.otherEntries().containsKey(key)) {
                f.record(f.pathOf("AdvancedConfig") + "." + key);
            }
        }
        return config;
    }

    private static AdvancedConfig toAdvancedConfig(JsonNode object) {
        AdvancedConfig.Builder b = AdvancedConfig.builder();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            b.entry(e.getKey(), Json.write(e.getValue()));
        }
        return b.build();
    }

    private static ExcludePath readExcludePath(JsonFields e) {
        String type = e.text("Type");
        String value = e.text("Value");
        if (type == null || type.isEmpty() || value == null || value.isEmpty()) {
            return null;
        }
        return ExcludePath.of(ExcludePathType.of(type), value);
    }
}
