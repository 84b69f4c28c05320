package io.clssdk.tailer.internal.ship;

import io.clssdk.core.internal.encode.Limits;
import io.clssdk.core.internal.encode.Varint;
import io.clssdk.core.internal.encode.WireBuffer;
import io.clssdk.tailer.internal.parse.ParsedLog;

/**
 * Encodes a {@link ParsedLog} as one {@code LogGroup.logs} entry: {@code 0x0a len 0x08 time (0x12 len 0x0a key 0x12
 * value)*}. Every length is known up front (keys and values are UTF-8 bytes already), so each is written once.
 * A value over CLS's 1 MiB limit is cut at a character boundary.
 */
final class LogWriter {
    private static final int TAG_GROUP_LOGS = 0x0a;
    private static final int TAG_LOG_TIME = 0x08;
    private static final int TAG_LOG_CONTENTS = 0x12;
    private static final int TAG_KEY = 0x0a;
    private static final int TAG_VALUE = 0x12;

    private LogWriter() {}

    /** Appends {@code log} to {@code out}; returns the bytes of its values (what CLS counts per request). */
    static int write(WireBuffer out, ParsedLog log) {
        int fields = log.fieldCount();
        long body = 1 + Varint.size64(log.timeMs());
        int values = 0;
        for (int i = 0; i < fields; i++) {
            int content = contentSize(log.key(i).length, valueLength(log, i));
            body += 1 + Varint.size32(content) + content;
        }
        out.ensure((int) (1 + 5 + body));
        out.writeByte(TAG_GROUP_LOGS);
        out.writeVarint32((int) body);
        out.writeByte(TAG_LOG_TIME);
        out.writeVarint64(log.timeMs());
        for (int i = 0; i < fields; i++) {
            byte[] key = log.key(i);
            int length = valueLength(log, i);
            out.writeByte(TAG_LOG_CONTENTS);
            out.writeVarint32(contentSize(key.length, length));
            out.writeByte(TAG_KEY);
            out.writeVarint32(key.length);
            out.writeBytes(key, 0, key.length);
            out.writeByte(TAG_VALUE);
            out.writeVarint32(length);
            out.writeBytes(log.valueArray(i), log.valueOffset(i), length);
            values += length;
        }
        return values;
    }

    private static int contentSize(int keyLength, int valueLength) {
        return 1 + Varint.size32(keyLength) + keyLength + 1 + Varint.size32(valueLength) + valueLength;
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
