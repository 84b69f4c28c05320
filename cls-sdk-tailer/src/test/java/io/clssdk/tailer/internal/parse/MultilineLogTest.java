package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.LogType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class MultilineLogTest {
    static final String BEGIN = "\\[\\d+-\\d+-\\w+:\\d+:\\d+,\\d+]\\s\\[\\w+]\\s.*";
    static final String[] TRACE = {
        "[2018-10-01T10:30:01,000] [INFO] java.lang.Exception: exception happened",
        "    at TestPrintStackTrace.f(TestPrintStackTrace.java:3)",
        "    at TestPrintStackTrace.g(TestPrintStackTrace.java:7)",
        "    at TestPrintStackTrace.main(TestPrintStackTrace.java:16)"
    };

    private static LinePipeline pipeline() {
        return Configs.pipeline(LogType.MULTILINE_LOG, Configs.rule().beginRegex(BEGIN));
    }

    @Test
    void groupsTheDocStackTraceIntoOneLogWithThreeNewlines() {
        LinePipeline p = pipeline();
        RecordingOutput out = new RecordingOutput();
        out.feed(p, 100, TRACE[0]).feed(p, 200, TRACE[1], TRACE[2], TRACE[3]);
        assertTrue(out.logs.isEmpty());
        assertTrue(p.hasPending());
        assertEquals(4, p.pendingLines());
        out.feed(p, 300, "[2018-10-01T10:30:02,000] [WARN] next");
        assertEquals("__CONTENT__=" + String.join("\n", TRACE), out.only().text());
        assertEquals(100, out.only().timeMs);
        assertEquals(1, p.pendingLines());
        p.flush(400, out);
        assertEquals(2, out.logs.size());
        assertEquals(
                "__CONTENT__=[2018-10-01T10:30:02,000] [WARN] next",
                out.logs.get(1).text());
        assertEquals(300, out.logs.get(1).timeMs);
        assertFalse(p.hasPending());
        assertEquals(0, p.pendingLines());
    }

    @Test
    void linesBeforeTheFirstBeginLineAreEntriesOfTheirOwn() {
        LinePipeline p = pipeline();
        RecordingOutput out = new RecordingOutput().feed(p, 1, TRACE[2], "", TRACE[3], TRACE[0], TRACE[1]);
        assertEquals(Arrays.asList("__CONTENT__=" + TRACE[2], "__CONTENT__=" + TRACE[3]), out.texts());
        assertEquals(1, out.drops(DropReason.EMPTY));
        p.flush(2, out);
        assertEquals(
                "__CONTENT__=" + TRACE[0] + "\n" + TRACE[1], out.logs.get(2).text());
        // after a flush, a late continuation line has no entry to join
        out.feed(p, 3, TRACE[2]);
        assertEquals("__CONTENT__=" + TRACE[2], out.logs.get(3).text());
        assertFalse(p.hasPending());
    }

    @Test
    void emptyLinesInsideAnEntryAreKeptAndCarriageReturnsUntouched() {
        LinePipeline p = pipeline();
        RecordingOutput out = new RecordingOutput().feed(p, 1, TRACE[0], "", "tail\r");
        p.flush(2, out);
        assertEquals("__CONTENT__=" + TRACE[0] + "\n\ntail\r", out.only().text());
    }

    @Test
    void capsAnEntryAtTheLimitWithoutStalling() {
        PipelineOptions small = PipelineOptions.builder()
                .zone(Configs.UTC8.zone())
                .maxEntryBytes(1024)
                .build();
        LinePipeline p = LinePipelines.create(
                        LogType.MULTILINE_LOG, Configs.rule().beginRegex("B.*").build(), null, small)
                .newPipeline();
        RecordingOutput out = new RecordingOutput().feed(p, 1, "B");
        char[] row = new char[300];
        Arrays.fill(row, '中'); // 900 bytes per line
        for (int i = 0; i < 5; i++) {
            out.feed(p, 1, new String(row));
        }
        out.feed(p, 2, "B2");
        String first = out.logs.get(0).get("__CONTENT__");
        byte[] bytes = first.getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length <= 1024 && bytes.length > 1024 - 3, "length " + bytes.length);
        assertTrue(first.startsWith("B\n中中"));
        assertEquals(-1, first.indexOf('\uFFFD'));
        p.flush(3, out);
        assertEquals("__CONTENT__=B2", out.logs.get(1).text());
    }

    @Test
    void aFirstLineOfOneMebibyteIsTruncatedToTheLimit() {
        LinePipeline p = pipeline();
        char[] big = new char[1 << 20];
        Arrays.fill(big, 'x');
        RecordingOutput out = new RecordingOutput().feed(p, 1, TRACE[0] + new String(big), TRACE[1]);
        p.flush(2, out);
        assertEquals(
                PipelineOptions.DEFAULT_MAX_ENTRY_BYTES,
                out.only().get("__CONTENT__").length());
    }

    @Test
    void nonAsciiFirstLinesAreMatchedAfterDecoding() throws Exception {
        LinePipeline p = Configs.pipeline(
                LogType.MULTILINE_LOG, Configs.rule().beginRegex("日志\\d+ .*").isGbk(1));
        RecordingOutput out = new RecordingOutput();
        out.feed(p, 1, "日志1 开始".getBytes("GBK"), false);
        out.feed(p, 1, "  继续".getBytes("GBK"), false);
        out.feed(p, 1, "日志2 开始".getBytes("GBK"), false);
        p.flush(1, out);
        assertEquals(Arrays.asList("__CONTENT__=日志1 开始\n  继续", "__CONTENT__=日志2 开始"), out.texts());
    }

    @Test
    void flushWithNothingPendingEmitsNothing() {
        LinePipeline p = pipeline();
        RecordingOutput out = new RecordingOutput();
        p.flush(1, out);
        assertEquals(Collections.emptyList(), out.logs);
        assertTrue(out.drops.isEmpty());
    }
}
