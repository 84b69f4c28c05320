package io.clssdk.tailer.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineScannerTest {
    @Test
    void wordAtATimeScanAgreesWithTheByteLoopOnEveryRange() {
        Random random = new Random(7);
        // bytes that defeat naive zero-byte tests: 0x0A neighbours, high-bit bytes, 0x0B (0x0A ^ 0x01), 0x8A
        byte[] palette = {'\n', 0x0B, 0x09, (byte) 0x8A, (byte) 0xFF, (byte) 0x80, 0x00, 'a', 0x0A ^ 0x7F};
        for (int round = 0; round < 200; round++) {
            byte[] buf = new byte[1 + random.nextInt(100)];
            for (int i = 0; i < buf.length; i++) {
                buf[i] = random.nextInt(4) == 0 ? palette[random.nextInt(palette.length)] : (byte) random.nextInt(256);
                if (random.nextInt(3) > 0 && buf[i] == '\n') {
                    buf[i] = 'x'; // keep newlines sparse sometimes
                }
            }
            LineScanner s = new LineScanner(buf);
            for (int from = 0; from <= buf.length; from++) {
                for (int to = from; to <= buf.length; to++) {
                    int nl = s.indexOf(from, to);
                    assertEquals(s.indexOfScalar(from, to), nl, "range " + from + ".." + to);
                    assertEquals(
                            asciiScalar(buf, from, nl < 0 ? to : nl),
                            s.asciiBefore(),
                            "ASCII up to the newline in " + from + ".." + to);
                }
            }
        }
    }

    private static boolean asciiScalar(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void findsEachNewlineInTurn() {
        byte[] buf = "a\nbb\n\nccccccccccc\nd".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        LineScanner s = new LineScanner(buf);
        assertEquals(1, s.indexOf(0, buf.length));
        assertEquals(4, s.indexOf(2, buf.length));
        assertEquals(5, s.indexOf(5, buf.length));
        assertEquals(17, s.indexOf(6, buf.length));
        assertEquals(-1, s.indexOf(18, buf.length));
    }

    /**
     * Long ASCII runs with at most one high byte: the two-word step passes whole pairs, and {@link
     * LineScanner#asciiBefore()} must still see a high byte in any word before the newline — in a skipped pair, in the
     * first word of the pair holding the newline, or in the newline's own word before it — and none after it.
     */
    @Test
    void asciiFlagIsExactAcrossSkippedPairs() {
        Random random = new Random(11);
        for (int round = 0; round < 400; round++) {
            byte[] buf = new byte[16 + random.nextInt(80)];
            for (int i = 0; i < buf.length; i++) {
                buf[i] = (byte) ('a' + random.nextInt(26));
            }
            buf[random.nextInt(buf.length)] = '\n';
            if (random.nextBoolean()) {
                buf[random.nextInt(buf.length)] = (byte) (0x80 | random.nextInt(128));
            }
            LineScanner s = new LineScanner(buf);
            for (int from = 0; from <= buf.length; from++) {
                for (int to = from; to <= buf.length; to++) {
                    int nl = s.indexOf(from, to);
                    assertEquals(s.indexOfScalar(from, to), nl, "range " + from + ".." + to);
                    assertEquals(asciiScalar(buf, from, nl < 0 ? to : nl), s.asciiBefore(), from + ".." + to);
                }
            }
        }
    }
}
