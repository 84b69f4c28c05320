package io.clssdk.tailer.internal.parse;

/**
 * Scanners for JSON strings, numbers and literals over UTF-8 bytes, plus string unescaping. Each scanner takes the
 * position of the token's first byte and returns the position after it, or -1 when the token is malformed.
 *
 * <p>Strict mode follows RFC 8259. Lenient mode (the CLS parser, {@code JsonStandard=0}) also accepts raw control
 * characters inside strings, unknown escapes (kept verbatim, backslash included) and any run of {@code [-+.0-9eE]}
 * holding a digit as a number (kept as written).
 */
final class JsonScalars {
    private JsonScalars() {}

    /** Bit set in {@link #string}'s result when the string contains an escape. */
    static final long HAS_ESCAPE = 1L << 32;

    /**
     * Scans the string whose opening quote is at {@code p}. Returns the index of the closing quote, with
     * {@link #HAS_ESCAPE} or-ed in when the string contains a backslash, or -1.
     */
    static long string(byte[] b, int p, int end, boolean strict) {
        long escape = 0;
        for (int i = p + 1; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i | escape;
            }
            if (c == '\\') {
                escape = HAS_ESCAPE;
                if (++i >= end) {
                    return -1;
                }
                if (strict && !validEscape(b, i, end)) {
                    return -1;
                }
            } else if (strict && c >= 0 && c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean validEscape(byte[] b, int i, int end) {
        switch (b[i]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                return true;
            case 'u':
                return hex4(b, i + 1, end) >= 0;
            default:
                return false;
        }
    }

    /** Scans a number starting at {@code p}. */
    static int number(byte[] b, int p, int end, boolean strict) {
        if (!strict) {
            int i = p;
            boolean digit = false;
            while (i < end) {
                byte c = b[i];
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
                    break;
                }
                i++;
            }
            return digit ? i : -1;
        }
        int i = p;
        if (i < end && b[i] == '-') {
            i++;
        }
        if (i >= end || !isDigit(b[i])) {
            return -1;
        }
        if (b[i] == '0') {
            i++;
        } else {
            i = digits(b, i, end);
        }
        if (i < end && b[i] == '.') {
            int f = digits(b, i + 1, end);
            if (f == i + 1) {
                return -1;
            }
            i = f;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int e = digits(b, i, end);
            if (e == i) {
                return -1;
            }
            i = e;
        }
        return i;
    }

    /** Scans {@code true}, {@code false} or {@code null} starting at {@code p}. */
    static int literal(byte[] b, int p, int end) {
        switch (b[p]) {
            case 't':
                return matches(b, p, end, "true") ? p + 4 : -1;
            case 'f':
                return matches(b, p, end, "false") ? p + 5 : -1;
            case 'n':
                return matches(b, p, end, "null") ? p + 4 : -1;
            default:
                return -1;
        }
    }

    /** Scans any scalar (string, number or literal) starting at {@code p}. */
    static int scalar(byte[] b, int p, int end, boolean strict) {
        byte c = b[p];
        if (c == '"') {
            long r = string(b, p, end, strict);
            return r < 0 ? -1 : (int) r + 1;
        }
        if (c == '-' || isDigit(c) || (!strict && (c == '+' || c == '.'))) {
            return number(b, p, end, strict);
        }
        return literal(b, p, end);
    }

    /**
     * Appends the unescaped content of a string body {@code b[from, to)} (between the quotes) to {@code out}. Escaped
     * surrogate pairs become one character; an unpaired escaped surrogate becomes U+FFFD. In lenient mode a malformed
     * escape is copied verbatim; strict input was validated by {@link #string}.
     */
    static void unescape(byte[] b, int from, int to, GrowableBytes out) {
        int copied = from;
        int i = from;
        while (i < to) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            out.append(b, copied, i - copied);
            i = escape(b, i, to, out);
            copied = i;
        }
        out.append(b, copied, to - copied);
    }

    /** Appends the escape at {@code b[i] == '\\'} and returns the position after it. */
    private static int escape(byte[] b, int i, int to, GrowableBytes out) {
        byte c = b[i + 1];
        switch (c) {
            case '"':
            case '\\':
            case '/':
                out.append(c);
                return i + 2;
            case 'b':
                out.append((byte) '\b');
                return i + 2;
            case 'f':
                out.append((byte) '\f');
                return i + 2;
            case 'n':
                out.append((byte) '\n');
                return i + 2;
            case 'r':
                out.append((byte) '\r');
                return i + 2;
            case 't':
                out.append((byte) '\t');
                return i + 2;
            case 'u':
                int u = hex4(b, i + 2, to);
                if (u >= 0) {
                    return unicode(b, i + 6, to, u, out);
                }
            // fall through: malformed, copy verbatim
            default:
                out.append(b, i, 2);
                return i + 2;
        }
    }

    private static int unicode(byte[] b, int next, int to, int u, GrowableBytes out) {
        if (Character.isHighSurrogate((char) u) && next + 1 < to && b[next] == '\\' && b[next + 1] == 'u') {
            int low = hex4(b, next + 2, to);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                out.appendCodePoint(Character.toCodePoint((char) u, (char) low));
                return next + 6;
            }
        }
        out.appendCodePoint(Character.isSurrogate((char) u) ? 0xFFFD : u);
        return next;
    }

    /** The value of four hex digits at {@code i}, or -1. */
    private static int hex4(byte[] b, int i, int end) {
        if (end - i < 4) {
            return -1;
        }
        int v = 0;
        for (int k = i; k < i + 4; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static int digits(byte[] b, int i, int end) {
        while (i < end && isDigit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean matches(byte[] b, int p, int end, String word) {
        if (end - p < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[p + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
