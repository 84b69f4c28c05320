package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineDecoderTest {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void passesAsciiAndValidUtf8ThroughWithoutCopying() {
        LineDecoder d = new LineDecoder(null);
        byte[] ascii = bytes("xx plain ascii");
        d.decode(ascii, 3, ascii.length, false);
        assertSame(ascii, d.array());
        assertEquals(3, d.offset());
        assertTrue(d.ascii());
        byte[] utf8 = bytes("日志 ✓ \uD83D\uDE00");
        d.decode(utf8, 0, utf8.length, false);
        assertSame(utf8, d.array());
        assertFalse(d.ascii());
        assertEquals("日志 ✓ \uD83D\uDE00", text(d));
    }

    @Test
    void replacesEachMaximalIllFormedSubpartByOneReplacementCharacter() {
        // Unicode 15 §3.9 table 3-8: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 → a � � � b � c � � d
        byte[] in = {
            0x61,
            (byte) 0xF1,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0xE1,
            (byte) 0x80,
            (byte) 0xC2,
            0x62,
            (byte) 0x80,
            0x63,
            (byte) 0x80,
            (byte) 0xBF,
            0x64
        };
        assertEquals("a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd", decode(in, false));
        // overlong, surrogate and out-of-range forms
        assertEquals("\uFFFD\uFFFD", decode(new byte[] {(byte) 0xC0, (byte) 0xAF}, false));
        assertEquals("\uFFFD\uFFFD\uFFFD", decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, false));
        assertEquals(
                "\uFFFD\uFFFD\uFFFD\uFFFD",
                decode(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, false));
        assertEquals("x\uFFFD", decode(new byte[] {'x', (byte) 0xFF}, false));
    }

    @Test
    void dropsACharacterSplitByTheTruncationButReplacesItOtherwise() {
        byte[] cut = {'a', 'b', (byte) 0xE4, (byte) 0xB8}; // "ab" + first two bytes of 中
        assertEquals("ab", decode(cut, true));
        assertEquals("ab\uFFFD", decode(cut, false));
        byte[] whole = bytes("ab中");
        assertEquals("ab中", decode(whole, true));
    }

    @Test
    void decodesGbkAndReplacesBytesThatAreNotGbk() throws Exception {
        byte[] gbk = "中文 log".getBytes("GBK");
        LineDecoder d = new LineDecoder(GBK);
        d.decode(gbk, 0, gbk.length, false);
        assertEquals("中文 log", text(d));
        byte[] bad = {'a', (byte) 0x81, 0x20, 'b', (byte) 0xFF}; // 0x81 needs a trail byte >= 0x40
        d.decode(bad, 0, bad.length, false);
        String s = text(d);
        assertTrue(s.startsWith("a\uFFFD") && s.endsWith("\uFFFD"), s);
        byte[] ascii = bytes("ascii only");
        d.decode(ascii, 0, ascii.length, false);
        assertSame(ascii, d.array());
        byte[] cut = {'x', (byte) 0xD6}; // first byte of 中 in GBK
        d.decode(cut, 0, cut.length, true);
        assertEquals("x", text(d));
    }

    @Test
    void randomBytesAlwaysComeOutValidAndMatchTheJdkForValidInput() {
        Random random = new Random(11);
        LineDecoder d = new LineDecoder(null);
        for (int round = 0; round < 5000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            random.nextBytes(b);
            d.decode(b, 0, b.length, random.nextBoolean());
            int end = d.offset() + d.length();
            assertEquals(end, Utf8.firstInvalid(d.array(), d.offset(), end));
        }
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                sb.appendCodePoint(randomScalar(random));
            }
            byte[] b = bytes(sb.toString());
            d.decode(b, 0, b.length, false);
            assertSame(b, d.array());
        }
    }

    private static int randomScalar(Random r) {
        while (true) {
            int cp = r.nextInt(4) == 0 ? r.nextInt(0x110000) : r.nextInt(0x800);
            if (cp < 0xD800 || cp > 0xDFFF) {
                return cp;
            }
        }
    }

    private static String decode(byte[] in, boolean truncated) {
        LineDecoder d = new LineDecoder(null);
        d.decode(in, 0, in.length, truncated);
        return text(d);
    }

    private static String text(LineDecoder d) {
        return new String(d.array(), d.offset(), d.length(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
