package io.clssdk.producer.appender;

import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.Limits;

/**
 * Field names and values as the appenders send them. Keys that {@link LogRecord} refuses never make an event vanish:
 * a key CLS reserves ({@link Limits#RESERVED_KEYS}) is renamed by {@link Limits#renameReserved}, as the tailer does
 * ({@code __TIMESTAMP__} → {@code log__TIMESTAMP__}), and an empty key becomes {@value #PREFIX}. A value longer than
 * CLS's limit of {@link Limits#MAX_VALUE_BYTES} UTF-8 bytes is cut to fit, ending with {@value #CUT_MARK} and the
 * original length, instead of getting the whole event rejected.
 */
final class RecordFields {
    static final String PREFIX = Limits.RESERVED_KEY_PREFIX;
    static final String CUT_MARK = "...[cut by the CLS appender: ";
    /** Room kept for the cut mark and the length (at most 10 digits plus " chars]"). */
    private static final int CUT_ROOM = CUT_MARK.length() + 20;

    private RecordFields() {}

    /** The key to send for {@code key}. */
    static String key(String key) {
        if (key == null || key.isEmpty()) {
            return PREFIX;
        }
        return Limits.renameReserved(key);
    }

    /** {@code value}, cut to at most {@link Limits#MAX_VALUE_BYTES} UTF-8 bytes. */
    static String value(String value) {
        int limit = Limits.MAX_VALUE_BYTES;
        if (value.length() <= limit / 3) {
            return value; // at most 3 bytes per UTF-16 char: cannot be too long
        }
        if (utf8Length(value, limit) <= limit) {
            return value;
        }
        int budget = limit - CUT_ROOM;
        int end = 0;
        int bytes = 0;
        while (end < value.length()) {
            int cp = value.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return value.substring(0, end) + CUT_MARK + value.length() + " chars]";
    }

    /** The UTF-8 length of {@code s}, counting stops once past {@code stopAfter}. */
    static int utf8Length(String s, int stopAfter) {
        int bytes = 0;
        for (int i = 0; i < s.length() && bytes <= stopAfter; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Appends a field with the key renamed and the value cut as needed; a null value is skipped. */
    static void add(LogRecord.Builder record, String key, String value) {
        if (value != null) {
            record.field(key(key), value(value));
        }
    }

    /** {@code class.method(file:line)}, the form of the Tencent CLS appenders' {@code location} field. */
    static String location(StackTraceElement caller) {
        StringBuilder sb = new StringBuilder(96)
                .append(caller.getClassName())
                .append('.')
                .append(caller.getMethodName())
                .append('(');
        sb.append(caller.getFileName() == null ? "Unknown Source" : caller.getFileName());
        if (caller.getLineNumber() >= 0) {
            sb.append(':').append(caller.getLineNumber());
        }
        return sb.append(')').toString();
    }
}
