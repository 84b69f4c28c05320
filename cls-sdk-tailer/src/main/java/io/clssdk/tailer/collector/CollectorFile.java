package io.clssdk.tailer.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clssdk.core.api.CollectionConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the collector's config file: a JSON array of collection configurations (each the JSON {@code CreateConfig}
 * takes or an element of what {@code DescribeConfigs} returns), or an object with {@code "Configs"} (such an array) and
 * an optional {@code "Producer"} object ({@link ProducerSection}). A whole {@code DescribeConfigs} answer (with its
 * {@code "Response"} wrapper) is accepted too. Every message of a bad file names the element and field.
 */
final class CollectorFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<NamedConfig> configs;
    private final ProducerSection producer;

    private CollectorFile(List<NamedConfig> configs, ProducerSection producer) {
        this.configs = Collections.unmodifiableList(configs);
        this.producer = producer;
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException naming the element and field that is wrong
     */
    static CollectorFile parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        if (root != null && root.isObject() && root.has("Response")) {
            root = root.get("Response");
        }
        JsonNode list = root;
        ProducerSection producer = ProducerSection.EMPTY;
        if (root != null && root.isObject()) {
            checkMembers(root);
            list = root.get("Configs");
            if (list == null) {
                throw new IllegalArgumentException(
                        "no \"Configs\": expected {\"Configs\": [ ...collection configs... ]}"
                                + " or a JSON array of collection configs");
            }
            if (root.has("Producer")) {
                producer = ProducerSection.parse(root.get("Producer"));
            }
        }
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(
                    "expected a JSON array of collection configs, or an object with \"Configs\"");
        }
        if (list.size() == 0) {
            throw new IllegalArgumentException("Configs is empty: at least one collection config is required");
        }
        return new CollectorFile(readConfigs(list), producer);
    }

    private static void checkMembers(JsonNode root) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("Configs")
                    && !name.equals("Producer")
                    && !name.equals("RequestId")
                    && !name.equals("TotalCount")) {
                throw new IllegalArgumentException("unknown member \"" + name + "\"; expected Configs and Producer");
            }
        }
    }

    private static List<NamedConfig> readConfigs(JsonNode list) {
        List<NamedConfig> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            String where = "Configs[" + i + "]";
            if (!element.isObject()) {
                throw new IllegalArgumentException(where + ": expected a collection config object");
            }
            JsonNode name = element.get("Name");
            if (name != null && name.isTextual()) {
                where += " (Name \"" + name.asText() + "\")";
            }
            CollectionConfig config;
            try {
                config = CollectionConfig.fromJson(element.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            JsonNode id = element.get("ConfigId");
            String key = id != null && id.isTextual() && !id.asText().trim().isEmpty()
                    ? id.asText().trim()
                    : config.name();
            if (key == null || key.trim().isEmpty()) {
                throw new IllegalArgumentException(where + ": Name is required (it names the config's checkpoints)");
            }
            if (!keys.add(key)) {
                throw new IllegalArgumentException(where + ": another config has the "
                        + (id != null ? "ConfigId" : "Name") + " \"" + key + "\"; each must be unique");
            }
            out.add(new NamedConfig(key, config));
        }
        return out;
    }

    /** The configurations, in file order. */
    List<NamedConfig> configs() {
        return configs;
    }

    /** The {@code Producer} object ({@link ProducerSection#EMPTY} when absent). */
    ProducerSection producer() {
        return producer;
    }
}
