package io.clssdk.core;

/**
 * How an upload body is compressed. The choice is sent in the {@code x-cls-compress-type} header.
 *
 * <p>{@link #LZ4} (the default everywhere in this SDK) is a raw LZ4 block with no frame and no size prefix; it costs
 * the least CPU per byte. {@link #DEFLATE} is raw DEFLATE (RFC 1951, no zlib header) from the JDK; smaller bodies for
 * more CPU. {@link #NONE} sends the protobuf bytes as they are. zstd, which CLS also accepts, is not offered because
 * the JDK has no zstd codec and we keep native dependencies out.
 */
public enum Compression {
    /** No compression; the header is omitted. */
    NONE(null),
    /** Raw LZ4 block ({@code x-cls-compress-type: lz4}). */
    LZ4("lz4"),
    /** Raw DEFLATE ({@code x-cls-compress-type: deflate}). */
    DEFLATE("deflate");

    private final String headerValue;

    Compression(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The {@code x-cls-compress-type} value, or null when no header is sent. */
    public String headerValue() {
        return headerValue;
    }
}
