package io.clssdk.tailer.internal.parse;

/**
 * {@code delimiter_log}: splits the entry at every occurrence of {@code Delimiter} (one or more bytes of UTF-8, such
 * as {@code ,}, a tab or {@code :::}); value {@code i} gets {@code Keys[i]}, and a null key drops its value. Values
 * are not trimmed.
 *
 * <p>Quoting follows the CSV convention: a value that <em>starts</em> with {@code "} extends to the next {@code "}
 * that is followed by the delimiter or the end, doubled quotes inside it stand for one quote, and the enclosing quotes
 * are removed ({@code a,"b,""c""",d} → {@code a}, {@code b,"c"}, {@code d}). A quote elsewhere is an ordinary
 * character. An unterminated quoted value is a parse failure. Quoting is off when the delimiter contains {@code "}.
 *
 * <p>The number of values must equal the number of {@code Keys}; more or fewer values are a parse failure (the
 * console defines one key per value of its sample, and a different count means the line has another shape).
 */
final class DelimiterParser implements FieldParser {
    private final byte[] delimiter;
    private final byte[][] keys;
    private final boolean quoting;

    /**
     * @param delimiter the delimiter as UTF-8, non-empty
     * @param keys one key per value; null entries drop their value
     */
    DelimiterParser(byte[] delimiter, byte[][] keys) {
        this.delimiter = delimiter;
        this.keys = keys;
        boolean quote = true;
        for (byte d : delimiter) {
            quote &= d != '"';
        }
        this.quoting = quote;
    }

    @Override
    public boolean parse(byte[] b, int off, int len, boolean ascii, ParsedLog log) {
        int end = off + len;
        int p = off;
        int field = 0;
        while (true) {
            if (field == keys.length) {
                return false; // more values than keys
            }
            int next;
            if (quoting && p < end && b[p] == '"') {
                next = quoted(b, p, end, keys[field], log);
                if (next < 0) {
                    return false;
                }
            } else {
                next = indexOf(b, p, end);
                if (keys[field] != null) {
                    log.add(keys[field], b, p, next - p);
                }
            }
            field++;
            if (next == end) {
                break;
            }
            p = next + delimiter.length;
        }
        return field == keys.length;
    }

    /**
     * Adds the quoted value opening at {@code b[p]} and returns the position just after its closing quote (where a
     * delimiter or the end must follow), or -1 when no such closing quote exists.
     */
    private int quoted(byte[] b, int p, int end, byte[] key, ParsedLog log) {
        boolean doubled = false;
        int i = p + 1;
        while (true) {
            while (i < end && b[i] != '"') {
                i++;
            }
            if (i >= end) {
                return -1;
            }
            if (i + 1 < end && b[i + 1] == '"') {
                doubled = true;
                i += 2;
                continue;
            }
            if (i + 1 == end || startsWithDelimiter(b, i + 1, end)) {
                break;
            }
            return -1; // a lone quote inside a quoted value
        }
        if (key != null) {
            if (!doubled) {
                log.add(key, b, p + 1, i - p - 1);
            } else {
                GrowableBytes out = log.scratch();
                int mark = out.length();
                for (int k = p + 1; k < i; k++) {
                    out.append(b[k]);
                    if (b[k] == '"') {
                        k++;
                    }
                }
                log.addScratch(key, mark);
            }
        }
        return i + 1;
    }

    /** Start of the next delimiter at or after {@code from}, or {@code end}. */
    private int indexOf(byte[] b, int from, int end) {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        if (delimiter.length == 1) {
            for (int i = from; i < end; i++) {
                if (b[i] == first) {
                    return i;
                }
            }
            return end;
        }
        for (int i = from; i <= last; i++) {
            if (b[i] == first && startsWithDelimiter(b, i, end)) {
                return i;
            }
        }
        return end;
    }

    private boolean startsWithDelimiter(byte[] b, int i, int end) {
        if (end - i < delimiter.length) {
            return false;
        }
        for (int k = 0; k < delimiter.length; k++) {
            if (b[i + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }
}
