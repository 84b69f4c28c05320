package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void encodeMatchesStringGetBytesIncludingUnpairedSurrogates() {
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            String s = RandomLogs.text(random, random.nextInt(300));
            byte[] expected = s.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[3 * s.length()];
            int end = Utf8.encode(s, out, 0);
            assertArrayEquals(expected, Arrays.copyOf(out, end), s);
            assertEquals(expected.length, Utf8.encodedLength(s));
        }
        assertEquals("a?b?", new String(encode("a\uD800b\uDC00"), StandardCharsets.UTF_8));
        assertEquals("?", new String(encode("\uD83D"), StandardCharsets.UTF_8));
    }

    @Test
    void encodeCountsEachUnpairedSurrogateItReplaces() {
        // the JDK's encoder is the oracle: every '?' it adds beyond those in the text stands for one unpaired surrogate
        Random random = new Random(3);
        int total = 0;
        for (int i = 0; i < 5000; i++) {
            String s = RandomLogs.text(random, random.nextInt(300));
            int expected = count(s.getBytes(StandardCharsets.UTF_8), (byte) '?')
                    - (int) s.chars().filter(c -> c == '?').count();
            WireBuffer tally = new WireBuffer(16);
            byte[] out = new byte[3 * s.length()];
            Utf8.encode(s, out, 0, tally);
            assertEquals(expected, tally.unpairedSurrogates(), s);
            assertEquals(expected, Utf8.unpairedSurrogates(s), s);
            total += expected;
        }
        assertTrue(total > 100, "covered " + total + " unpaired surrogates");
        WireBuffer tally = new WireBuffer(16);
        byte[] out = new byte[64];
        Utf8.encode("high \uD83D, low \uDE00, pair \uD83D\uDE00, reversed \uDE00\uD83D", out, 0, tally);
        assertEquals(4, tally.unpairedSurrogates());
        Utf8.encode("plain ascii and 日志 and \uD83D\uDE00", out, 0, tally);
        assertEquals(4, tally.unpairedSurrogates(), "well-formed text adds nothing");
        tally.reset();
        assertEquals(0, tally.unpairedSurrogates());
    }

    private static int count(byte[] bytes, byte b) {
        int n = 0;
        for (byte x : bytes) {
            n += x == b ? 1 : 0;
        }
        return n;
    }

    @Test
    void validPrefixAgreesWithTheJdkDecoder() {
        Random random = new Random(2);
        for (int i = 0; i < 20000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            if (random.nextBoolean()) {
                random.nextBytes(bytes);
            } else {
                byte[] valid = RandomLogs.text(random, 30).getBytes(StandardCharsets.UTF_8);
                bytes = Arrays.copyOf(valid, Math.min(valid.length, bytes.length + 1));
                if (bytes.length > 0 && random.nextInt(3) == 0) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            assertEquals(jdkValidPrefix(bytes), Utf8.validPrefix(bytes, 0, bytes.length), Arrays.toString(bytes));
        }
    }

    @Test
    void validPrefixRejectsOverlongSurrogatesAndOutOfRange() {
        assertEquals(0, Utf8.validPrefix(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2));
        assertEquals(0, Utf8.validPrefix(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, 0, 3));
        assertEquals(0, Utf8.validPrefix(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3));
        assertEquals(0, Utf8.validPrefix(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4));
        assertEquals(1, Utf8.validPrefix(new byte[] {'a', (byte) 0xE6, (byte) 0x97}, 0, 3));
        byte[] ascii = "0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);
        assertEquals(17, Utf8.validPrefix(ascii, 3, 17));
    }

    private static byte[] encode(String s) {
        byte[] out = new byte[3 * s.length()];
        return Arrays.copyOf(out, Utf8.encode(s, out, 0));
    }

    /** The longest prefix the JDK's strict decoder accepts. */
    private static int jdkValidPrefix(byte[] bytes) {
        for (int len = bytes.length; len >= 0; len--) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, len));
                return len;
            } catch (CharacterCodingException e) {
                // try a shorter prefix
            }
        }
        return 0;
    }
}
