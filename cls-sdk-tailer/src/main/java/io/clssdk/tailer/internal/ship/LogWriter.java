package io.clssdk.tailer.internal.ship;

import io.clssdk.core.spi.Limits;
import io.clssdk.core.spi.LogEncoder;
import io.clssdk.tailer.internal.parse.ParsedLog;

/**
 * Encodes a {@link ParsedLog} as one {@code LogGroup.logs} entry with core's raw-field encoder. Every length is known
 * up front (keys and values are UTF-8 bytes already): {@link #measure} gives the entry's exact size, so the caller can
 * find room for it first, and {@link #write} writes each byte once. A value over CLS's 1 MiB limit is cut at a
 * character boundary. One per shipper; not thread-safe.
 */
final class LogWriter {
    private int fieldsSize;
    private int valueBytes;

    /**
     * Measures {@code log}: returns the bytes of its entry, and {@link #valueBytes()} the bytes of its values.
     *
     * @throws IllegalArgumentException if the entry would exceed 2 GiB
     */
    int measure(ParsedLog log) {
        long fields = 0;
        int values = 0;
        for (int i = 0, n = log.fieldCount(); i < n; i++) {
            int length = valueLength(log, i);
            fields += LogEncoder.rawFieldSize(log.key(i).length, length);
            values += length;
        }
        if (fields > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a log of " + fields + " bytes of fields cannot be encoded");
        }
        fieldsSize = (int) fields;
        valueBytes = values;
        return LogEncoder.rawLogSize(log.timeMs(), fieldsSize);
    }

    /** The bytes of the values of the log last {@linkplain #measure measured} (what CLS counts per request). */
    int valueBytes() {
        return valueBytes;
    }

    /** Writes the log last {@linkplain #measure measured} at {@code buf[pos]}; returns the position after it. */
    int write(ParsedLog log, byte[] buf, int pos) {
        pos = LogEncoder.putRawHeader(buf, pos, log.timeMs(), fieldsSize);
        for (int i = 0, n = log.fieldCount(); i < n; i++) {
            pos = LogEncoder.putRawField(
                    buf, pos, log.key(i), log.valueArray(i), log.valueOffset(i), valueLength(log, i));
        }
        return pos;
    }

    /** The value's length, cut to at most 1 MiB without splitting a UTF-8 sequence. */
    private static int valueLength(ParsedLog log, int i) {
        int length = log.valueLength(i);
        if (length <= Limits.MAX_VALUE_BYTES) {
            return length;
        }
        byte[] a = log.valueArray(i);
        int end = log.valueOffset(i) + Limits.MAX_VALUE_BYTES;
        while (end > log.valueOffset(i) && (a[end] & 0xC0) == 0x80) {
            end--; // a[end] continues the sequence that starts before it: cut before that sequence
        }
        return end - log.valueOffset(i);
    }
}
