package io.clssdk.core.api;

import io.clssdk.core.internal.api.ConfigJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A LogListener collection configuration: which files to read ({@code Path}, {@code ExcludePaths}), how to parse them
 * ({@code LogType}, {@code ExtractRule}, {@code UserDefineRule}, {@code AdvancedConfig}) and which topic receives the
 * logs ({@code Output}). It is what {@link ClsApiClient#createConfig} sends, what {@link ConfigInfo#config()} returns
 * from {@code DescribeConfigs}, and what the embeddable tailer runs, so a configuration made in the console can be
 * read with the API and run locally unchanged.
 *
 * <p>{@link #fromJson(String)} reads both a {@code CreateConfig} request body and one element of
 * {@code DescribeConfigs}' {@code Configs} array (their extra fields {@code ConfigId}, {@code LogFormat},
 * {@code CreateTime} and {@code UpdateTime} are recognised and skipped). Fields this SDK does not model are not
 * silently ignored: their JSON paths are listed by {@link #unknownFields()}, so a runner can report them.
 *
 * <p>Immutable. {@link Builder#build()} requires {@code Name} (without {@code |}) and {@code Output}, and
 * {@code Path} for file-based log types read from files.
 */
public final class CollectionConfig extends ModelValue {
    private final String name;
    private final String output;
    private final String path;
    private final LogType logType;
    private final ExtractRule extractRule;
    private final List<ExcludePath> excludePaths;
    private final String userDefineRule;
    private final AdvancedConfig advancedConfig;
    private final String inputType;
    private final List<String> unknownFields;

    private CollectionConfig(Builder b) {
        name = b.name;
        output = b.output;
        path = Checks.emptyToNull(b.path);
        logType = b.logType;
        extractRule = b.extractRule;
        excludePaths = Checks.list(b.excludePaths, "ExcludePaths");
        userDefineRule = Checks.emptyToNull(b.userDefineRule);
        advancedConfig = b.advancedConfig;
        inputType = Checks.emptyToNull(b.inputType);
        unknownFields = Checks.list(b.unknownFields, "unknownFields");
    }

    /** A builder with {@code LogType} {@code minimalist_log} and nothing else set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a {@code CreateConfig} request body or one element of {@code DescribeConfigs}' {@code Configs}.
     * {@code null} values count as absent; {@code AdvancedConfig} may be a JSON string (as on the wire) or an object.
     *
     * @throws IllegalArgumentException if the text is not a JSON object, or the configuration breaks a rule checked by
     *     {@link Builder#build()} (the message names the field)
     */
    public static CollectionConfig fromJson(String json) {
        List<String> unknown = new ArrayList<>();
        Builder builder = ConfigJson.readConfig(json, unknown);
        return builder.unknownFields(unknown).build();
    }

    /**
     * This configuration as a {@code CreateConfig} request body: fields in the order {@code Name, Output, Path,
     * LogType, ExtractRule, ExcludePaths, UserDefineRule, AdvancedConfig, InputType}, unset ones left out,
     * {@code AdvancedConfig} as a JSON string. {@link #fromJson(String)} reads it back to an equal configuration.
     */
    public String toJson() {
        return ConfigJson.configJson(this);
    }

    /** A builder holding these values (without {@link #unknownFields()}). */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .output(output)
                .path(path)
                .logType(logType)
                .extractRule(extractRule)
                .excludePaths(excludePaths)
                .userDefineRule(userDefineRule)
                .advancedConfig(advancedConfig)
                .inputType(inputType);
    }

    /** {@code Name}. */
    public String name() {
        return name;
    }

    /** {@code Output}: the id of the topic that receives the logs. */
    public String output() {
        return output;
    }

    /** {@code Path}: one or more comma-separated collection paths such as {@code /var/log/nginx/**}{@code /*.log}. */
    public String path() {
        return path;
    }

    /** {@link #path()} split at commas, trimmed, without empty parts; empty when there is no path. */
    public List<String> paths() {
        if (path == null) {
            return Collections.emptyList();
        }
        List<String> parts = new ArrayList<>();
        for (String p : path.split(",")) {
            if (!p.trim().isEmpty()) {
                parts.add(p.trim());
            }
        }
        return Collections.unmodifiableList(parts);
    }

    /** {@code LogType}; {@link LogType#MINIMALIST_LOG} unless set. */
    public LogType logType() {
        return logType;
    }

    /** {@code ExtractRule}, or null when the configuration has none. */
    public ExtractRule extractRule() {
        return extractRule;
    }

    /** {@code ExcludePaths}; empty when none (also when CLS returned {@code null}). */
    public List<ExcludePath> excludePaths() {
        return excludePaths;
    }

    /** {@code UserDefineRule}: the JSON text of a {@link LogType#USER_DEFINE_LOG} rule, or null. */
    public String userDefineRule() {
        return userDefineRule;
    }

    /** {@code AdvancedConfig}, or null. */
    public AdvancedConfig advancedConfig() {
        return advancedConfig;
    }

    /** {@code InputType}: {@code file}, {@code windows_event}, {@code syslog}, or null. */
    public String inputType() {
        return inputType;
    }

    /**
     * JSON paths of fields this SDK does not understand in the JSON this configuration was parsed from, for example
     * {@code ExtractRule.SomethingNew} or {@code ExcludePaths[1].Other}: unknown names, and known names whose value
     * has an unexpected type. Such fields are dropped, except unknown {@code AdvancedConfig.<key>} entries, which are
     * kept in {@link AdvancedConfig#entries()} and sent back. Empty for configurations made with a builder.
     * Not part of {@link #equals(Object)}.
     */
    public List<String> unknownFields() {
        return unknownFields;
    }

    @Override
    public String toString() {
        return "CollectionConfig{name=" + name + ", output=" + output + ", path=" + path + ", logType=" + logType
                + ", extractRule=" + extractRule + ", excludePaths=" + excludePaths + ", userDefineRule="
                + userDefineRule + ", advancedConfig=" + advancedConfig + ", inputType=" + inputType
                + (unknownFields.isEmpty() ? "" : ", unknownFields=" + unknownFields) + '}';
    }

    @Override
    Object[] state() {
        return new Object[] {
            name, output, path, logType, extractRule, excludePaths, userDefineRule, advancedConfig, inputType
        };
    }

    /** Builds a {@link CollectionConfig}; {@link #build()} validates. */
    public static final class Builder {
        private String name;
        private String output;
        private String path;
        private LogType logType = LogType.MINIMALIST_LOG;
        private ExtractRule extractRule;
        private List<ExcludePath> excludePaths;
        private String userDefineRule;
        private AdvancedConfig advancedConfig;
        private String inputType;
        private List<String> unknownFields;

        private Builder() {}

        /** {@code Name} (required, no {@code |}; CLS truncates beyond 255 characters). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** {@code Output}: the topic id (required). */
        public Builder output(String topicId) {
            this.output = topicId;
            return this;
        }

        /** {@code Path}: one path, or several separated by commas (required for file collection). */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** {@code LogType} (default {@link LogType#MINIMALIST_LOG}). */
        public Builder logType(LogType logType) {
            this.logType = Objects.requireNonNull(logType, "LogType");
            return this;
        }

        /** {@code ExtractRule}, or null for none. */
        public Builder extractRule(ExtractRule extractRule) {
            this.extractRule = extractRule;
            return this;
        }

        /** {@code ExcludePaths}. */
        public Builder excludePaths(List<ExcludePath> excludePaths) {
            this.excludePaths = excludePaths;
            return this;
        }

        /** {@code ExcludePaths}. */
        public Builder excludePaths(ExcludePath... excludePaths) {
            return excludePaths(Arrays.asList(excludePaths));
        }

        /** {@code UserDefineRule} JSON text (required by the API for {@link LogType#USER_DEFINE_LOG}). */
        public Builder userDefineRule(String userDefineRule) {
            this.userDefineRule = userDefineRule;
            return this;
        }

        /** {@code AdvancedConfig}, or null for none. */
        public Builder advancedConfig(AdvancedConfig advancedConfig) {
            this.advancedConfig = advancedConfig;
            return this;
        }

        /** {@code InputType}: {@code file}, {@code windows_event} or {@code syslog}. */
        public Builder inputType(String inputType) {
            this.inputType = inputType;
            return this;
        }

        /** Used by the JSON reader to record what it could not map; see {@link CollectionConfig#unknownFields()}. */
        Builder unknownFields(List<String> unknownFields) {
            this.unknownFields = unknownFields;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException naming the missing or invalid field
         */
        public CollectionConfig build() {
            Checks.noPipe(Checks.requireText(name, "Name"), "Name");
            Checks.requireText(output, "Output (the topic id)");
            boolean readsFiles = inputType == null || inputType.isEmpty() || inputType.equals("file");
            if (readsFiles && logType.isFileBased() && Checks.isEmpty(path)) {
                throw new IllegalArgumentException(
                        "Path is required to collect " + logType + " from files, e.g. /var/log/app/**/*.log");
            }
            return new CollectionConfig(this);
        }
    }
}
