package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.KeyRegex;
import io.clssdk.core.api.LogType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexBudgetTest {
    private static String evil(int n) {
        char[] a = new char[n];
        Arrays.fill(a, 'a');
        return new String(a) + "b";
    }

    /** Exponential on every JDK (about 13 s for 30 characters on JDK 17 without a budget). */
    private static final String EXPLOSIVE = "(.*a){20}";

    @Test
    void catastrophicBacktrackingIsAbandonedAsAParseFailure() {
        LinePipeline p = Configs.pipeline(
                LogType.FULLREGEX_LOG,
                Configs.rule()
                        .logRegex(EXPLOSIVE + "|(ok)")
                        .keys("a", "o")
                        .unMatchUpLoadSwitch(true)
                        .unMatchLogKey("LogParseFailure"));
        RecordingOutput out = new RecordingOutput();
        out.feed(p, 1, evil(30), "ok", "b");
        assertEquals(Arrays.asList("LogParseFailure=" + evil(30), "a=|o=ok", "LogParseFailure=b"), out.texts());
        assertEquals(1, p.regexAbandoned());
    }

    @Test
    void nestedQuantifiersFinishQuicklyOnAnyJdk() {
        // Java 9+ memoizes this one; on Java 8 it is the budget that stops it
        LinePipeline p = Configs.pipeline(
                LogType.FULLREGEX_LOG, Configs.rule().logRegex("(a+)+$").keys("a"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, evil(40), "aaaa");
        assertEquals(Collections.singletonList("a=aaaa"), out.texts());
        assertEquals(1, out.drops(DropReason.PARSE_FAILURE));
    }

    @Test
    void catastrophicFirstLineRegexCountsAsNotAFirstLine() {
        LinePipeline p = Configs.pipeline(LogType.MULTILINE_LOG, Configs.rule().beginRegex(EXPLOSIVE + "|B.*"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "B1", evil(30), "B2");
        p.flush(2, out);
        assertEquals(Arrays.asList("__CONTENT__=B1\n" + evil(30), "__CONTENT__=B2"), out.texts());
        assertEquals(1, p.regexAbandoned());
    }

    @Test
    void catastrophicFilterRegexDoesNotPass() {
        LinePipeline p = Configs.pipeline(
                LogType.MINIMALIST_LOG,
                Configs.rule().filterKeyRegex(Collections.singletonList(KeyRegex.of("__CONTENT__", EXPLOSIVE + "|x"))));
        RecordingOutput out = new RecordingOutput().feed(p, 1, evil(30), "x");
        assertEquals(Collections.singletonList("__CONTENT__=x"), out.texts());
        assertEquals(1, out.drops(DropReason.FILTERED));
        assertEquals(1, p.regexAbandoned());
    }

    @Test
    void deeplyRecursivePatternsOnHugeInputFailInsteadOfOverflowing() {
        char[] big = new char[1 << 20];
        Arrays.fill(big, 'a');
        byte[] line = new String(big).getBytes(StandardCharsets.US_ASCII);
        RegexRunner runner = new RegexRunner(Pattern.compile("(a|b)*"), PipelineOptions.defaults());
        int r = runner.matches(line, 0, line.length, true);
        assertTrue(r == RegexRunner.ABANDONED || r == RegexRunner.MATCH, "result " + r);
        // the runner stays usable afterwards
        assertEquals(RegexRunner.MATCH, runner.matches(line, 0, 10, true));
    }

    @Test
    void theBudgetGrowsWithTheInputSoOrdinaryPatternsPassOnLongLines() {
        char[] big = new char[400_000];
        Arrays.fill(big, 'z');
        String line = "[2018-10-01T10:30:01,000] [INFO] " + new String(big);
        LinePipeline p = Configs.pipeline(
                LogType.FULLREGEX_LOG,
                Configs.rule().logRegex("\\[([^\\]]+)\\]\\s\\[(\\w+)\\]\\s(.*)").keys("t", "l", "m"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, line);
        assertEquals("2018-10-01T10:30:01,000", out.only().get("t"));
        assertEquals(0, p.regexAbandoned());
    }
}
