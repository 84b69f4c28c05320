package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParsedLogTest {
    private static final byte[] K = bytes("k");

    @Test
    void keepsFieldsInOrderAndPointsIntoTheCallersArray() {
        ParsedLog log = new ParsedLog();
        byte[] line = bytes("hello world");
        log.timeMs(42);
        log.add(K, line, 6, 5);
        log.add(bytes("other"), "中文");
        assertEquals(2, log.fieldCount());
        assertSame(line, log.valueArray(0));
        assertEquals(6, log.valueOffset(0));
        assertEquals("world", log.valueString(0));
        assertEquals("中文", log.valueString(1));
        assertEquals("ParsedLog{timeMs=42, k=world, other=中文}", log.toString());
        log.clear();
        assertEquals(0, log.fieldCount());
        assertEquals(0, log.timeMs());
        assertThrows(IndexOutOfBoundsException.class, () -> log.key(0));
    }

    @Test
    void scratchValuesSurviveTheScratchGrowing() {
        ParsedLog log = new ParsedLog();
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            log.add(bytes("f" + i), "value-" + i);
            big.append("0123456789");
        }
        log.add(K, big.toString()); // forces the scratch array to grow several times
        for (int i = 0; i < 200; i++) {
            assertEquals("value-" + i, log.valueString(i));
        }
        assertEquals(big.toString(), log.valueString(200));
    }

    @Test
    void keepsAtMostAThousandFields() {
        ParsedLog log = new ParsedLog();
        byte[] v = bytes("v");
        for (int i = 0; i < 1005; i++) {
            boolean kept = log.add(K, v, 0, 1);
            assertEquals(i < ParsedLog.MAX_FIELDS, kept);
        }
        assertEquals(1000, log.fieldCount());
        assertEquals(5, log.droppedFields());
        log.clear();
        assertEquals(0, log.droppedFields());
    }

    @Test
    void findsFieldsByKeyContentAndComparesValues() {
        ParsedLog log = new ParsedLog();
        log.add(bytes("a"), "1");
        log.add(bytes("b"), "2");
        log.add(bytes("b"), "3");
        assertEquals(1, log.indexOf(bytes("b")));
        assertEquals(-1, log.indexOf(bytes("c")));
        assertTrue(log.valueEquals(1, bytes("2")));
        assertFalse(log.valueEquals(1, bytes("3")));
        assertFalse(log.valueEquals(1, bytes("22")));
    }

    @Test
    void encodesLoneSurrogatesAsReplacementCharacters() {
        ParsedLog log = new ParsedLog();
        log.add(K, "a\uD800b\uD83D\uDE00");
        assertArrayEquals(
                new byte[] {
                    'a', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, 'b', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80
                },
                java.util.Arrays.copyOfRange(log.valueArray(0), log.valueOffset(0), log.valueOffset(0) + 9));
        assertEquals(9, log.valueLength(0));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
