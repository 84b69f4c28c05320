package io.clssdk.tailer.internal.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Turns one raw line into valid UTF-8. The common cases cost one scan and no copy: ASCII lines (in either encoding)
 * and valid UTF-8 lines are passed through as the caller's range. Only lines with ill-formed UTF-8 are copied (each
 * ill-formed subpart replaced by U+FFFD), and GBK lines with non-ASCII bytes are decoded then re-encoded; GBK bytes
 * that do not decode become U+FFFD. Nothing here throws on bad input.
 *
 * <p>For a line the tailer cut at its size limit, a character split by the cut is dropped rather than replaced.
 *
 * <p>The result ({@link #array()}, {@link #offset()}, {@link #length()}) is valid until the next call. Not
 * thread-safe.
 */
final class LineDecoder {
    private final CharsetDecoder gbk;
    private final GrowableBytes out = new GrowableBytes(1024);
    private final AsciiScan scan = new AsciiScan();
    private CharBuffer chars;
    private ByteBuffer wrapped;
    private byte[] array;
    private int offset;
    private int length;
    private boolean ascii;

    /** A decoder for UTF-8 input, or for GBK input when {@code gbkCharset} is not null. */
    LineDecoder(Charset gbkCharset) {
        gbk = gbkCharset == null
                ? null
                : gbkCharset
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    void decode(byte[] buf, int start, int end, boolean truncated) {
        int firstHigh = scan.firstNonAscii(buf, start, end);
        if (firstHigh == end) {
            ascii(buf, start, end);
        } else if (gbk != null) {
            decodeGbk(buf, start, end, truncated);
        } else {
            if (truncated) {
                end = Utf8.withoutCutTail(buf, start, end);
            }
            int bad = Utf8.firstInvalid(buf, firstHigh, end);
            if (bad == end) {
                set(buf, start, end - start, firstHigh >= end);
            } else {
                out.reset();
                out.append(buf, start, bad - start);
                Utf8.repair(buf, bad, end, out);
                set(out.array(), 0, out.length(), false);
            }
        }
    }

    /** Takes a line the caller knows to be ASCII (valid UTF-8 and GBK alike) as it is. */
    void ascii(byte[] buf, int start, int end) {
        set(buf, start, end - start, true);
    }

    private void decodeGbk(byte[] buf, int start, int end, boolean truncated) {
        int n = end - start;
        if (chars == null || chars.capacity() < n) {
            chars = CharBuffer.allocate(Math.max(n, chars == null ? 256 : chars.capacity() * 2));
        }
        if (wrapped == null || wrapped.array() != buf) {
            wrapped = ByteBuffer.wrap(buf);
        }
        wrapped.limit(end).position(start);
        chars.clear();
        gbk.reset();
        // A cut line: leave a lead byte without its trail byte undecoded instead of replacing it.
        gbk.decode(wrapped, chars, !truncated);
        if (!truncated) {
            gbk.flush(chars);
        }
        out.reset();
        Utf8.encode(chars.array(), 0, chars.position(), out);
        set(out.array(), 0, out.length(), false);
    }

    private void set(byte[] a, int off, int len, boolean isAscii) {
        array = a;
        offset = off;
        length = len;
        ascii = isAscii;
    }

    byte[] array() {
        return array;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** Whether the decoded line is pure ASCII. */
    boolean ascii() {
        return ascii;
    }

    /** Drops the reference to the caller's buffer and buffers grown by a huge line. Call between lines. */
    void release() {
        array = null;
        out.trim();
        if (chars != null && chars.capacity() > GrowableBytes.RETAIN_LIMIT) {
            chars = null;
        }
    }
}
