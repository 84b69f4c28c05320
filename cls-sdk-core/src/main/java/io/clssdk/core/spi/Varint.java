package io.clssdk.core.spi;

/** Protobuf base-128 varints (canonical, shortest form). */
final class Varint {
    private Varint() {}

    /** Bytes needed for {@code value} read as an unsigned 32-bit integer (1 to 5). */
    public static int size32(int value) {
        if ((value & (~0 << 7)) == 0) {
            return 1;
        }
        if ((value & (~0 << 14)) == 0) {
            return 2;
        }
        if ((value & (~0 << 21)) == 0) {
            return 3;
        }
        if ((value & (~0 << 28)) == 0) {
            return 4;
        }
        return 5;
    }

    /** Bytes needed for {@code value} read as an unsigned 64-bit integer (1 to 10), without a loop. */
    public static int size64(long value) {
        // significant bits b (at least 1) need ceil(b / 7) bytes; (9 * b + 64) >>> 6 equals that for b in 1..64
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        return (9 * bits + 64) >>> 6;
    }

    /** The number of bytes of the varint stored at {@code pos}. */
    public static int sizeAt(byte[] buf, int pos) {
        int size = 1;
        while (buf[pos++] < 0) {
            size++;
        }
        return size;
    }

    /**
     * Writes {@code value} (unsigned) at {@code pos}; returns the position after it. Values below 2^14 — the lengths
     * of almost every log and field — take a path without a loop.
     */
    public static int write32(byte[] buf, int pos, int value) {
        if ((value & ~0x7F) == 0) {
            buf[pos] = (byte) value;
            return pos + 1;
        }
        if ((value & ~0x3FFF) == 0) {
            buf[pos] = (byte) (value | 0x80);
            buf[pos + 1] = (byte) (value >>> 7);
            return pos + 2;
        }
        while ((value & ~0x7F) != 0) {
            buf[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[pos++] = (byte) value;
        return pos;
    }

    /** Writes {@code value} (unsigned) at {@code pos}; returns the position after it. */
    public static int write64(byte[] buf, int pos, long value) {
        while ((value & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[pos++] = (byte) value;
        return pos;
    }
}
