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

    /** Bytes needed for {@code value} read as an unsigned 64-bit integer (1 to 10). */
    public static int size64(long value) {
        int size = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    /** The number of bytes of the varint stored at {@code pos}. */
    public static int sizeAt(byte[] buf, int pos) {
        int size = 1;
        while (buf[pos++] < 0) {
            size++;
        }
        return size;
    }

    /** Writes {@code value} (unsigned) at {@code pos}; returns the position after it. */
    public static int write32(byte[] buf, int pos, int value) {
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
