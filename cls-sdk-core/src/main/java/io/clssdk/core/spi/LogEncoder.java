package io.clssdk.core.spi;

import io.clssdk.core.LogRecord;

/**
 * Encodes one log as an entry of {@code LogGroup.logs} (field 1), straight into a {@link WireBuffer}:
 * {@code 0x0a len [0x08 time] [0x12 len [0x0a key] [0x12 value]]...}.
 *
 * <p>Lengths are estimated from the char lengths (exact for ASCII), so for ASCII data every length is written once in
 * place; other text costs an occasional move inside the buffer (see {@link WireBuffer#patchLength}).
 */
public final class LogEncoder {
    static final int TAG_GROUP_LOGS = 0x0a;
    private static final int TAG_LOG_TIME = 0x08;
    private static final int TAG_LOG_CONTENTS = 0x12;
    private static final int TAG_CONTENT_KEY = 0x0a;
    private static final int TAG_CONTENT_VALUE = 0x12;

    private LogEncoder() {}

    /**
     * Appends {@code record} to {@code out}. On failure the buffer is left at the position it had on entry. Unpaired
     * surrogates in keys and values become {@code '?'} and are added to {@link WireBuffer#unpairedSurrogates()}.
     *
     * @return the UTF-8 bytes of all values (what CLS counts against its per-request value limit)
     * @throws io.clssdk.core.ClsClientException if a value exceeds {@link Limits#MAX_VALUE_BYTES}
     */
    public static int write(WireBuffer out, LogRecord record) {
        int fields = record.fieldCount();
        long timeMs = record.timeMs();
        // One pass over the lengths: the body estimate (exact for ASCII) and a worst-case bound for ensure().
        long bodyEstimate = 1 + Varint.size64(timeMs);
        long bound = 16 + bodyEstimate;
        for (int i = 0; i < fields; i++) {
            int keyChars = record.key(i).length();
            int valueChars = record.value(i).length();
            if (valueChars > Limits.MAX_VALUE_BYTES) {
                throw valueTooLarge(record.key(i), valueChars, "characters");
            }
            int content = contentEstimate(keyChars, valueChars);
            bodyEstimate += 1 + Varint.size32(content) + content;
            bound += 18 + 3L * keyChars + 3L * valueChars;
        }
        if (bound > Integer.MAX_VALUE - 64) {
            throw Limits.invalid("a single log of " + bound + " bytes is far beyond the CLS limits");
        }
        out.ensure((int) bound);
        byte[] buf = out.array();
        int entryStart = out.position();
        int logReserve = Varint.size32((int) Math.min(bodyEstimate, Integer.MAX_VALUE));

        int pos = entryStart;
        buf[pos++] = TAG_GROUP_LOGS;
        int logLengthPos = pos;
        pos += logReserve;
        int logStart = pos;
        buf[pos++] = TAG_LOG_TIME;
        pos = Varint.write64(buf, pos, timeMs);
        int valueBytes = 0;
        for (int i = 0; i < fields; i++) {
            String key = record.key(i);
            String value = record.value(i);
            int contentReserve = Varint.size32(contentEstimate(key.length(), value.length()));
            buf[pos++] = TAG_LOG_CONTENTS;
            int contentLengthPos = pos;
            pos += contentReserve;
            int contentStart = pos;
            buf[pos++] = TAG_CONTENT_KEY;
            pos = writeString(buf, pos, key, out);
            buf[pos++] = TAG_CONTENT_VALUE;
            int valueStart = pos;
            pos = writeString(buf, pos, value, out);
            int bytes = pos - valueStart - Varint.sizeAt(buf, valueStart);
            if (bytes > Limits.MAX_VALUE_BYTES) {
                throw valueTooLarge(key, bytes, "bytes of UTF-8");
            }
            valueBytes += bytes;
            pos = patchLength(buf, contentLengthPos, contentReserve, contentStart, pos);
        }
        pos = patchLength(buf, logLengthPos, logReserve, logStart, pos);
        out.position(pos);
        return valueBytes;
    }

    /**
     * Writes a length-prefixed UTF-8 string at {@code pos} (room for 5 + 3 * length bytes is guaranteed), counting
     * replaced surrogates in {@code tally}.
     */
    private static int writeString(byte[] buf, int pos, String s, WireBuffer tally) {
        int reserved = Varint.size32(s.length()); // exact when s is ASCII, the common case
        int start = pos + reserved;
        int end = Utf8.encode(s, buf, start, tally);
        int len = end - start;
        int needed = Varint.size32(len);
        if (needed != reserved) {
            System.arraycopy(buf, start, buf, pos + needed, len);
        }
        return Varint.write32(buf, pos, len) + len;
    }

    /** Writes the length of {@code [contentStart, end)} at {@code lengthPos}; returns the (possibly moved) end. */
    private static int patchLength(byte[] buf, int lengthPos, int reserved, int contentStart, int end) {
        int len = end - contentStart;
        int needed = Varint.size32(len);
        if (needed != reserved) {
            System.arraycopy(buf, contentStart, buf, lengthPos + needed, len);
            end += needed - reserved;
        }
        Varint.write32(buf, lengthPos, len);
        return end;
    }

    /** The encoded size of one field ({@code 0x12 len 0x0a key 0x12 value}) of UTF-8 key and value lengths. */
    public static int rawFieldSize(int keyLength, int valueLength) {
        int content = rawContentSize(keyLength, valueLength);
        return 1 + Varint.size32(content) + content;
    }

    /** The size of a field's content, {@code 0x0a len key 0x12 len value}, which its length prefix counts. */
    private static int rawContentSize(int keyLength, int valueLength) {
        return 1 + Varint.size32(keyLength) + keyLength + 1 + Varint.size32(valueLength) + valueLength;
    }

    /** The exact size of a log entry {@link #putRawHeader} and its fields of {@code fieldsSize} bytes write. */
    public static int rawLogSize(long timeMs, int fieldsSize) {
        int content = rawLogContentSize(timeMs, fieldsSize);
        return 1 + Varint.size32(content) + content;
    }

    /** The size of a log's content, {@code 0x08 time} and its fields, which its length prefix counts. */
    private static int rawLogContentSize(long timeMs, int fieldsSize) {
        return 1 + Varint.size64(timeMs) + fieldsSize;
    }

    /**
     * Starts a log at {@code buf[pos]} whose fields, written next with {@link #putRawField}, take {@code fieldsSize}
     * bytes in all (the sum of their {@link #rawFieldSize}); returns the position after the header. The caller has
     * made room for the whole log ({@link #rawLogSize}): the raw writes work on the array directly, with no capacity
     * check per byte, which is what a tailer pays per line.
     */
    public static int putRawHeader(byte[] buf, int pos, long timeMs, int fieldsSize) {
        buf[pos++] = TAG_GROUP_LOGS;
        pos = Varint.write32(buf, pos, rawLogContentSize(timeMs, fieldsSize));
        buf[pos++] = TAG_LOG_TIME;
        return Varint.write64(buf, pos, timeMs);
    }

    /** Writes one field, key and value UTF-8 bytes already, at {@code buf[pos]}; returns the position after it. */
    public static int putRawField(byte[] buf, int pos, byte[] key, byte[] value, int valueOffset, int valueLength) {
        int keyLength = key.length;
        buf[pos++] = TAG_LOG_CONTENTS;
        pos = Varint.write32(buf, pos, rawContentSize(keyLength, valueLength));
        buf[pos++] = TAG_CONTENT_KEY;
        pos = Varint.write32(buf, pos, keyLength);
        System.arraycopy(key, 0, buf, pos, keyLength);
        pos += keyLength;
        buf[pos++] = TAG_CONTENT_VALUE;
        pos = Varint.write32(buf, pos, valueLength);
        System.arraycopy(value, valueOffset, buf, pos, valueLength);
        return pos + valueLength;
    }

    private static int contentEstimate(int keyChars, int valueChars) {
        return 1 + Varint.size32(keyChars) + keyChars + 1 + Varint.size32(valueChars) + valueChars;
    }

    private static RuntimeException valueTooLarge(String key, long size, String unit) {
        return Limits.invalid("value of field '" + key + "' is " + size + " " + unit + "; CLS accepts at most "
                + Limits.MAX_VALUE_BYTES + " bytes (1 MiB) per value");
    }
}
