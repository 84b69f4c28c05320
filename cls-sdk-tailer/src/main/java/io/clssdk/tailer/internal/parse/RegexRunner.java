package io.clssdk.tailer.internal.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates one compiled pattern against valid UTF-8 byte ranges, reusing its {@link Matcher}. ASCII input is matched
 * through a byte view (no decoding, groups map to byte ranges directly); other input is decoded into a reusable char
 * array and groups are re-encoded. Every evaluation is bounded (see {@link PipelineOptions#regexBaseSteps()}); an
 * evaluation that runs out of budget, or overflows the stack (deeply recursive patterns on long input), is
 * {@linkplain #ABANDONED abandoned}. One instance per pipeline: not thread-safe.
 */
final class RegexRunner {
    static final int NO_MATCH = 0;
    static final int MATCH = 1;
    static final int ABANDONED = 2;

    private static final byte[] EMPTY = new byte[0];
    private static final int INITIAL_CHARS = 256;

    private final Matcher matcher;
    private final RegexInput input = new RegexInput();
    private final long baseSteps;
    private final long stepsPerChar;
    private char[] chars = new char[INITIAL_CHARS];
    private byte[] bytes;
    private int offset;
    private boolean ascii;
    private long abandoned;

    RegexRunner(Pattern pattern, PipelineOptions options) {
        this.matcher = pattern.matcher("");
        this.baseSteps = options.regexBaseSteps();
        this.stepsPerChar = options.regexStepsPerChar();
    }

    /** Whether the pattern matches the whole of {@code len} valid UTF-8 bytes from {@code off}. */
    int matches(byte[] b, int off, int len, boolean isAscii) {
        bytes = b;
        offset = off;
        ascii = isAscii;
        if (isAscii) {
            input.setBytes(b, off, len);
        } else {
            if (chars.length < len) {
                chars = new char[Math.max(len, chars.length * 2)];
            }
            input.setChars(chars, Utf8.decode(b, off, len, chars));
        }
        input.budget(baseSteps + stepsPerChar * input.length());
        matcher.reset(input);
        try {
            return matcher.matches() ? MATCH : NO_MATCH;
        } catch (RegexBudgetExceeded | StackOverflowError e) {
            abandoned++;
            return ABANDONED;
        }
    }

    int groupCount() {
        return matcher.groupCount();
    }

    /**
     * Adds capture group {@code group} of the last successful match as a field; a group that took no part in the
     * match gives an empty value.
     */
    boolean addGroup(ParsedLog log, byte[] key, int group) {
        int start = matcher.start(group);
        if (start < 0) {
            return log.add(key, EMPTY, 0, 0);
        }
        int end = matcher.end(group);
        return ascii ? log.add(key, bytes, offset + start, end - start) : log.add(key, chars, start, end);
    }

    /** Evaluations abandoned so far (budget or stack exhausted). */
    long abandoned() {
        return abandoned;
    }

    /** Drops references to the last input and a char array grown by a huge entry. Call between entries. */
    void release() {
        bytes = null;
        input.release();
        if (chars.length > GrowableBytes.RETAIN_LIMIT) {
            chars = new char[INITIAL_CHARS];
        }
    }
}
