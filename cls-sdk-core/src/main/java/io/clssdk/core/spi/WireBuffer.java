package io.clssdk.core.spi;

import java.util.Arrays;

/**
 * A growable byte array with the protobuf writes the encoders need. Not thread-safe.
 *
 * <p>Length-delimited fields are written without knowing their length first: the encoder reserves the number of
 * varint bytes its estimate needs, writes the content, then {@link #patchLength patches} the real length in, moving
 * the content only in the rare case the estimate had a different varint size.
 *
 * <p>It also counts the unpaired surrogates that string writes into it replaced with {@code '?'} (see {@link Utf8}),
 * so an encoder's caller learns of them without a second pass over the text.
 */
public final class WireBuffer {
    /** Strings longer than this are measured before encoding instead of reserving 3 bytes per char. */
    private static final int MEASURE_ABOVE_CHARS = 16 * 1024;

    private byte[] buf;
    private int pos;
    /** Incremented by {@link Utf8#encode(String, byte[], int, WireBuffer)}; cleared by {@link #reset()}. */
    int unpairedSurrogates;

    public WireBuffer(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; valid up to {@link #position()}. May change when the buffer grows. */
    public byte[] array() {
        return buf;
    }

    public int position() {
        return pos;
    }

    /** Moves the write position (for rolling back a partly written entry). */
    public void position(int position) {
        if (position < 0 || position > buf.length) {
            throw new IndexOutOfBoundsException("position " + position + " outside [0, " + buf.length + "]");
        }
        this.pos = position;
    }

    /** Empties the buffer and clears the {@link #unpairedSurrogates()} count. */
    public void reset() {
        pos = 0;
        unpairedSurrogates = 0;
    }

    /**
     * How many unpaired UTF-16 surrogates the string writes since creation or the last {@link #reset()} replaced with
     * {@code '?'} (as protobuf-java does), including writes rolled back with {@link #position(int)}.
     */
    public int unpairedSurrogates() {
        return unpairedSurrogates;
    }

    /** The current capacity. */
    public int capacity() {
        return buf.length;
    }

    /** Makes room for {@code extra} more bytes. */
    public void ensure(int extra) {
        long needed = (long) pos + extra;
        if (needed > buf.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("encoded data would exceed 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, 2L * buf.length)));
        }
    }

    /** Replaces the backing array with a smaller one when it grew beyond {@code maxRetained} (for long-lived scratch). */
    public void trimTo(int maxRetained) {
        if (buf.length > maxRetained) {
            buf = new byte[maxRetained];
            pos = 0;
        }
    }

    /** Advances the position by {@code n} bytes, to be filled in later. */
    public void skip(int n) {
        ensure(n);
        pos += n;
    }

    public void writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    public void writeVarint32(int value) {
        ensure(5);
        pos = Varint.write32(buf, pos, value);
    }

    public void writeVarint64(long value) {
        ensure(10);
        pos = Varint.write64(buf, pos, value);
    }

    public void writeBytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, pos, len);
        pos += len;
    }

    /**
     * Writes {@code s} as a length-prefixed UTF-8 string (no tag).
     *
     * @return the number of UTF-8 bytes (without the length prefix)
     */
    public int writeString(String s) {
        int n = s.length();
        if (n > MEASURE_ABOVE_CHARS) {
            long exact = Utf8.encodedLength(s);
            if (exact > Integer.MAX_VALUE - 32) {
                throw new IllegalStateException("string of " + exact + " UTF-8 bytes is too large to encode");
            }
            int len = (int) exact;
            ensure(5 + len);
            pos = Varint.write32(buf, pos, len);
            pos = Utf8.encode(s, buf, pos, this);
            return len;
        }
        ensure(5 + 3 * n);
        int reserved = Varint.size32(n); // exact when s is ASCII, the common case
        int start = pos + reserved;
        int end = Utf8.encode(s, buf, start, this);
        int len = end - start;
        int needed = Varint.size32(len);
        if (needed != reserved) {
            System.arraycopy(buf, start, buf, pos + needed, len);
        }
        pos = Varint.write32(buf, pos, len) + len;
        return len;
    }

    /**
     * Completes a length-delimited field whose content starts at {@code contentStart} and ends at the current position:
     * writes the content length into the {@code reserved} bytes at {@code lengthPos}, moving the content if the length
     * needs a different number of varint bytes.
     */
    public void patchLength(int lengthPos, int reserved, int contentStart) {
        int len = pos - contentStart;
        int needed = Varint.size32(len);
        if (needed != reserved) {
            if (needed > reserved) {
                ensure(needed - reserved);
            }
            System.arraycopy(buf, contentStart, buf, lengthPos + needed, len);
            pos += needed - reserved;
        }
        Varint.write32(buf, lengthPos, len);
    }

    /** A copy of the written bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
