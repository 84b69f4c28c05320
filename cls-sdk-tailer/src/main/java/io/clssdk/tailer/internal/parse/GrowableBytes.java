package io.clssdk.tailer.internal.parse;

import java.util.Arrays;

/**
 * A reusable byte buffer that grows geometrically. Growing replaces {@link #array()} by a copy: ranges recorded
 * earlier keep pointing at the old array, whose content never changes afterwards, so they stay valid.
 */
final class GrowableBytes {
    /** Arrays above this size are dropped by {@link #trim()} so that one huge line is not retained per file. */
    static final int RETAIN_LIMIT = 64 * 1024;

    private final int initialCapacity;
    private byte[] array;
    private int length;

    GrowableBytes(int initialCapacity) {
        this.initialCapacity = initialCapacity;
        this.array = new byte[initialCapacity];
    }

    byte[] array() {
        return array;
    }

    int length() {
        return length;
    }

    void reset() {
        length = 0;
    }

    /** Forgets the bytes after {@code newLength}. */
    void truncate(int newLength) {
        length = newLength;
    }

    /** Makes room for {@code n} more bytes. */
    void ensure(int n) {
        int needed = length + n;
        if (needed > array.length) {
            if (needed < 0) {
                throw new OutOfMemoryError("buffer over 2 GiB");
            }
            array = Arrays.copyOf(array, Math.max(needed, array.length * 2));
        }
    }

    void append(byte b) {
        ensure(1);
        array[length++] = b;
    }

    void append(byte[] src, int offset, int n) {
        ensure(n);
        System.arraycopy(src, offset, array, length, n);
        length += n;
    }

    /** Appends a code point as UTF-8 (1 to 4 bytes). The caller passes a scalar value (no surrogate). */
    void appendCodePoint(int cp) {
        ensure(4);
        byte[] a = array;
        int p = length;
        if (cp < 0x80) {
            a[p++] = (byte) cp;
        } else if (cp < 0x800) {
            a[p++] = (byte) (0xC0 | cp >> 6);
            a[p++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            a[p++] = (byte) (0xE0 | cp >> 12);
            a[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            a[p++] = (byte) (0x80 | cp & 0x3F);
        } else {
            a[p++] = (byte) (0xF0 | cp >> 18);
            a[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
            a[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            a[p++] = (byte) (0x80 | cp & 0x3F);
        }
        length = p;
    }

    /** Empties the buffer and drops an array that grew past {@link #RETAIN_LIMIT}. */
    void trim() {
        length = 0;
        if (array.length > RETAIN_LIMIT) {
            array = new byte[initialCapacity];
        }
    }
}
