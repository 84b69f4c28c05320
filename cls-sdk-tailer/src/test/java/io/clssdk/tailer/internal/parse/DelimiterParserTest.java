package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clssdk.core.api.LogType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DelimiterParserTest {
    static final String DOC_SAMPLE = "10.20.20.10 - ::: [Tue Jan 22 14:49:45 CST 2019 +0800] ::: GET /online/sample "
            + "HTTP/1.1 ::: 127.0.0.1 ::: 200 ::: 647 ::: 35 ::: http://127.0.0.1/";

    @Test
    void splitsTheDocSampleAtAMultiCharacterDelimiter() {
        LinePipeline p = Configs.pipeline(
                LogType.DELIMITER_LOG,
                Configs.rule()
                        .delimiter(":::")
                        .keys("IP", "time", "request", "host", "status", "length", "bytes", "referer")
                        .timeKey("time")
                        .timeFormat(" [%a %b %d %H:%M:%S CST %Y %z]"));
        RecordingOutput out = new RecordingOutput().feed(p, 1, DOC_SAMPLE);
        // values are not trimmed: the spaces around ::: stay
        assertEquals(
                "IP=10.20.20.10 - |time= [Tue Jan 22 14:49:45 CST 2019 +0800] |request= GET /online/sample "
                        + "HTTP/1.1 |host= 127.0.0.1 |status= 200 |length= 647 |bytes= 35 |referer= http://127.0.0.1/",
                out.only().text());
        assertEquals(1548139785000L, out.only().timeMs); // 2019-01-22T06:49:45Z
    }

    @Test
    void singleCharacterDelimitersAndEmptyValues() {
        assertEquals("a=1|b=|c=3", parse(",", "1,,3", "a", "b", "c"));
        assertEquals("a=|b=|c=", parse(",", ",,", "a", "b", "c"));
        assertEquals("a=x|b=y", parse("\t", "x\ty", "a", "b"));
        assertEquals("a=中|b=文", parse("|", "中|文", "a", "b"));
        assertEquals("a=x|b=y", parse("，", "x，y", "a", "b")); // a multi-byte delimiter
    }

    @Test
    void emptyKeysDropTheirValue() {
        assertEquals("a=1|c=3", parse(",", "1,2,3", "a", "", "c"));
    }

    @Test
    void valueCountMustEqualKeyCount() {
        assertEquals(null, parse(",", "1,2,3", "a", "b"));
        assertEquals(null, parse(",", "1,2", "a", "b", "c"));
        assertEquals(null, parse(",", "1,2,", "a", "b"));
    }

    @Test
    void quotedValuesFollowTheCsvConvention() {
        assertEquals(
                "a=1999|b=Chevy|c=Venture \"Extended Edition, Very Large\"|d=|e=5000.00",
                parse(
                        ",",
                        "1999,Chevy,\"Venture \"\"Extended Edition, Very Large\"\"\",\"\",5000.00",
                        "a",
                        "b",
                        "c",
                        "d",
                        "e"));
        assertEquals(
                "ip=1.2.3.4|req=GET / HTTP/1.1|ua=Mozilla/5.0 (X11; Linux)",
                parse(" ", "1.2.3.4 \"GET / HTTP/1.1\" \"Mozilla/5.0 (X11; Linux)\"", "ip", "req", "ua"));
        assertEquals("a=x\"y|b=z", parse(",", "x\"y,z", "a", "b")); // a quote inside a value is a character
        assertEquals("a=q,r|b=s", parse(":::", "\"q,r\":::s", "a", "b"));
        assertEquals(null, parse(",", "\"open,x", "a", "b"));
        assertEquals(null, parse(",", "\"a\"b,c", "a", "b"));
    }

    @Test
    void quotingIsOffWhenTheDelimiterIsAQuote() {
        assertEquals("a=|b=x|c=", parse("\"", "\"x\"", "a", "b", "c"));
    }

    @Test
    void mismatchesUploadTheRawLineWhenAsked() {
        LinePipeline p = Configs.pipeline(
                LogType.DELIMITER_LOG,
                Configs.rule()
                        .delimiter(",")
                        .keys("a", "b")
                        .unMatchUpLoadSwitch(true)
                        .unMatchLogKey("bad"));
        RecordingOutput out = new RecordingOutput().feed(p, 3, "1,2,3", "4,5");
        assertEquals("bad=1,2,3", out.logs.get(0).text());
        assertEquals("a=4|b=5", out.logs.get(1).text());
    }

    static String parse(String delimiter, String line, String... keys) {
        byte[][] k = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            k[i] = keys[i].isEmpty() ? null : keys[i].getBytes(StandardCharsets.UTF_8);
        }
        DelimiterParser parser = new DelimiterParser(delimiter.getBytes(StandardCharsets.UTF_8), k);
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        ParsedLog log = new ParsedLog();
        if (!parser.parse(b, 0, b.length, false, log)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < log.fieldCount(); i++) {
            sb.append(i == 0 ? "" : "|").append(log.keyString(i)).append('=').append(log.valueString(i));
        }
        return sb.toString();
    }
}
