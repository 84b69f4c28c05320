package io.clssdk.tailer.internal.parse;

import java.util.regex.Pattern;

/**
 * {@code fullregex_log} and {@code multiline_fullregex_log}: {@code LogRegex} must match the <em>whole</em> entry;
 * capture group {@code i} becomes field {@code Keys[i-1]} (a null key drops the group; a group that took no part in
 * the match gives an empty value). No match, or an evaluation abandoned for exceeding its budget, is a parse failure.
 */
final class RegexParser implements FieldParser {
    private final RegexRunner runner;
    private final byte[][] keys;

    RegexParser(Pattern pattern, byte[][] keys, PipelineOptions options) {
        this.runner = new RegexRunner(pattern, options);
        this.keys = keys;
    }

    @Override
    public boolean parse(byte[] b, int off, int len, boolean ascii, ParsedLog log) {
        if (runner.matches(b, off, len, ascii) != RegexRunner.MATCH) {
            return false;
        }
        for (int g = 1; g <= keys.length; g++) {
            if (keys[g - 1] != null) {
                runner.addGroup(log, keys[g - 1], g);
            }
        }
        return true;
    }

    RegexRunner runner() {
        return runner;
    }
}
