package io.clssdk.core.spi;

import java.util.Map;

/**
 * The metadata fields of a {@code LogGroup}, which follow its logs on the wire: contextFlow (2), filename (3),
 * source (4), logTags (5), hostname (6). Everything but the context flow is encoded once, here, because it is the same
 * for every group a producer or a tailed file sends. A null field is omitted; an empty string is sent as empty.
 * Immutable.
 */
public final class GroupTrailer {
    private static final int TAG_CONTEXT_FLOW = 0x12;
    private static final int TAG_FILENAME = 0x1a;
    private static final int TAG_SOURCE = 0x22;
    private static final int TAG_LOG_TAGS = 0x2a;
    private static final int TAG_HOSTNAME = 0x32;
    private static final int TAG_TAG_KEY = 0x0a;
    private static final int TAG_TAG_VALUE = 0x12;

    /** A trailer without any metadata. */
    public static final GroupTrailer EMPTY = new GroupTrailer(new byte[0], 0);

    private final byte[] fixed;
    /** Unpaired surrogates replaced with '?' in the fixed metadata; added to the count of each buffer it goes into. */
    private final int unpairedSurrogates;

    private GroupTrailer(byte[] fixed, int unpairedSurrogates) {
        this.fixed = fixed;
        this.unpairedSurrogates = unpairedSurrogates;
    }

    /** Encodes the fixed metadata; any argument may be null (tags may be empty). */
    public static GroupTrailer of(String filename, String source, Map<String, String> tags, String hostname) {
        WireBuffer out = new WireBuffer(64);
        writeOptional(out, TAG_FILENAME, filename);
        writeOptional(out, TAG_SOURCE, source);
        if (tags != null) {
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                out.writeByte(TAG_LOG_TAGS);
                int lengthPos = out.position();
                out.skip(1);
                int start = out.position();
                out.writeByte(TAG_TAG_KEY);
                out.writeString(tag.getKey());
                out.writeByte(TAG_TAG_VALUE);
                out.writeString(tag.getValue());
                out.patchLength(lengthPos, 1, start);
            }
        }
        writeOptional(out, TAG_HOSTNAME, hostname);
        return new GroupTrailer(out.toByteArray(), out.unpairedSurrogates());
    }

    /** Bytes {@link #write} adds for this context flow (which may be null). */
    public int size(String contextFlow) {
        if (contextFlow == null) {
            return fixed.length;
        }
        long len = Utf8.encodedLength(contextFlow);
        return 1 + Varint.size32((int) len) + (int) len + fixed.length;
    }

    /**
     * Appends the context flow (if not null) and the fixed metadata, and adds the unpaired surrogates replaced in
     * either to {@code out}'s {@link WireBuffer#unpairedSurrogates() count}.
     */
    public void write(WireBuffer out, String contextFlow) {
        writeOptional(out, TAG_CONTEXT_FLOW, contextFlow);
        out.writeBytes(fixed, 0, fixed.length);
        out.unpairedSurrogates += unpairedSurrogates;
    }

    /**
     * Writes the context flow (an ASCII string, or null) and the fixed metadata into {@code buf} at {@code pos}, which
     * must have {@link #size(String)} bytes of room.
     *
     * @return the position after the trailer
     */
    public int writeTo(byte[] buf, int pos, String contextFlow) {
        if (contextFlow != null) {
            buf[pos++] = TAG_CONTEXT_FLOW;
            pos = Varint.write32(buf, pos, contextFlow.length());
            for (int i = 0; i < contextFlow.length(); i++) {
                buf[pos++] = (byte) contextFlow.charAt(i);
            }
        }
        System.arraycopy(fixed, 0, buf, pos, fixed.length);
        return pos + fixed.length;
    }

    private static void writeOptional(WireBuffer out, int tag, String value) {
        if (value != null) {
            out.writeByte(tag);
            out.writeString(value);
        }
    }
}
