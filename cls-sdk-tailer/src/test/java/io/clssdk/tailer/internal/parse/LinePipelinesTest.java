package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.AdvanceFilterRule;
import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.KeyRegex;
import io.clssdk.core.api.LogType;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class LinePipelinesTest {
    private static String error(LogType type, ExtractRule.Builder rule) {
        return error(type, rule, null);
    }

    private static String error(LogType type, ExtractRule.Builder rule, AdvancedConfig advanced) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> LinePipelines.create(type, rule == null ? null : rule.build(), advanced, null))
                .getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "\"" + part + "\" not in: " + message);
        }
    }

    @Test
    void rejectsUnsupportedLogTypes() {
        for (LogType t : new LogType[] {
            LogType.USER_DEFINE_LOG,
            LogType.SERVICE_SYSLOG,
            LogType.WINDOWS_EVENT_LOG,
            LogType.JOURNAL_LOG,
            LogType.of("future_log")
        }) {
            assertMentions(error(t, null), "LogType " + t.value() + " is not supported", "minimalist_log");
        }
    }

    @Test
    void rejectsMissingOrInvalidRegexes() {
        assertMentions(error(LogType.MULTILINE_LOG, null), "ExtractRule.BeginRegex", "required", "e.g. \\[");
        assertMentions(
                error(LogType.MULTILINE_LOG, Configs.rule().beginRegex("[unclosed")),
                "ExtractRule.BeginRegex",
                "not a valid regular expression",
                "[unclosed");
        assertMentions(error(LogType.FULLREGEX_LOG, Configs.rule().keys("a")), "ExtractRule.LogRegex", "required");
        assertMentions(
                error(
                        LogType.MULTILINE_FULLREGEX_LOG,
                        Configs.rule().logRegex("(a)").keys("a")),
                "ExtractRule.BeginRegex");
        assertMentions(error(LogType.FULLREGEX_LOG, Configs.rule().logRegex("(a")), "ExtractRule.LogRegex");
        assertMentions(
                error(LogType.FULLREGEX_LOG, Configs.rule().logRegex("(a)(b)").keys("x")),
                "ExtractRule.Keys has 1 names but LogRegex has 2 capture groups");
        assertMentions(error(LogType.FULLREGEX_LOG, Configs.rule().logRegex("(a)")), "ExtractRule.Keys");
        assertMentions(
                error(
                        LogType.MINIMALIST_LOG,
                        Configs.rule().filterKeyRegex(Collections.singletonList(KeyRegex.of("__CONTENT__", "(x")))),
                "ExtractRule.FilterKeyRegex[0].Regex",
                "e.g. 400|500");
    }

    @Test
    void rejectsDelimiterModeWithoutDelimiterOrKeys() {
        assertMentions(error(LogType.DELIMITER_LOG, Configs.rule().keys("a")), "ExtractRule.Delimiter", ":::");
        assertMentions(error(LogType.DELIMITER_LOG, Configs.rule().delimiter("")), "ExtractRule.Delimiter");
        assertMentions(
                error(LogType.DELIMITER_LOG, Configs.rule().delimiter("a\nb").keys("a")), "line break");
        assertMentions(error(LogType.DELIMITER_LOG, Configs.rule().delimiter(",")), "ExtractRule.Keys", "[\"IP\"");
        assertMentions(
                error(LogType.DELIMITER_LOG, Configs.rule().delimiter(",").keys("", "")), "ExtractRule.Keys");
        char[] longKey = new char[129];
        java.util.Arrays.fill(longKey, 'k');
        assertMentions(
                error(LogType.DELIMITER_LOG, Configs.rule().delimiter(",").keys(new String(longKey))),
                "ExtractRule.Keys[0] is 129 bytes");
    }

    @Test
    void rejectsBadFlagsTimeFormatsAndRules() {
        assertMentions(error(LogType.JSON_LOG, Configs.rule().isGbk(2)), "ExtractRule.IsGBK");
        assertMentions(error(LogType.JSON_LOG, Configs.rule().jsonStandard(3)), "ExtractRule.JsonStandard");
        assertMentions(
                error(LogType.JSON_LOG, Configs.rule().timeKey("t").timeFormat("%Q")), "ExtractRule.TimeFormat", "%Q");
        assertMentions(
                error(
                        LogType.JSON_LOG,
                        Configs.rule()
                                .advanceFilterRules(Collections.singletonList(AdvanceFilterRule.of("k", 7, null)))),
                "AdvanceFilterRules[0].Rule 7");
        assertMentions(
                error(
                        LogType.JSON_LOG,
                        Configs.rule()
                                .advanceFilterRules(Collections.singletonList(AdvanceFilterRule.of("k", 0, null)))),
                "AdvanceFilterRules[0]",
                "no Value");
        assertMentions(
                error(
                        LogType.JSON_LOG,
                        Configs.rule(),
                        AdvancedConfig.builder()
                                .entry("ClsAgentParseFailMerge", "\"maybe\"")
                                .build()),
                "AdvancedConfig.ClsAgentParseFailMerge");
    }

    @Test
    void acceptsEveryModeAndIgnoresWhatDoesNotApply() {
        assertFalse(
                LinePipelines.create(LogType.MINIMALIST_LOG, null, null, null).multiline());
        assertTrue(LinePipelines.create(
                        LogType.MULTILINE_LOG, Configs.rule().beginRegex(".*").build(), null, null)
                .multiline());
        // a full-text mode ignores an unsupported TimeFormat, as it never parses time
        PipelineFactory f = LinePipelines.create(
                LogType.MINIMALIST_LOG,
                Configs.rule().timeKey("t").timeFormat("%Q").build(),
                null,
                null);
        assertEquals(LogType.MINIMALIST_LOG, f.logType());
        LinePipelines.create(LogType.JSON_LOG, null, null, null);
        LinePipelines.create(
                LogType.JSON_LOG, Configs.rule().jsonStandard(1).isGbk(0).build(), null, null);
        LinePipelines.create(
                LogType.FULLREGEX_LOG,
                Configs.rule()
                        .logRegex("(a)(?:b)(c)")
                        .keys("x", "y")
                        .beginRegex("[not used")
                        .build(),
                null,
                null);
    }

    @Test
    void optionsAreValidated() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PipelineOptions.builder().maxEntryBytes(10).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> PipelineOptions.builder().regexBudget(0, 1).build());
        assertEquals(
                PipelineOptions.DEFAULT_MAX_ENTRY_BYTES,
                PipelineOptions.defaults().maxEntryBytes());
    }
}
