package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.LogType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegexModesTest {
    private static final String API_EXAMPLE_REGEX = "(\\w)(\\w+\\s\\S+)\\s+(\\d+)\\s([^:]+):(\\d+)\\]\\s(.*)";
    private static final String LOG_REGEX = "\\[(\\d+-\\d+-\\w+:\\d+:\\d+,\\d+)\\]\\s\\[(\\w+)\\]\\s(.*)";

    @Test
    void fullRegexMapsGroupsToKeysWithTheApiExample() {
        LinePipeline p = Configs.pipeline(
                LogType.FULLREGEX_LOG,
                Configs.rule()
                        .logRegex(API_EXAMPLE_REGEX)
                        .beginRegex(API_EXAMPLE_REGEX)
                        .keys("level", "time", "thread_id", "file", "lineno", "msg")
                        .timeKey("time")
                        .timeFormat("%Y%m%d %H:%M:%S.%f"));
        RecordingOutput out =
                new RecordingOutput().feed(p, 1, "I20180716 13:12:57.123 4242 server.cc:87] started, port 80");
        assertEquals(
                "level=I|time=20180716 13:12:57.123|thread_id=4242|file=server.cc|lineno=87" + "|msg=started, port 80",
                out.only().text());
        assertEquals(1531717977123L, out.only().timeMs); // 2018-07-16T05:12:57.123Z
    }

    @Test
    void theRegexMustMatchTheWholeLine() {
        LinePipeline p = Configs.pipeline(
                LogType.FULLREGEX_LOG, Configs.rule().logRegex("(\\d+)").keys("n"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "123", "123 abc", "abc");
        assertEquals(Arrays.asList("n=123"), out.texts());
        assertEquals(2, out.drops(DropReason.PARSE_FAILURE));
    }

    @Test
    void emptyKeysDropGroupsAndUnmatchedOptionalGroupsAreEmpty() {
        LinePipeline p = Configs.pipeline(
                LogType.FULLREGEX_LOG, Configs.rule().logRegex("(a)(b)?(c)").keys("x", "y", ""));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "ac", "abc");
        assertEquals(Arrays.asList("x=a|y=", "x=a|y=b"), out.texts());
    }

    @Test
    void nonAsciiLinesGiveTheRightGroups() {
        LinePipeline p = Configs.pipeline(
                LogType.FULLREGEX_LOG,
                Configs.rule().logRegex("(\\S+) (.+) (\\S+)").keys("a", "b", "c"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "日志 中\uD83D\uDE00文 é");
        assertEquals("a=日志|b=中\uD83D\uDE00文|c=é", out.only().text());
    }

    @Test
    void multilineFullRegexSplitsThenMatchesAcrossNewlinesWithTheDocSample() {
        LinePipeline p = Configs.pipeline(
                LogType.MULTILINE_FULLREGEX_LOG,
                Configs.rule()
                        .beginRegex(MultilineLogTest.BEGIN)
                        .logRegex(LOG_REGEX)
                        .keys("time", "level", "msg")
                        .timeKey("time")
                        .timeFormat("%Y-%m-%dT%H:%M:%S,%f"));
        RecordingOutput out = new RecordingOutput().feed(p, 7, MultilineLogTest.TRACE);
        assertTrue(out.logs.isEmpty());
        p.flush(8, out);
        String[] t = MultilineLogTest.TRACE;
        assertEquals(
                "time=2018-10-01T10:30:01,000|level=INFO|msg=java.lang.Exception: exception happened\n" + t[1] + "\n"
                        + t[2] + "\n" + t[3],
                out.only().text());
        assertEquals(1538361001000L, out.only().timeMs); // 2018-10-01T02:30:01Z
    }

    @Test
    void multilineEntriesThatDoNotMatchAreParseFailures() {
        LinePipeline p = Configs.pipeline(
                LogType.MULTILINE_FULLREGEX_LOG,
                Configs.rule()
                        .beginRegex("B.*")
                        .logRegex("B(\\d+)")
                        .keys("n")
                        .unMatchUpLoadSwitch(true)
                        .unMatchLogKey("LogParseFailure"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "B1", "B2", "more", "orphan?");
        p.flush(2, out);
        assertEquals(Arrays.asList("n=1", "LogParseFailure=B2\nmore\norphan?"), out.texts());
    }
}
