package io.clssdk.tailer.internal.read;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds {@code \n} bytes eight at a time: each little-endian 64-bit word is XORed with {@code 0x0A} in every byte, and
 * the classic "has a zero byte" test {@code (w - 0x01..01) & ~w & 0x80..80} marks the newlines; the lowest marked byte is
 * exact. One scanner wraps one buffer; not thread-safe.
 */
public final class LineScanner {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final byte[] buf;
    private final ByteBuffer words;

    public LineScanner(byte[] buf) {
        this.buf = buf;
        this.words = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    }

    public byte[] buffer() {
        return buf;
    }

    /** The index of the first {@code \n} in {@code [from, to)}, or -1. */
    public int indexOf(int from, int to) {
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long w = words.getLong(i) ^ NEWLINES;
            long found = (w - ONES) & ~w & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The same as {@link #indexOf} with a byte-at-a-time loop; kept as the reference for tests and benchmarks. */
    public int indexOfScalar(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
