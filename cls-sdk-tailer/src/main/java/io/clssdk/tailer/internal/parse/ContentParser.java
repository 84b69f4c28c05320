package io.clssdk.tailer.internal.parse;

import java.nio.charset.StandardCharsets;

/**
 * {@code minimalist_log} and {@code multiline_log}: the whole entry is the value of {@code __CONTENT__}, without a
 * copy. Never fails.
 */
final class ContentParser implements FieldParser {
    /** The key of full-text modes. */
    static final byte[] CONTENT = "__CONTENT__".getBytes(StandardCharsets.UTF_8);

    @Override
    public boolean parse(byte[] b, int off, int len, boolean ascii, ParsedLog log) {
        log.add(CONTENT, b, off, len);
        return true;
    }
}
