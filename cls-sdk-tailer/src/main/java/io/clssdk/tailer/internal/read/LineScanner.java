package io.clssdk.tailer.internal.read;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds {@code \n} bytes sixteen at a time on long runs (then eight, then one): each little-endian 64-bit word is
 * XORed with {@code 0x0A} in every byte, and the classic "has a zero byte" test {@code (w - 0x01..01) & ~w & 0x80..80}
 * marks the newlines; the lowest marked byte is exact. On the way it ORs the words it loads, so {@link #asciiBefore()}
 * tells whether the bytes it passed were all 7-bit ASCII: the parser then skips its own UTF-8 scan of the line. One
 * scanner wraps one buffer; not thread-safe.
 */
public final class LineScanner {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final byte[] buf;
    private final ByteBuffer words;
    private long highBits;

    public LineScanner(byte[] buf) {
        this.buf = buf;
        this.words = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    }

    public byte[] buffer() {
        return buf;
    }

    /** The index of the first {@code \n} in {@code [from, to)}, or -1. */
    public int indexOf(int from, int to) {
        long seen = 0;
        int i = from;
        // Two words a step; the pair that holds a newline is resolved where it was found, without loading it again.
        for (int last = to - 16; i <= last; i += 16) {
            long a = words.getLong(i);
            long b = words.getLong(i + 8);
            long wa = a ^ NEWLINES;
            long wb = b ^ NEWLINES;
            long foundA = (wa - ONES) & ~wa & HIGHS;
            long foundB = (wb - ONES) & ~wb & HIGHS;
            if ((foundA | foundB) != 0) {
                return foundA != 0 ? found(i, a, foundA, seen) : found(i + 8, b, foundB, seen | a);
            }
            seen |= a | b;
        }
        for (int last = to - 8; i <= last; i += 8) {
            long raw = words.getLong(i);
            long w = raw ^ NEWLINES;
            long found = (w - ONES) & ~w & HIGHS;
            if (found != 0) {
                return found(i, raw, found, seen);
            }
            seen |= raw;
        }
        for (; i < to; i++) {
            byte b = buf[i];
            if (b == '\n') {
                highBits = seen & HIGHS;
                return i;
            }
            seen |= b & 0x80;
        }
        highBits = seen & HIGHS;
        return -1;
    }

    /**
     * The newline marked lowest in {@code found} (the test's lowest mark is exact; marks above it may be borrows) of
     * the word {@code raw} loaded at {@code i}; records the high bits of the bytes before it.
     */
    private int found(int i, long raw, long found, long seen) {
        int before = Long.numberOfTrailingZeros(found) >>> 3; // bytes of this word before the newline
        highBits = (seen | (raw & ~(-1L << (before << 3)))) & HIGHS;
        return i + before;
    }

    /**
     * Whether every byte the last {@link #indexOf} call passed over — from {@code from} up to the newline it found,
     * or up to {@code to} when it found none — is below 0x80.
     */
    public boolean asciiBefore() {
        return highBits == 0;
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
