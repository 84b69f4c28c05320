package io.clssdk.core.spi;

import io.clssdk.core.Compression;

/**
 * Compresses upload bodies. Implementations are stateless and thread-safe; output goes into a caller-owned
 * {@link WireBuffer} so an I/O thread can reuse one buffer for every request.
 */
public abstract class Codec {
    /** The codec for {@code compression}. */
    public static Codec of(Compression compression) {
        switch (compression) {
            case LZ4:
                return Lz4Codec.INSTANCE;
            case DEFLATE:
                return DeflateCodec.INSTANCE;
            case NONE:
                return IdentityCodec.INSTANCE;
            default:
                throw new IllegalArgumentException("unknown compression " + compression);
        }
    }

    /** The {@code x-cls-compress-type} header value, or null for none. */
    public abstract String headerValue();

    /** True when {@link #compress} only copies; callers may then send the source bytes directly. */
    public boolean isIdentity() {
        return false;
    }

    /** Replaces the contents of {@code out} with the compressed form of {@code src[off, off + len)}. */
    public abstract void compress(byte[] src, int off, int len, WireBuffer out);
}
