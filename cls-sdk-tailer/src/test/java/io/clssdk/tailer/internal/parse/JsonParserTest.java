package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.LogType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonParserTest {
    static final String DOC_SAMPLE = "{\"remote_ip\":\"10.135.46.111\",\"time_local\":\"22/Jan/2019:19:19:34 +0800\","
            + "\"body_sent\":23,\"responsetime\":0.232,\"upstreamtime\":\"0.232\","
            + "\"upstreamhost\":\"unix:/tmp/php-cgi.sock\",\"http_host\":\"127.0.0.1\",\"method\":\"POST\","
            + "\"url\":\"/event/dispatch\",\"request\":\"POST /event/dispatch HTTP/1.1\",\"xff\":\"-\","
            + "\"referer\":\"http://127.0.0.1/my/course/4\",\"agent\":\"Mozilla/5.0 (Windows NT 10.0; WOW64; rv:64.0) "
            + "Gecko/20100101 Firefox/64.0\",\"response_code\":\"200\"}";

    @Test
    void extractsFirstLevelFieldsOfTheDocSample() {
        LinePipeline p = Configs.pipeline(
                LogType.JSON_LOG, Configs.rule().timeKey("time_local").timeFormat("%d/%b/%Y:%H:%M:%S %z"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, DOC_SAMPLE);
        assertEquals(
                "remote_ip=10.135.46.111|time_local=22/Jan/2019:19:19:34 +0800|body_sent=23|responsetime=0.232"
                        + "|upstreamtime=0.232|upstreamhost=unix:/tmp/php-cgi.sock|http_host=127.0.0.1|method=POST"
                        + "|url=/event/dispatch|request=POST /event/dispatch HTTP/1.1|xff=-"
                        + "|referer=http://127.0.0.1/my/course/4"
                        + "|agent=Mozilla/5.0 (Windows NT 10.0; WOW64; rv:64.0) Gecko/20100101 Firefox/64.0"
                        + "|response_code=200",
                out.only().text());
        assertEquals(1548155974000L, out.only().timeMs); // 2019-01-22T11:19:34Z
    }

    @Test
    void keepsScalarsAsWrittenAndNestedValuesAsCompactJson() {
        assertEquals(
                "n=-1.50e+3|t=true|f=false|z=null|o={\"a\":[1,{\"b\":\"x y\"}],\"c\":{}}|a=[]|s=",
                parse(
                        "{ \"n\" : -1.50e+3 , \"t\":true,\"f\":false,\"z\":null,"
                                + "\"o\": { \"a\" : [ 1 , {\"b\":\"x y\"} ] , \"c\" : { } },\"a\":[ ],\"s\":\"\" }",
                        false));
        // nested strings keep their escapes as written
        assertEquals("o={\"k\":\"a\\\"b\\u00e9\"}", parse("{\"o\":{\"k\":\"a\\\"b\\u00e9\"}}", true));
    }

    @Test
    void unescapesStringsIncludingSurrogatePairs() {
        assertEquals(
                "k=q\"b\\s/\b\f\n\r\t é \uD83D\uDE00 \uFFFD x",
                parse("{\"k\":\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t \\u00e9 \\uD83D\\uDE00 \\uDE00 x\"}", true));
        assertEquals("k=\uFFFDz", parse("{\"k\":\"\\uD83Dz\"}", true));
        assertEquals("k\n1=v", parse("{\"k\\n1\":\"v\"}", true));
        assertEquals("中=文", parse("{\"中\":\"文\"}", true));
    }

    @Test
    void valuesWithoutEscapesPointIntoTheLine() {
        byte[] line = "{\"a\":\"text\",\"b\":[1, 2],\"c\":[1,2]}".getBytes(StandardCharsets.UTF_8);
        ParsedLog log = new ParsedLog();
        assertTrue(new JsonParser(true).parse(line, 0, line.length, true, log));
        assertSame(line, log.valueArray(0));
        assertSame(line, log.valueArray(2));
        assertFalse(log.valueArray(1) == line); // compacted into scratch
        assertEquals("[1,2]", log.valueString(1));
        // the same key bytes are reused from log to log
        ParsedLog again = new ParsedLog();
        JsonParser parser = new JsonParser(true);
        log.clear();
        parser.parse(line, 0, line.length, true, log);
        parser.parse(line, 0, line.length, true, again);
        assertSame(log.key(0), again.key(0));
    }

    @Test
    void onlyObjectsAreLogs() {
        for (String bad : new String[] {
            "[1,2]",
            "\"s\"",
            "12",
            "true",
            "null",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1 \"b\":2}",
            "{a:1}",
            "{\"a\":tru}",
            "{\"a\":[1,2}",
            "{\"a\":{\"b\":1]}",
            "{\"a\":\"unterminated}",
            "plain text",
            "\u0000\u0001"
        }) {
            assertEquals(null, parse(bad, false), bad);
            assertEquals(null, parse(bad, true), bad);
        }
    }

    @Test
    void strictAndLenientParsersDifferOnlyWhereDocumented() {
        String[] lenientOnly = {
            "{\"a\":1} trailing",
            "{\"a\":1,}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"\\x\"}",
            "{\"a\":01}",
            "{\"a\":+1}",
            "{\"a\":1.}"
        };
        String[] expected = {"a=1", "a=1", "a=tab\there", "a=\\x", "a=01", "a=+1", "a=1."};
        for (int i = 0; i < lenientOnly.length; i++) {
            assertEquals(expected[i], parse(lenientOnly[i], false), lenientOnly[i]);
            assertEquals(null, parse(lenientOnly[i], true), lenientOnly[i]);
        }
        assertEquals("a=1", parse("  {\"a\":1}  ", true));
        assertEquals("a=1", parse("\uFEFF{\"a\":1}", true));
    }

    @Test
    void tenThousandLevelsOfNestingNeitherRecurseNorFail() {
        StringBuilder sb = new StringBuilder("{\"deep\":");
        for (int i = 0; i < 10_000; i++) {
            sb.append(i % 2 == 0 ? "[" : "{\"k\":");
        }
        sb.append("0");
        for (int i = 9_999; i >= 0; i--) {
            sb.append(i % 2 == 0 ? "]" : "}");
        }
        String nested = sb.substring("{\"deep\":".length());
        sb.append("}");
        assertEquals("deep=" + nested, parse(sb.toString(), true));
        assertEquals(null, parse(sb.substring(0, sb.length() - 2) + "}", true)); // one bracket short
    }

    @Test
    void emptyKeysAreDroppedAndEmptyObjectsProduceNothing() {
        assertEquals("b=2", parse("{\"\":1,\"b\":2}", true));
        LinePipeline p = Configs.pipeline(LogType.JSON_LOG, Configs.rule());
        RecordingOutput out = new RecordingOutput().feed(p, 1, "{}", "{ \"\" : [1] }");
        assertTrue(out.logs.isEmpty());
        assertEquals(2, out.drops(DropReason.EMPTY));
    }

    @Test
    void duplicateKeysAreKeptInOrder() {
        assertEquals("a=1|a=2", parse("{\"a\":1,\"a\":2}", true));
    }

    @Test
    void nonJsonLinesAreParseFailures() {
        LinePipeline p = Configs.pipeline(
                LogType.JSON_LOG, Configs.rule().unMatchUpLoadSwitch(true).unMatchLogKey("LogParseFailure"));
        RecordingOutput out = new RecordingOutput().feed(p, 9, "not json", "[1]");
        assertEquals("LogParseFailure=not json", out.logs.get(0).text());
        assertEquals(9, out.logs.get(0).timeMs);
        assertEquals("LogParseFailure=[1]", out.logs.get(1).text());
    }

    /** The fields as text, or null on a parse failure. */
    static String parse(String json, boolean strict) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ParsedLog log = new ParsedLog();
        if (!new JsonParser(strict).parse(b, 0, b.length, false, log)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < log.fieldCount(); i++) {
            sb.append(i == 0 ? "" : "|").append(log.keyString(i)).append('=').append(log.valueString(i));
        }
        return sb.toString();
    }
}
