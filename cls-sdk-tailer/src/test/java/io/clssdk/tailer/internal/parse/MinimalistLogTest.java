package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.clssdk.core.api.KeyRegex;
import io.clssdk.core.api.LogType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class MinimalistLogTest {
    private static final String SAMPLE =
            "Tue Jan 22 12:08:15 CST 2019 Installed: libjpeg-turbo-static-1.2.90-6.el7.x86_64";

    @Test
    void eachLineIsOneLogUnderContentAtItsReadTime() {
        LinePipeline p = Configs.pipeline(LogType.MINIMALIST_LOG, null);
        RecordingOutput out = new RecordingOutput().feed(p, 1_000, SAMPLE, "second line");
        assertEquals(Arrays.asList("__CONTENT__=" + SAMPLE, "__CONTENT__=second line"), out.texts());
        assertEquals(1_000, out.logs.get(0).timeMs);
        assertFalse(p.hasPending());
    }

    @Test
    void referencesTheCallersBytesWithoutCopying() {
        LinePipeline p = Configs.pipeline(LogType.MINIMALIST_LOG, null);
        byte[] buf = ("skip\n" + SAMPLE + "\n").getBytes(StandardCharsets.UTF_8);
        p.line(buf, 5, 5 + SAMPLE.length(), false, 7, new LogOutput() {
            @Override
            public void log(ParsedLog log) {
                assertSame(buf, log.valueArray(0));
                assertEquals(5, log.valueOffset(0));
                assertEquals(SAMPLE.length(), log.valueLength(0));
                assertArrayEquals(ContentParser.CONTENT, log.key(0));
            }

            @Override
            public void dropped(DropReason reason) {
                throw new AssertionError(reason);
            }
        });
    }

    @Test
    void emptyLinesAreDroppedAndCarriageReturnsInsideALineKept() {
        LinePipeline p = Configs.pipeline(LogType.MINIMALIST_LOG, null);
        RecordingOutput out = new RecordingOutput().feed(p, 1, "", "a\rb", " ");
        assertEquals(Arrays.asList("__CONTENT__=a\rb", "__CONTENT__= "), out.texts());
        assertEquals(1, out.drops(DropReason.EMPTY));
    }

    @Test
    void invalidUtf8AndBinaryGarbageBecomeReplacementCharacters() {
        LinePipeline p = Configs.pipeline(LogType.MINIMALIST_LOG, null);
        RecordingOutput out = new RecordingOutput();
        out.feed(p, 1, new byte[] {'o', 'k', (byte) 0xC3, '(', 0, 1, (byte) 0xFF}, false);
        assertEquals("__CONTENT__=ok\uFFFD(\u0000\u0001\uFFFD", out.only().text());
    }

    @Test
    void gbkFilesAreUploadedAsUtf8() throws Exception {
        LinePipeline p = Configs.pipeline(LogType.MINIMALIST_LOG, Configs.rule().isGbk(1));
        RecordingOutput out = new RecordingOutput();
        out.feed(p, 1, "中文日志 level=INFO".getBytes("GBK"), false);
        assertEquals("__CONTENT__=中文日志 level=INFO", out.only().text());
    }

    @Test
    void hugeAndTruncatedLinesAreKeptWhole() {
        char[] big = new char[1 << 20];
        Arrays.fill(big, 'é');
        byte[] line = new String(big).getBytes(StandardCharsets.UTF_8); // 2 MiB
        LinePipeline p = Configs.pipeline(LogType.MINIMALIST_LOG, null);
        RecordingOutput out = new RecordingOutput();
        out.feed(p, 1, Arrays.copyOf(line, line.length - 1), true); // cut inside the last é
        String content = out.only().get("__CONTENT__");
        assertEquals((1 << 20) - 1, content.length());
        assertEquals(-1, content.indexOf('\uFFFD'));
    }

    @Test
    void filtersOnContentWithAWholeValueMatch() {
        LinePipeline p = Configs.pipeline(
                LogType.MINIMALIST_LOG,
                Configs.rule().filterKeyRegex(Collections.singletonList(KeyRegex.of("__CONTENT__", "Tue Jan 22.*"))));
        RecordingOutput out = new RecordingOutput().feed(p, 1, SAMPLE, "Wed Jan 23 other", "x Tue Jan 22 y");
        assertEquals(Collections.singletonList("__CONTENT__=" + SAMPLE), out.texts());
        assertEquals(2, out.drops(DropReason.FILTERED));
    }

    @Test
    void rawLogKeyAddsTheLineAgainAndTimeKeyIsIgnored() {
        LinePipeline p = Configs.pipeline(
                LogType.MINIMALIST_LOG,
                Configs.rule().rawLogKey("raw").timeKey("__CONTENT__").timeFormat("%s"));
        RecordingOutput out = new RecordingOutput().feed(p, 5, "1571394459");
        assertEquals("__CONTENT__=1571394459|raw=1571394459", out.only().text());
        assertEquals(5, out.only().timeMs);
    }
}
