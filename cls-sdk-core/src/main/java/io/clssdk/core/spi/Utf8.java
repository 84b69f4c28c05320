package io.clssdk.core.spi;

/**
 * UTF-8 encoding straight into a byte array, without the intermediate {@code byte[]} that
 * {@link String#getBytes(java.nio.charset.Charset)} allocates.
 *
 * <p>An unpaired surrogate becomes {@code '?'}, exactly as {@code String.getBytes(UTF_8)} (and therefore protobuf-java,
 * which falls back to it) encodes it, so our bytes match the generated classes for every Java string. Those
 * replacements are counted in the {@link WireBuffer} passed as {@code tally}; the count is kept only on the branch that
 * meets the surrogate, so text without one pays nothing for it.
 */
public final class Utf8 {
    private Utf8() {}

    /**
     * Encodes {@code s} at {@code pos}; {@code dst} must have room for {@code 3 * s.length()} bytes from {@code pos}.
     *
     * @return the position after the last byte written
     */
    public static int encode(String s, byte[] dst, int pos) {
        return encode(s, dst, pos, null);
    }

    /**
     * Like {@link #encode(String, byte[], int)}, and adds every unpaired surrogate it replaces with {@code '?'} to
     * {@code tally}'s {@link WireBuffer#unpairedSurrogates() count} (when {@code tally} is not null).
     *
     * @return the position after the last byte written
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly the ASCII copy we want
    public static int encode(String s, byte[] dst, int pos, WireBuffer tally) {
        int n = s.length();
        // ASCII fast path: copy the low byte of every char (an array copy for JDK 9+ compact strings), then prove
        // every char was below 0x80 with an OR over all of them (a loop the JIT vectorises). Both together cost about
        // half of a per-char encode loop. Any wider char sends the string down the general path, which overwrites.
        s.getBytes(0, n, dst, pos);
        int bits = 0;
        for (int j = 0; j < n; j++) {
            bits |= s.charAt(j);
        }
        if (bits < 0x80) {
            return pos + n;
        }
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            pos++;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst[pos++] = (byte) c;
            } else if (c < 0x800) {
                dst[pos++] = (byte) (0xC0 | (c >>> 6));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                dst[pos++] = (byte) (0xE0 | (c >>> 12));
                dst[pos++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[pos++] = (byte) (0xF0 | (cp >>> 18));
                dst[pos++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
                dst[pos++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
                dst[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                dst[pos++] = '?';
                if (tally != null) {
                    tally.unpairedSurrogates++;
                }
            }
        }
        return pos;
    }

    /** The number of unpaired surrogates in {@code s}: the chars {@link #encode} replaces with {@code '?'}. */
    public static int unpairedSurrogates(String s) {
        int n = s.length();
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else {
                count++;
            }
        }
        return count;
    }

    /** The number of bytes {@link #encode} writes for {@code s}. */
    public static long encodedLength(String s) {
        int n = s.length();
        long len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                len += 1;
            } else if (!Character.isSurrogate(c)) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 2; // two chars become four bytes
                i++;
            }
            // an unpaired surrogate is one char and one byte ('?')
        }
        return len;
    }

    /**
     * Returns the length of the longest prefix of {@code src[off, off + len)} that is well-formed UTF-8 (RFC 3629:
     * no overlong forms, no surrogates, nothing above U+10FFFF). Equal to {@code len} when all of it is valid.
     */
    public static int validPrefix(byte[] src, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            // ASCII runs, eight bytes at a time
            while (i + 8 <= end && (readLong(src, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int b = src[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int need = sequenceLength(src, i, end);
            if (need == 0) {
                return i - off;
            }
            i += need;
        }
        return len;
    }

    /** Length of the valid multi-byte sequence starting at {@code i}, or 0 when it is malformed or truncated. */
    private static int sequenceLength(byte[] s, int i, int end) {
        int b0 = s[i] & 0xFF;
        if (b0 < 0xC2) {
            return 0; // continuation byte or overlong 2-byte lead
        }
        if (b0 < 0xE0) {
            return i + 1 < end && isContinuation(s[i + 1]) ? 2 : 0;
        }
        if (b0 < 0xF0) {
            if (i + 2 >= end) {
                return 0;
            }
            int b1 = s[i + 1] & 0xFF;
            if (!isContinuation(s[i + 1]) || !isContinuation(s[i + 2])) {
                return 0;
            }
            if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 >= 0xA0)) {
                return 0; // overlong, or a UTF-16 surrogate
            }
            return 3;
        }
        if (b0 < 0xF5) {
            if (i + 3 >= end) {
                return 0;
            }
            int b1 = s[i + 1] & 0xFF;
            if (!isContinuation(s[i + 1]) || !isContinuation(s[i + 2]) || !isContinuation(s[i + 3])) {
                return 0;
            }
            if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90)) {
                return 0; // overlong, or above U+10FFFF
            }
            return 4;
        }
        return 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static long readLong(byte[] b, int i) {
        return (b[i] & 0xFFL)
                | (b[i + 1] & 0xFFL) << 8
                | (b[i + 2] & 0xFFL) << 16
                | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32
                | (b[i + 5] & 0xFFL) << 40
                | (b[i + 6] & 0xFFL) << 48
                | (b[i + 7] & 0xFFL) << 56;
    }
}
