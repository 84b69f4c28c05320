package io.clssdk.tailer.internal.parse;

import java.util.Arrays;

/**
 * Interns field keys read from log text (JSON keys), so that the same key yields the same {@code byte[]} without an
 * allocation per log. A small open-addressing table; on a crowded probe sequence an entry is replaced, so logs with
 * ever-changing keys cost one small allocation per key and memory stays bounded. Per pipeline: not thread-safe.
 */
final class KeyCache {
    private static final int SIZE = 512;
    private static final int PROBES = 8;
    private static final int MAX_CACHED_LENGTH = 256;

    private final byte[][] table = new byte[SIZE][];

    /** A key with the bytes {@code b[off, off+len)}, renamed if CLS reserves it ({@link ReservedKeys}). */
    byte[] intern(byte[] b, int off, int len) {
        byte[] reserved = ReservedKeys.renamed(b, off, len);
        if (reserved != null) {
            return reserved;
        }
        if (len > MAX_CACHED_LENGTH) {
            return Arrays.copyOfRange(b, off, off + len);
        }
        int h = len;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        int slot = h & (SIZE - 1);
        for (int k = 0; k < PROBES; k++) {
            int i = (slot + k) & (SIZE - 1);
            byte[] e = table[i];
            if (e == null) {
                return table[i] = Arrays.copyOfRange(b, off, off + len);
            }
            if (equal(e, b, off, len)) {
                return e;
            }
        }
        return table[slot] = Arrays.copyOfRange(b, off, off + len);
    }

    private static boolean equal(byte[] e, byte[] b, int off, int len) {
        if (e.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (e[i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }
}
