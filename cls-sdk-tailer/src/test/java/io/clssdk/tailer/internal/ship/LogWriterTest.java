package io.clssdk.tailer.internal.ship;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.Limits;
import io.clssdk.core.spi.LogDecoder;
import io.clssdk.core.spi.LogEncoder;
import io.clssdk.core.spi.WireBuffer;
import io.clssdk.tailer.internal.parse.ParsedLog;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LogWriter} measures a log exactly (the tailer finds room for it before writing it) and writes the bytes core's
 * record encoder writes for the same log.
 */
class LogWriterTest {
    private final LogWriter writer = new LogWriter();

    @Test
    void aMeasuredLogIsWrittenInExactlyThatManyBytesAsTheRecordEncoderWritesIt() {
        Random random = new Random(3);
        int[] lengths = {0, 1, 100, 127, 128, 300, 16_383, 16_384, 70_000};
        long[] times = {0, 1, 127, 128, 1_700_000_000_000L, Long.MAX_VALUE};
        for (int round = 0; round < 500; round++) {
            ParsedLog log = new ParsedLog();
            log.timeMs(times[random.nextInt(times.length)]);
            LogRecord.Builder record = LogRecord.builder().timeMs(log.timeMs());
            int fields = 1 + random.nextInt(round % 10 == 0 ? 40 : 4);
            for (int f = 0; f < fields; f++) {
                String key = text(random, 1 + random.nextInt(f == 0 ? 130 : 12));
                String value = text(random, lengths[random.nextInt(lengths.length)]);
                log.add(key.getBytes(StandardCharsets.UTF_8), value);
                record.field(key, value);
            }

            byte[] written = write(log);

            WireBuffer expected = new WireBuffer(256);
            int expectedValues = LogEncoder.write(expected, record.build());
            assertArrayEquals(expected.toByteArray(), written, "round " + round);
            assertEquals(expectedValues, writer.valueBytes(), "round " + round);
        }
    }

    @Test
    void aValueOverOneMebibyteIsCutBeforeTheCharacterThatCrossesTheLimit() {
        char[] chars = new char[Limits.MAX_VALUE_BYTES / 3 + 10];
        Arrays.fill(chars, '中'); // three UTF-8 bytes each: the limit falls inside a character
        String value = new String(chars);
        ParsedLog log = new ParsedLog();
        log.timeMs(1_700_000_000_000L);
        log.add("content".getBytes(StandardCharsets.UTF_8), value);

        byte[] written = write(log);

        LogRecord decoded = LogDecoder.decode(written, 0, written.length);
        String kept = decoded.value(0);
        assertEquals(Limits.MAX_VALUE_BYTES / 3, kept.length());
        assertEquals(value.substring(0, kept.length()), kept);
        assertEquals(kept.length() * 3, writer.valueBytes());
        assertEquals(1_700_000_000_000L, decoded.timeMs());
    }

    /** Measures and writes {@code log} into an array with one byte of slack on either side; checks the length. */
    private byte[] write(ParsedLog log) {
        int length = writer.measure(log);
        byte[] buf = new byte[length + 2];
        int end = writer.write(log, buf, 1);
        assertEquals(1 + length, end, "the measured length");
        assertEquals(0, buf[length + 1], "nothing written past it");
        return Arrays.copyOfRange(buf, 1, end);
    }

    private static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int kind = random.nextInt(20);
            sb.append(kind == 0 ? 'é' : kind == 1 ? '中' : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
