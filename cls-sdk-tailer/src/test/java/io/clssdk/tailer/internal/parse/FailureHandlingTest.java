package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.LogType;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class FailureHandlingTest {
    @Test
    void failuresAreDroppedWhenTheSwitchIsOff() {
        for (Boolean off : new Boolean[] {null, false}) {
            LinePipeline p = Configs.pipeline(
                    LogType.FULLREGEX_LOG,
                    Configs.rule().logRegex("(\\d+)").keys("n").unMatchUpLoadSwitch(off));
            RecordingOutput out = new RecordingOutput().feed(p, 1, "x", "1");
            assertEquals(Collections.singletonList("n=1"), out.texts());
            assertEquals(1, out.drops(DropReason.PARSE_FAILURE));
        }
    }

    @Test
    void failuresAreUploadedUnderTheConfiguredKeyAtCollectionTime() {
        LinePipeline p = Configs.pipeline(
                LogType.FULLREGEX_LOG,
                Configs.rule()
                        .logRegex("(\\d+)")
                        .keys("n")
                        .timeKey("n")
                        .timeFormat("%s")
                        .unMatchUpLoadSwitch(true)
                        .unMatchLogKey("bad_line"));
        RecordingOutput out = new RecordingOutput().feed(p, 77, "not a number", "1571394459");
        assertEquals(Arrays.asList("bad_line=not a number", "n=1571394459"), out.texts());
        assertEquals(77, out.logs.get(0).timeMs);
        assertEquals(1571394459000L, out.logs.get(1).timeMs);
    }

    @Test
    void rawLogKeyAttachesTheLineToParsedLogsOnly() {
        LinePipeline p = Configs.pipeline(
                LogType.DELIMITER_LOG,
                Configs.rule()
                        .delimiter("|")
                        .keys("a", "b")
                        .rawLogKey("__raw__")
                        .unMatchUpLoadSwitch(true)
                        .unMatchLogKey("LogParseFailure"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "x|y", "x|y|z");
        assertEquals(Arrays.asList("a=x|b=y|__raw__=x|y", "LogParseFailure=x|y|z"), out.texts());
    }

    @Test
    void parseFailMergeJoinsConsecutiveFailuresUntilASuccessOrFlush() {
        LinePipeline p = Configs.pipeline(
                LogType.JSON_LOG,
                Configs.rule().unMatchUpLoadSwitch(true).unMatchLogKey("LogParseFailure"),
                AdvancedConfig.builder().clsAgentParseFailMerge(true).build());
        RecordingOutput out = new RecordingOutput().feed(p, 10, "oops 1").feed(p, 20, "oops 2");
        assertTrue(out.logs.isEmpty());
        assertTrue(p.hasPending());
        assertEquals(2, p.pendingLines());
        out.feed(p, 30, "{\"a\":1}", "oops 3");
        assertEquals(Arrays.asList("LogParseFailure=oops 1\noops 2", "a=1"), out.texts());
        assertEquals(10, out.logs.get(0).timeMs);
        assertEquals(1, p.pendingLines());
        p.flush(40, out);
        assertEquals("LogParseFailure=oops 3", out.logs.get(2).text());
        assertFalse(p.hasPending());
    }

    @Test
    void parseFailMergeIsIgnoredWhenFailuresAreDropped() {
        LinePipeline p = Configs.pipeline(
                LogType.JSON_LOG,
                Configs.rule(),
                AdvancedConfig.builder().clsAgentParseFailMerge(true).build());
        RecordingOutput out = new RecordingOutput().feed(p, 1, "oops");
        assertFalse(p.hasPending());
        assertEquals(1, out.drops(DropReason.PARSE_FAILURE));
    }

    @Test
    void pendingLinesCoverBothAFailureRunAndAnOpenEntry() {
        LinePipeline p = Configs.pipeline(
                LogType.MULTILINE_FULLREGEX_LOG,
                Configs.rule()
                        .beginRegex("B.*")
                        .logRegex("B(\\d+)")
                        .keys("n")
                        .unMatchUpLoadSwitch(true)
                        .unMatchLogKey("LogParseFailure"),
                AdvancedConfig.builder().clsAgentParseFailMerge(true).build());
        RecordingOutput out = new RecordingOutput().feed(p, 1, "Bx", "more", "By", "B1");
        // "Bx\nmore" and "By" failed and are merged; "B1" is the open entry
        assertTrue(out.logs.isEmpty());
        assertEquals(4, p.pendingLines());
        out.feed(p, 2, "B2");
        assertEquals(Arrays.asList("LogParseFailure=Bx\nmore\nBy", "n=1"), out.texts());
        assertEquals(1, p.pendingLines());
    }

    @Test
    void truncatedLinesAreParsedAsCut() {
        LinePipeline json = Configs.pipeline(
                LogType.JSON_LOG, Configs.rule().unMatchUpLoadSwitch(true).unMatchLogKey("LogParseFailure"));
        LinePipeline delimited = Configs.pipeline(
                LogType.DELIMITER_LOG, Configs.rule().delimiter(",").keys("a", "b"));
        RecordingOutput out = new RecordingOutput();
        out.feed(json, 1, "{\"msg\":\"cut he".getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        out.feed(delimited, 1, "x,y\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        out.feed(delimited, 1, new byte[] {'x', ',', 'y', (byte) 0xC3}, true); // é cut in half: dropped
        assertEquals(Arrays.asList("LogParseFailure={\"msg\":\"cut he", "a=x|b=y\u00e9", "a=x|b=y"), out.texts());
    }
}
