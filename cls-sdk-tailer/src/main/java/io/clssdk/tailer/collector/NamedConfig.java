package io.clssdk.tailer.collector;

import io.clssdk.core.api.CollectionConfig;
import java.util.Objects;

/**
 * One collection configuration the collector runs, with the key that identifies it across reloads and polls: its
 * {@code ConfigId} when known (machine groups, {@code DescribeConfigs} output), else its {@code Name}. The key also
 * names its checkpoint subdirectory, so a configuration keeps its checkpoints across restarts and modifications.
 */
final class NamedConfig {
    private final String key;
    private final CollectionConfig config;

    NamedConfig(String key, CollectionConfig config) {
        this.key = Objects.requireNonNull(key, "key");
        this.config = Objects.requireNonNull(config, "config");
    }

    String key() {
        return key;
    }

    CollectionConfig config() {
        return config;
    }

    /** The name shown in status and log lines: the config's Name, with the key when they differ. */
    String label() {
        String name = config.name();
        return name == null || name.equals(key) ? key : name + " (" + key + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedConfig && key.equals(((NamedConfig) o).key) && config.equals(((NamedConfig) o).config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, config);
    }

    @Override
    public String toString() {
        return label();
    }
}
