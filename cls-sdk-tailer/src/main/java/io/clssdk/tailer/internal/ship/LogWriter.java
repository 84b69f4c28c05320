package io.clssdk.tailer.internal.ship;

import io.clssdk.core.spi.Limits;
import io.clssdk.core.spi.LogEncoder;
import io.clssdk.core.spi.WireBuffer;
import io.clssdk.tailer.internal.parse.ParsedLog;

/**
 * Encodes a {@link ParsedLog} as one {@code LogGroup.logs} entry with core's raw-field encoder. Every length is known
 * up front (keys and values are UTF-8 bytes already), so each is written once.
 * A value over CLS's 1 MiB limit is cut at a character boundary.
 */
final class LogWriter {
    private LogWriter() {}

    /** Appends {@code log} to {@code out}; returns the bytes of its values (what CLS counts per request). */
    static int write(WireBuffer out, ParsedLog log) {
        int fields = log.fieldCount();
        long fieldsSize = 0;
        int values = 0;
        for (int i = 0; i < fields; i++) {
            int length = valueLength(log, i);
            fieldsSize += LogEncoder.rawFieldSize(log.key(i).length, length);
            values += length;
        }
        out.ensure((int) (LogEncoder.RAW_HEADER_MAX_BYTES + fieldsSize));
        byte[] buf = out.array();
        int pos = LogEncoder.putRawHeader(buf, out.position(), log.timeMs(), (int) fieldsSize);
        for (int i = 0; i < fields; i++) {
            pos = LogEncoder.putRawField(
                    buf, pos, log.key(i), log.valueArray(i), log.valueOffset(i), valueLength(log, i));
        }
        out.position(pos);
        return values;
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
