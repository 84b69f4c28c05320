package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clssdk.core.api.AdvanceFilterRule;
import io.clssdk.core.api.KeyRegex;
import io.clssdk.core.api.LogType;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class LogFilterTest {
    private static LinePipeline json(KeyRegex... rules) {
        return Configs.pipeline(LogType.JSON_LOG, Configs.rule().filterKeyRegex(Arrays.asList(rules)));
    }

    @Test
    void keyRegexRulesAreAndedAndMatchWholeValues() {
        LinePipeline p = json(KeyRegex.of("status", "400|500"), KeyRegex.of("method", "GET"));
        RecordingOutput out = new RecordingOutput()
                .feed(
                        p,
                        1,
                        "{\"status\":\"400\",\"method\":\"GET\"}",
                        "{\"status\":500,\"method\":\"GET\"}",
                        "{\"status\":\"4000\",\"method\":\"GET\"}",
                        "{\"status\":\"400\",\"method\":\"POST\"}",
                        "{\"status\":\"200\",\"method\":\"GET\"}");
        assertEquals(Arrays.asList("status=400|method=GET", "status=500|method=GET"), out.texts());
        assertEquals(3, out.drops(DropReason.FILTERED));
    }

    @Test
    void theLastRuleForAKeyWins() {
        LinePipeline p = json(KeyRegex.of("level", "ERROR"), KeyRegex.of("level", "WARN"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "{\"level\":\"ERROR\"}", "{\"level\":\"WARN\"}");
        assertEquals(Collections.singletonList("level=WARN"), out.texts());
    }

    @Test
    void aLogWithoutTheKeyDoesNotPass() {
        LinePipeline p = json(KeyRegex.of("level", ".*"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "{\"other\":\"x\"}", "{\"level\":\"\"}");
        assertEquals(Collections.singletonList("level="), out.texts());
        assertEquals(1, out.drops(DropReason.FILTERED));
    }

    @Test
    void dotMatchesNewlinesSoTheDocMultilineFilterKeepsEntries() {
        LinePipeline p = Configs.pipeline(
                LogType.MULTILINE_LOG,
                Configs.rule()
                        .beginRegex("\\d+\\.\\d+\\.\\d+\\.\\d+ .*")
                        .filterKeyRegex(Collections.singletonList(KeyRegex.of("__CONTENT__", "10.20.20.10.*"))));
        RecordingOutput out = new RecordingOutput()
                .feed(
                        p,
                        1,
                        "10.20.20.10 - - [Tue Jan 22 14:24:03 CST 2019 +0800] GET /online/sample",
                        "Mozilla/5.0 (Windows NT 10.0; WOW64; rv:64.0)",
                        "10.20.20.11 - - other");
        p.flush(2, out);
        assertEquals(1, out.logs.size());
        assertEquals(1, out.drops(DropReason.FILTERED));
    }

    @Test
    void nonAsciiValuesAreMatchedAsText() {
        LinePipeline p = json(KeyRegex.of("msg", "错误.+"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "{\"msg\":\"错误: 磁盘满\"}", "{\"msg\":\"正常\"}");
        assertEquals(Collections.singletonList("msg=错误: 磁盘满"), out.texts());
    }

    @Test
    void advanceRulesTestEqualityPresenceAndAbsence() {
        LinePipeline p = Configs.pipeline(
                LogType.JSON_LOG,
                Configs.rule()
                        .advanceFilterRules(Arrays.asList(
                                AdvanceFilterRule.equalTo("env", "prod"),
                                AdvanceFilterRule.exists("user"),
                                AdvanceFilterRule.absent("debug"))));
        RecordingOutput out = new RecordingOutput()
                .feed(
                        p,
                        1,
                        "{\"env\":\"prod\",\"user\":\"u\"}",
                        "{\"env\":\"prod\",\"user\":\"u\",\"debug\":1}",
                        "{\"env\":\"production\",\"user\":\"u\"}",
                        "{\"env\":\"prod\"}",
                        "{\"user\":\"u\"}");
        assertEquals(Collections.singletonList("env=prod|user=u"), out.texts());
        assertEquals(4, out.drops(DropReason.FILTERED));
    }

    @Test
    void keyRegexAndAdvanceRulesCombine() {
        LinePipeline p = Configs.pipeline(
                LogType.JSON_LOG,
                Configs.rule()
                        .filterKeyRegex(Collections.singletonList(KeyRegex.of("code", "5\\d\\d")))
                        .advanceFilterRules(Collections.singletonList(AdvanceFilterRule.equalTo("env", "prod"))));
        RecordingOutput out = new RecordingOutput()
                .feed(
                        p,
                        1,
                        "{\"code\":503,\"env\":\"prod\"}",
                        "{\"code\":503,\"env\":\"dev\"}",
                        "{\"code\":200,\"env\":\"prod\"}");
        assertEquals(Collections.singletonList("code=503|env=prod"), out.texts());
    }

    @Test
    void parseFailuresAreNotFiltered() {
        LinePipeline p = Configs.pipeline(
                LogType.JSON_LOG,
                Configs.rule()
                        .filterKeyRegex(Collections.singletonList(KeyRegex.of("level", "ERROR")))
                        .unMatchUpLoadSwitch(true)
                        .unMatchLogKey("LogParseFailure"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "broken", "{\"level\":\"INFO\"}");
        assertEquals(Collections.singletonList("LogParseFailure=broken"), out.texts());
        assertEquals(1, out.drops(DropReason.FILTERED));
    }
}
