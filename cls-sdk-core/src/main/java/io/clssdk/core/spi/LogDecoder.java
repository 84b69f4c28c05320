package io.clssdk.core.spi;

import io.clssdk.core.LogRecord;
import java.nio.charset.StandardCharsets;

/**
 * Reads one {@code LogGroup.logs} entry — {@code 0x0a len [0x08 time] [0x12 len [0x0a key] [0x12 value]]...}, as
 * {@link LogEncoder} writes it — back into a {@link LogRecord}: the way from an encoded stream to a producer that
 * only takes records. Unknown fields are skipped, as protobuf readers do. Stateless; thread-safe.
 */
public final class LogDecoder {
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_FIXED64 = 1;
    private static final int WIRE_LENGTH = 2;
    private static final int WIRE_FIXED32 = 5;

    private LogDecoder() {}

    /**
     * Decodes the entry {@code b[offset, offset + length)}.
     *
     * @throws io.clssdk.core.ClsClientException ({@code INVALID_ARGUMENT}) if the bytes are not one well-formed entry
     */
    public static LogRecord decode(byte[] b, int offset, int length) {
        Cursor c = new Cursor(b, offset, offset + length);
        if (c.varint() != LogEncoder.TAG_GROUP_LOGS) {
            throw Limits.invalid("an encoded log must start with the LogGroup.logs tag 0x0a");
        }
        int end = c.lengthEnd();
        if (end != c.limit) {
            throw Limits.invalid("an encoded log's length does not match its " + length + " bytes");
        }
        LogRecord.Builder record = LogRecord.builder();
        while (c.pos < end) {
            long tag = c.varint();
            if (tag == 0x08) {
                record.timeMs(c.varint());
            } else if (tag == 0x12) {
                content(c, c.lengthEnd(), record);
            } else {
                c.skip(tag);
            }
        }
        return record.build();
    }

    private static void content(Cursor c, int end, LogRecord.Builder record) {
        String key = "";
        String value = "";
        while (c.pos < end) {
            long tag = c.varint();
            if (tag == 0x0a) {
                key = c.string();
            } else if (tag == 0x12) {
                value = c.string();
            } else {
                c.skip(tag);
            }
        }
        record.field(key, value);
    }

    /** A read position inside {@code [pos, limit)}. */
    private static final class Cursor {
        final byte[] b;
        final int limit;
        int pos;

        Cursor(byte[] b, int pos, int limit) {
            if (pos < 0 || limit > b.length || pos > limit) {
                throw Limits.invalid("encoded log range [" + pos + ", " + limit + ") is outside its array");
            }
            this.b = b;
            this.pos = pos;
            this.limit = limit;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= limit) {
                    throw truncated();
                }
                byte x = b[pos++];
                v |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw Limits.invalid("an encoded log holds a varint longer than 10 bytes");
        }

        /** Reads a length and returns where the field it announces ends. */
        int lengthEnd() {
            long n = varint();
            if (n < 0 || n > limit - pos) {
                throw truncated();
            }
            return pos + (int) n;
        }

        String string() {
            int end = lengthEnd();
            String s = new String(b, pos, end - pos, StandardCharsets.UTF_8);
            pos = end;
            return s;
        }

        void skip(long tag) {
            switch ((int) (tag & 7)) {
                case WIRE_VARINT:
                    varint();
                    return;
                case WIRE_FIXED64:
                    advance(8);
                    return;
                case WIRE_LENGTH:
                    pos = lengthEnd();
                    return;
                case WIRE_FIXED32:
                    advance(4);
                    return;
                default:
                    throw Limits.invalid("an encoded log holds field tag " + tag + " of an unsupported wire type");
            }
        }

        private void advance(int n) {
            if (n > limit - pos) {
                throw truncated();
            }
            pos += n;
        }

        private static RuntimeException truncated() {
            return Limits.invalid("an encoded log ends in the middle of a field");
        }
    }
}
