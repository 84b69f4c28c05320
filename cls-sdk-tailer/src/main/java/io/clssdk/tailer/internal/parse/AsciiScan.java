package io.clssdk.tailer.internal.parse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds the first non-ASCII byte eight bytes at a time. Lines arrive as ranges of the reader's one reusable buffer, so
 * the little-endian view of the last array seen is kept and reused; {@link ByteBuffer#getLong(int)} on a heap buffer
 * compiles to a single load on current JVMs. Not thread-safe (one per pipeline).
 */
final class AsciiScan {
    private static final long HIGH_BITS = 0x8080808080808080L;

    private byte[] viewed;
    private ByteBuffer words;

    /** Index of the first byte at or above 0x80 in {@code [from, end)}, or {@code end} when the range is ASCII. */
    int firstNonAscii(byte[] b, int from, int end) {
        if (b != viewed) {
            viewed = b;
            words = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        }
        int i = from;
        for (int last = end - 8; i <= last; i += 8) {
            long high = words.getLong(i) & HIGH_BITS;
            if (high != 0) {
                return i + (Long.numberOfTrailingZeros(high) >>> 3);
            }
        }
        return Utf8.firstNonAscii(b, i, end);
    }
}
