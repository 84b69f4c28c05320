package io.clssdk.tailer.internal.parse;

/**
 * A reusable {@link CharSequence} over either ASCII bytes (viewed as Latin-1, no decoding) or a char array, that
 * counts {@link #charAt(int)} calls and throws {@link RegexBudgetExceeded} once a budget is used up. This bounds every
 * evaluation of {@code java.util.regex}, whose backtracking is otherwise exponential on patterns such as
 * {@code (a+)+$}.
 */
final class RegexInput implements CharSequence {
    private byte[] bytes;
    private char[] chars;
    private int offset;
    private int length;
    private long remaining;

    /** Views {@code len} ASCII bytes from {@code off}. */
    void setBytes(byte[] b, int off, int len) {
        bytes = b;
        chars = null;
        offset = off;
        length = len;
    }

    /** Views the first {@code len} chars of {@code c}. */
    void setChars(char[] c, int len) {
        chars = c;
        bytes = null;
        offset = 0;
        length = len;
    }

    /** Allows {@code steps} more {@code charAt} calls. */
    void budget(long steps) {
        remaining = steps;
    }

    /** Drops the references to the viewed arrays. */
    void release() {
        bytes = null;
        chars = null;
        length = 0;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw RegexBudgetExceeded.INSTANCE;
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length);
        }
        return bytes != null ? (char) (bytes[offset + index] & 0xFF) : chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        if (bytes != null) {
            char[] c = new char[length];
            for (int i = 0; i < length; i++) {
                c[i] = (char) (bytes[offset + i] & 0xFF);
            }
            return new String(c);
        }
        return chars == null ? "" : new String(chars, 0, length);
    }
}
