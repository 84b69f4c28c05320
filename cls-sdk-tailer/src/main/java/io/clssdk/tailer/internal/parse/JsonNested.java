package io.clssdk.tailer.internal.parse;

import java.util.Arrays;

/**
 * Validates a nested JSON object or array and gives its compact text (whitespace outside strings removed; strings,
 * numbers and escapes kept exactly as written). Iterative with an explicit stack, so nesting depth is limited only by
 * the entry size: 10,000 levels neither recurse nor overflow. Per pipeline: not thread-safe.
 */
final class JsonNested {
    private static final int OPEN = 0;
    private static final int KEY = 1;
    private static final int VALUE = 2;
    private static final int AFTER_VALUE = 3;

    private byte[] stack = new byte[32];
    private boolean sawSpace;

    /**
     * Scans the container opening at {@code b[p]} ({@code {} or {@code [}) and returns the position after its closing
     * bracket, or -1 when it is malformed or not closed before {@code end}.
     */
    int scan(byte[] b, int p, int end, boolean strict) {
        int depth = 0;
        sawSpace = false;
        stack[depth++] = b[p++];
        int state = OPEN;
        while (true) {
            int q = p;
            while (q < end && JsonScalars.isSpace(b[q])) {
                q++;
            }
            sawSpace |= q != p;
            p = q;
            if (p >= end) {
                return -1;
            }
            byte c = b[p];
            byte closer = stack[depth - 1] == '{' ? (byte) '}' : (byte) ']';
            if ((state == OPEN || state == AFTER_VALUE) && c == closer) {
                p++;
                if (--depth == 0) {
                    return p;
                }
                state = AFTER_VALUE;
            } else if (state == OPEN) {
                state = closer == '}' ? KEY : VALUE;
            } else if (state == KEY) {
                if (c != '"') {
                    return -1;
                }
                long r = JsonScalars.string(b, p, end, strict);
                if (r < 0) {
                    return -1;
                }
                p = (int) r + 1;
                while (p < end && JsonScalars.isSpace(b[p])) {
                    p++;
                    sawSpace = true;
                }
                if (p >= end || b[p] != ':') {
                    return -1;
                }
                p++;
                state = VALUE;
            } else if (state == VALUE) {
                if (c == '{' || c == '[') {
                    if (depth == stack.length) {
                        stack = Arrays.copyOf(stack, depth * 2);
                    }
                    stack[depth++] = c;
                    p++;
                    state = OPEN;
                } else {
                    p = JsonScalars.scalar(b, p, end, strict);
                    if (p < 0) {
                        return -1;
                    }
                    state = AFTER_VALUE;
                }
            } else if (c == ',') {
                p++;
                state = closer == '}' ? KEY : VALUE;
            } else {
                return -1;
            }
        }
    }

    /** Whether the last {@link #scan} met whitespace outside strings (so the text is not compact as written). */
    boolean sawSpace() {
        return sawSpace;
    }

    /** Appends {@code b[from, to)} without the whitespace outside strings. */
    static void compact(byte[] b, int from, int to, GrowableBytes out) {
        out.ensure(to - from);
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(b[++i]);
                } else if (c == '"') {
                    inString = false;
                }
            } else if (!JsonScalars.isSpace(c)) {
                out.append(c);
                inString = c == '"';
            }
        }
    }

    /** Drops a stack grown by a deeply nested entry. */
    void release() {
        if (stack.length > 1024) {
            stack = new byte[32];
        }
    }
}
