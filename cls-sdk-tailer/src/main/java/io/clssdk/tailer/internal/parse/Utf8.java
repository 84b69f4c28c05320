package io.clssdk.tailer.internal.parse;

/**
 * UTF-8 checks and conversions on byte ranges, without allocation. Invalid input is repaired the way the Unicode
 * standard recommends: each maximal subpart of an ill-formed sequence becomes one U+FFFD.
 */
final class Utf8 {
    private Utf8() {}

    /** Index of the first byte at or above 0x80 in {@code [from, end)}, or {@code end} when the range is ASCII. */
    static int firstNonAscii(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return end;
    }

    /**
     * Looks at the sequence starting at {@code i < end}: its length (1 to 4) when well formed, otherwise minus the
     * length of its maximal ill-formed subpart (at least 1 byte). Rejects overlong forms, surrogates and values above
     * U+10FFFF.
     */
    static int sequence(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return 1;
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        int j = i + 1;
        for (int k = 0; k < need; k++, j++) {
            if (j >= end) {
                return -(j - i);
            }
            int c = b[j] & 0xFF;
            if (c < lo || c > hi) {
                return -(j - i);
            }
            lo = 0x80;
            hi = 0xBF;
        }
        return need + 1;
    }

    /** Index of the first ill-formed sequence in {@code [from, end)}, or {@code end} when the range is valid. */
    static int firstInvalid(byte[] b, int from, int end) {
        int i = from;
        while (i < end) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int s = sequence(b, i, end);
            if (s < 0) {
                return i;
            }
            i += s;
        }
        return end;
    }

    /**
     * End of the range without a trailing sequence that {@code end} cut short (a valid prefix of a longer character,
     * as left by cutting a line at a byte limit); {@code end} when the range does not end that way.
     */
    static int withoutCutTail(byte[] b, int start, int end) {
        for (int k = 1; k <= 3 && end - k >= start; k++) {
            int i = end - k;
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                return end;
            }
            if (c >= 0xC0) {
                int s = sequence(b, i, end);
                return s < 0 && i - s == end ? i : end;
            }
        }
        return end;
    }

    /** Copies {@code [from, end)} to {@code out}, replacing ill-formed sequences by U+FFFD. */
    static void repair(byte[] b, int from, int end, GrowableBytes out) {
        out.ensure(end - from);
        int i = from;
        int copied = from;
        while (i < end) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int s = sequence(b, i, end);
            if (s > 0) {
                i += s;
                continue;
            }
            out.append(b, copied, i - copied);
            out.appendCodePoint(0xFFFD);
            i -= s;
            copied = i;
        }
        out.append(b, copied, end - copied);
    }

    /**
     * The largest index {@code <= limit} (and {@code >= start}) that does not split a character of the valid UTF-8
     * range starting at {@code start}.
     */
    static int boundaryAtOrBefore(byte[] b, int start, int limit) {
        int i = limit;
        while (i > start && (b[i] & 0xC0) == 0x80) {
            i--;
        }
        return i;
    }

    /** Appends UTF-16 text as UTF-8; unpaired surrogates become U+FFFD. */
    static void encode(CharSequence s, int start, int end, GrowableBytes out) {
        out.ensure(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.append((byte) c);
            } else if (!Character.isSurrogate(c)) {
                out.appendCodePoint(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.appendCodePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else {
                out.appendCodePoint(0xFFFD);
            }
        }
    }

    /** Same as {@link #encode(CharSequence, int, int, GrowableBytes)} for a char array. */
    static void encode(char[] s, int start, int end, GrowableBytes out) {
        out.ensure(end - start);
        for (int i = start; i < end; i++) {
            char c = s[i];
            if (c < 0x80) {
                out.append((byte) c);
            } else if (!Character.isSurrogate(c)) {
                out.appendCodePoint(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s[i + 1])) {
                out.appendCodePoint(Character.toCodePoint(c, s[++i]));
            } else {
                out.appendCodePoint(0xFFFD);
            }
        }
    }

    /**
     * Decodes a <em>valid</em> UTF-8 range into {@code dst} (which must hold {@code len} chars: UTF-16 never needs
     * more chars than UTF-8 needs bytes) and returns the number of chars written.
     */
    static int decode(byte[] b, int off, int len, char[] dst) {
        int end = off + len;
        int n = 0;
        int i = off;
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                dst[n++] = (char) c;
                i++;
            } else if ((c & 0xE0) == 0xC0) {
                dst[n++] = (char) ((c & 0x1F) << 6 | b[i + 1] & 0x3F);
                i += 2;
            } else if ((c & 0xF0) == 0xE0) {
                dst[n++] = (char) ((c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F);
                i += 3;
            } else {
                int cp = (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
                dst[n++] = Character.highSurrogate(cp);
                dst[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return n;
    }
}
