package io.clssdk.tailer.internal.ship;

import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.ExcludePath;
import io.clssdk.core.api.ExcludePathType;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.LogType;
import io.clssdk.tailer.TailSink;
import io.clssdk.tailer.TailSource;
import io.clssdk.tailer.internal.parse.LinePipeline;
import io.clssdk.tailer.internal.parse.LinePipelines;
import io.clssdk.tailer.internal.parse.PipelineFactory;
import io.clssdk.tailer.internal.parse.PipelineOptions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link CollectionConfig} the way LogListener would: which files (path rule, excludes, depth, timeout, start
 * position), how lines become logs (a parsing pipeline per file), and which tags a file's log groups carry. Checks
 * everything once, up front, and lists the fields it does not apply.
 */
public final class ConfigMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigMapping.class);
    private static final List<LogType> FILE_TYPES = Arrays.asList(
            LogType.MINIMALIST_LOG,
            LogType.MULTILINE_LOG,
            LogType.JSON_LOG,
            LogType.DELIMITER_LOG,
            LogType.FULLREGEX_LOG,
            LogType.MULTILINE_FULLREGEX_LOG);

    private final CollectionConfig config;
    private final ExtractRule rule;
    private final PipelineFactory pipelines;
    private final Pattern pathRegex;
    private final Map<String, String> metaTags;
    private final List<String> unsupported;

    private ConfigMapping(CollectionConfig config, ZoneId zone) {
        this.config = config;
        this.rule = config.extractRule() != null
                ? config.extractRule()
                : ExtractRule.builder().build();
        LogType type = config.logType();
        if (!FILE_TYPES.contains(type)) {
            throw new IllegalArgumentException("LogType " + type.value() + " is not file collection the tailer can run;"
                    + " use one of minimalist_log, multiline_log, json_log, delimiter_log, fullregex_log,"
                    + " multiline_fullregex_log");
        }
        if (config.paths().isEmpty()) {
            throw new IllegalArgumentException(
                    "the collection configuration has no Path; set one such as /var/log/app/**/*.log");
        }
        this.unsupported = Collections.unmodifiableList(findUnsupported(config, rule));
        // compiled once: fails now, with a message, on bad regexes, keys or time formats
        this.pipelines = LinePipelines.create(
                type,
                rule,
                config.advancedConfig(),
                PipelineOptions.builder().zone(zone).build());
        Integer metadataType = rule.metadataType();
        this.pathRegex = metadataType != null && metadataType == 3 ? compilePathRegex(rule.pathRegex()) : null;
        this.metaTags = metadataType != null && metadataType == 2 ? rule.metaTags() : Collections.emptyMap();
    }

    /**
     * Maps {@code config}.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static ConfigMapping of(CollectionConfig config, ZoneId zone) {
        return new ConfigMapping(config, zone);
    }

    public List<String> unsupportedFields() {
        return unsupported;
    }

    public void warnUnsupported() {
        if (!unsupported.isEmpty()) {
            LOG.warn("collection configuration {}: not applied by this SDK: {}", defaultName(), unsupported);
        }
    }

    /** The configuration's name, or its first path when it has none. */
    public String defaultName() {
        String n = config.name();
        return n != null && !n.trim().isEmpty() ? n : config.paths().get(0);
    }

    /** A fresh pipeline (one per file: multi-line state belongs to a file). */
    public LinePipeline newPipeline() {
        return pipelines.newPipeline();
    }

    /**
     * The log tags of a file: {@code MetaTags} ({@code MetadataType} 2), or the {@code PathRegex} capture groups of its
     * path ({@code MetadataType} 3): a named group under its name, an unnamed one under its number (1-based), shown
     * by CLS as {@code __TAG__.<name>}. A path the regex does not match gets no tags.
     */
    public Map<String, String> fileTags(String path) {
        if (pathRegex == null) {
            return metaTags;
        }
        Matcher m = pathRegex.matcher(path);
        if (!m.matches()) {
            return Collections.emptyMap();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        Map<Integer, String> names = GroupNames.of(pathRegex.pattern());
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                tags.put(names.getOrDefault(g, Integer.toString(g)), m.group(g));
            }
        }
        return tags;
    }

    /** The engine-side source: path rules, excludes, depth, timeout and start position of the configuration. */
    public TailSource tailSource(String name, TailSink sink) {
        TailSource.Builder b = TailSource.builder(name)
                .path(config.path(), TailSource.PathSyntax.CURRENT)
                .backtrackingBytes(rule.backtracking())
                .sink(sink);
        for (ExcludePath e : config.excludePaths()) {
            if (ExcludePathType.FILE.equals(e.type())) {
                b.excludeFile(e.value());
            } else {
                b.excludePath(e.value());
            }
        }
        AdvancedConfig advanced = config.advancedConfig();
        if (advanced != null) {
            if (advanced.clsAgentMaxDepth() != null) {
                b.maxDepth(advanced.clsAgentMaxDepth());
            }
            if (advanced.clsAgentFileTimeout() != null) {
                b.fileTimeout(Duration.ofSeconds(advanced.clsAgentFileTimeout()));
            }
        }
        return b.build();
    }

    private static Pattern compilePathRegex(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException(
                    "ExtractRule.MetadataType 3 needs ExtractRule.PathRegex, e.g. /var/log/(?<app>[^/]+)/.*\\.log");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("ExtractRule.PathRegex is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " of " + regex);
        }
    }

    private static List<String> findUnsupported(CollectionConfig config, ExtractRule rule) {
        List<String> out = new ArrayList<>();
        for (String f : config.unknownFields()) {
            out.add(f + " (unknown field)");
        }
        if (config.inputType() != null && !"file".equals(config.inputType())) {
            out.add("InputType=" + config.inputType());
        }
        if (config.userDefineRule() != null) {
            out.add("UserDefineRule");
        }
        addIfSet(out, "ExtractRule.Protocol", rule.protocol());
        addIfSet(out, "ExtractRule.Address", rule.address());
        addIfSet(out, "ExtractRule.ParseProtocol", rule.parseProtocol());
        addIfSet(out, "ExtractRule.EventLogRules", rule.eventLogRules());
        addIfSet(out, "ExtractRule.Units", rule.units());
        addIfSet(out, "ExtractRule.IncludeKernel", rule.includeKernel());
        addIfSet(out, "ExtractRule.UseJournalTime", rule.useJournalTime());
        addIfSet(out, "ExtractRule.KeysDelimiter", rule.keysDelimiter());
        addIfSet(out, "ExtractRule.KeysFlag", rule.keysFlag());
        if (rule.metadataType() != null && rule.metadataType() == 1) {
            out.add("ExtractRule.MetadataType=1 (machine-group metadata: there is no machine group in the JVM)");
        }
        AdvancedConfig advanced = config.advancedConfig();
        if (advanced != null) {
            for (String key : advanced.otherEntries().keySet()) {
                out.add("AdvancedConfig." + key);
            }
        }
        return out;
    }

    private static void addIfSet(List<String> out, String field, Object value) {
        boolean set = value != null
                && !(value instanceof String && ((String) value).isEmpty())
                && !(value instanceof List && ((List<?>) value).isEmpty())
                && !Boolean.FALSE.equals(value);
        if (set) {
            out.add(field);
        }
    }
}
