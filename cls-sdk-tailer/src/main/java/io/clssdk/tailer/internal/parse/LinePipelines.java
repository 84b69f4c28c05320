package io.clssdk.tailer.internal.parse;

import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.LogType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates a collection configuration once and compiles it into a {@link PipelineFactory}. Every problem is reported
 * as an {@link IllegalArgumentException} naming the field and showing an accepted form.
 *
 * <p>Supported: {@code minimalist_log}, {@code multiline_log}, {@code json_log}, {@code delimiter_log},
 * {@code fullregex_log}, {@code multiline_fullregex_log}. {@code TimeKey}/{@code TimeFormat} apply to the modes with
 * fields and are ignored by the full-text modes, whose time is always the collection time. Fields that do not apply to
 * the mode (for example {@code BeginRegex} of a {@code fullregex_log} configuration) are ignored.
 */
public final class LinePipelines {
    /** Default {@code UnMatchLogKey}. */
    public static final String DEFAULT_UNMATCH_LOG_KEY = "LogParseFailure";
    /** Longest key LogListener accepts for delimiter and regex modes, in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 128;

    private static final String BEGIN_EXAMPLE = "\\[\\d+-\\d+-\\w+:\\d+:\\d+,\\d+]\\s\\[\\w+]\\s.*";
    private static final String LOG_EXAMPLE = "\\[(\\d+-\\d+-\\w+:\\d+:\\d+,\\d+)\\]\\s\\[(\\w+)\\]\\s(.*)";

    private LinePipelines() {}

    /**
     * Compiles a configuration.
     *
     * @param rule the {@code ExtractRule}, or null (only {@code minimalist_log} needs none)
     * @param advanced the {@code AdvancedConfig}, or null; only {@code ClsAgentParseFailMerge} matters here
     * @param options null for {@link PipelineOptions#defaults()}
     * @throws IllegalArgumentException if the log type is not supported or the rule is invalid for it
     */
    public static PipelineFactory create(
            LogType logType, ExtractRule rule, AdvancedConfig advanced, PipelineOptions options) {
        Objects.requireNonNull(logType, "LogType");
        ExtractRule r = rule != null ? rule : ExtractRule.builder().build();
        PipelineOptions o = options != null ? options : PipelineOptions.defaults();
        boolean multiline = logType.equals(LogType.MULTILINE_LOG) || logType.equals(LogType.MULTILINE_FULLREGEX_LOG);
        PipelineFactory.Extraction extraction = extraction(logType);
        Pattern begin = multiline
                ? Patterns.compile(r.beginRegex(), 0, "BeginRegex (required for " + logType + ")", BEGIN_EXAMPLE)
                : null;
        Pattern logRegex = null;
        byte[][] keys = null;
        byte[] delimiter = null;
        if (extraction == PipelineFactory.Extraction.REGEX) {
            int flags = multiline ? Pattern.DOTALL : 0;
            logRegex = Patterns.compile(r.logRegex(), flags, "LogRegex (required for " + logType + ")", LOG_EXAMPLE);
            keys = keys(r.keys(), logType);
            int groups = logRegex.matcher("").groupCount();
            if (keys.length != groups) {
                throw new IllegalArgumentException("ExtractRule.Keys has " + keys.length + " names but LogRegex has "
                        + groups + " capture groups; give one key per group (an empty key drops the group), e.g. "
                        + "LogRegex " + LOG_EXAMPLE + " with Keys [\"time\",\"level\",\"msg\"]");
            }
        } else if (extraction == PipelineFactory.Extraction.DELIMITER) {
            delimiter = delimiter(r.delimiter());
            keys = keys(r.keys(), logType);
        }
        boolean withFields = extraction != PipelineFactory.Extraction.CONTENT;
        TimeFormat timeFormat = withFields && r.timeKey() != null ? TimeFormat.compile(r.timeFormat()) : null;
        byte[] timeKey = timeFormat != null ? ReservedKeys.safe(utf8(r.timeKey())) : null;
        boolean upload = Boolean.TRUE.equals(r.unMatchUpLoadSwitch());
        boolean merge = mergeFailures(advanced);
        byte[] unMatchKey = upload
                ? ReservedKeys.safe(utf8(r.unMatchLogKey() != null ? r.unMatchLogKey() : DEFAULT_UNMATCH_LOG_KEY))
                : null;
        return new PipelineFactory(
                logType,
                extraction,
                begin,
                logRegex,
                keys,
                delimiter,
                flag(r.jsonStandard(), "JsonStandard"),
                timeKey,
                timeFormat,
                LogFilter.Rules.compile(r.filterKeyRegex(), r.advanceFilterRules()),
                r.rawLogKey() != null ? ReservedKeys.safe(utf8(r.rawLogKey())) : null,
                unMatchKey,
                upload && merge,
                flag(r.isGbk(), "IsGBK") ? gbk() : null,
                o);
    }

    private static PipelineFactory.Extraction extraction(LogType t) {
        if (t.equals(LogType.MINIMALIST_LOG) || t.equals(LogType.MULTILINE_LOG)) {
            return PipelineFactory.Extraction.CONTENT;
        }
        if (t.equals(LogType.JSON_LOG)) {
            return PipelineFactory.Extraction.JSON;
        }
        if (t.equals(LogType.DELIMITER_LOG)) {
            return PipelineFactory.Extraction.DELIMITER;
        }
        if (t.equals(LogType.FULLREGEX_LOG) || t.equals(LogType.MULTILINE_FULLREGEX_LOG)) {
            return PipelineFactory.Extraction.REGEX;
        }
        throw new IllegalArgumentException("LogType " + t + " is not supported by the embedded tailer; use one of "
                + "minimalist_log, multiline_log, json_log, delimiter_log, fullregex_log, multiline_fullregex_log");
    }

    /** {@code Keys} as UTF-8, with null for the empty keys that drop their value. */
    private static byte[][] keys(List<String> keys, LogType t) {
        boolean any = false;
        byte[][] out = new byte[keys.size()][];
        for (int i = 0; i < out.length; i++) {
            String k = keys.get(i);
            if (k == null || k.isEmpty()) {
                continue;
            }
            out[i] = ReservedKeys.safe(utf8(k));
            if (out[i].length > MAX_KEY_BYTES) {
                throw new IllegalArgumentException("ExtractRule.Keys[" + i + "] is " + out[i].length
                        + " bytes long; keys are at most " + MAX_KEY_BYTES + " bytes");
            }
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("ExtractRule.Keys must name at least one field for " + t
                    + ", e.g. [\"IP\",\"time\",\"request\"] (an empty key drops its value)");
        }
        return out;
    }

    private static byte[] delimiter(String d) {
        if (d == null || d.isEmpty()) {
            throw new IllegalArgumentException(
                    "ExtractRule.Delimiter is required for delimiter_log, e.g. \",\", \"\\t\", \"|\" or \":::\"");
        }
        if (d.indexOf('\n') >= 0 || d.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("ExtractRule.Delimiter must not contain a line break, e.g. \":::\"");
        }
        return utf8(d);
    }

    private static boolean flag(Integer value, String field) {
        if (value == null || value == 0) {
            return false;
        }
        if (value == 1) {
            return true;
        }
        throw new IllegalArgumentException("ExtractRule." + field + " must be 0 or 1, got " + value);
    }

    private static boolean mergeFailures(AdvancedConfig advanced) {
        if (advanced == null) {
            return false;
        }
        if (!advanced.isValid(AdvancedConfig.CLS_AGENT_PARSE_FAIL_MERGE)) {
            throw new IllegalArgumentException("AdvancedConfig." + AdvancedConfig.CLS_AGENT_PARSE_FAIL_MERGE
                    + " must be true or false, e.g. {\"ClsAgentParseFailMerge\":true}");
        }
        return Boolean.TRUE.equals(advanced.clsAgentParseFailMerge());
    }

    private static Charset gbk() {
        for (String name : new String[] {"GBK", "GB18030"}) {
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        throw new IllegalArgumentException(
                "ExtractRule.IsGBK=1 needs the GBK charset, which this JVM lacks (module jdk.charsets)");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
