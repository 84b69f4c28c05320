package io.clssdk.tailer.internal.parse;

/**
 * {@code json_log}: the entry must be a JSON object; each first-level member becomes a field, in order.
 *
 * <ul>
 *   <li>String values are unescaped; numbers, {@code true}, {@code false} and {@code null} keep their text as
 *       written; nested objects and arrays become their compact JSON text.
 *   <li>Values without escapes (and nested values already compact) point into the entry: no copy.
 *   <li>A member with an empty key is dropped (CLS keys must not be empty); duplicate keys are kept, in order.
 *   <li>Anything other than an object (array, scalar, malformed text) is a parse failure. A UTF-8 byte order mark
 *       before the object is ignored.
 * </ul>
 *
 * <p>{@code JsonStandard=1} parses strictly (RFC 8259: nothing but whitespace after the object, no raw control
 * characters in strings, only the defined escapes, the exact number grammar). {@code JsonStandard=0} or absent (the CLS
 * parser) is lenient: text after the closing brace and a trailing comma before it are ignored, raw control characters
 * are accepted, malformed escapes are kept verbatim and numbers are any run of {@code [-+.0-9eE]} holding a digit.
 */
final class JsonParser implements FieldParser {
    private static final byte[] DROPPED_KEY = new byte[0];

    private final boolean strict;
    private final KeyCache keys = new KeyCache();
    private final GrowableBytes keyScratch = new GrowableBytes(64);
    private final JsonNested nested = new JsonNested();
    private byte[] b;
    private int p;
    private int end;

    JsonParser(boolean strict) {
        this.strict = strict;
    }

    @Override
    public boolean parse(byte[] buf, int off, int len, boolean ascii, ParsedLog log) {
        b = buf;
        p = off;
        end = off + len;
        try {
            return object(log);
        } finally {
            b = null;
            nested.release();
        }
    }

    private boolean object(ParsedLog log) {
        if (end - p >= 3 && b[p] == (byte) 0xEF && b[p + 1] == (byte) 0xBB && b[p + 2] == (byte) 0xBF) {
            p += 3; // a byte order mark, as at the start of a file written by some Windows tools
        }
        skipSpace();
        if (p >= end || b[p] != '{') {
            return false;
        }
        p++;
        skipSpace();
        if (p < end && b[p] == '}') {
            p++;
            return rest();
        }
        while (true) {
            skipSpace();
            if (p >= end) {
                return false;
            }
            if (b[p] == '}' && !strict) {
                p++; // trailing comma
                return rest();
            }
            byte[] key = key();
            if (key == null) {
                return false;
            }
            skipSpace();
            if (p >= end || b[p] != ':') {
                return false;
            }
            p++;
            skipSpace();
            if (p >= end || !value(key, log)) {
                return false;
            }
            skipSpace();
            if (p >= end) {
                return false;
            }
            byte c = b[p++];
            if (c == '}') {
                return rest();
            }
            if (c != ',') {
                return false;
            }
        }
    }

    /** After the closing brace: only whitespace in strict mode, anything in lenient mode. */
    private boolean rest() {
        if (!strict) {
            return true;
        }
        skipSpace();
        return p == end;
    }

    private byte[] key() {
        if (b[p] != '"') {
            return null;
        }
        long r = JsonScalars.string(b, p, end, strict);
        if (r < 0) {
            return null;
        }
        int close = (int) r;
        int start = p + 1;
        p = close + 1;
        if (close == start) {
            return DROPPED_KEY;
        }
        if ((r & JsonScalars.HAS_ESCAPE) == 0) {
            return keys.intern(b, start, close - start);
        }
        keyScratch.reset();
        JsonScalars.unescape(b, start, close, keyScratch);
        return keys.intern(keyScratch.array(), 0, keyScratch.length());
    }

    private boolean value(byte[] key, ParsedLog log) {
        byte c = b[p];
        if (c == '"') {
            long r = JsonScalars.string(b, p, end, strict);
            if (r < 0) {
                return false;
            }
            int start = p + 1;
            int close = (int) r;
            p = close + 1;
            if (key == DROPPED_KEY) {
                return true;
            }
            if ((r & JsonScalars.HAS_ESCAPE) == 0) {
                log.add(key, b, start, close - start);
            } else {
                int mark = log.scratch().length();
                JsonScalars.unescape(b, start, close, log.scratch());
                log.addScratch(key, mark);
            }
            return true;
        }
        int start = p;
        if (c == '{' || c == '[') {
            p = nested.scan(b, p, end, strict);
            if (p < 0) {
                return false;
            }
            if (key != DROPPED_KEY) {
                if (nested.sawSpace()) {
                    int mark = log.scratch().length();
                    JsonNested.compact(b, start, p, log.scratch());
                    log.addScratch(key, mark);
                } else {
                    log.add(key, b, start, p - start);
                }
            }
            return true;
        }
        p = JsonScalars.scalar(b, p, end, strict);
        if (p < 0) {
            return false;
        }
        if (key != DROPPED_KEY) {
            log.add(key, b, start, p - start);
        }
        return true;
    }

    private void skipSpace() {
        while (p < end && JsonScalars.isSpace(b[p])) {
            p++;
        }
    }
}
