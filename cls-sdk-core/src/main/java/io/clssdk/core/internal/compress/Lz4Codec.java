package io.clssdk.core.internal.compress;

import io.clssdk.core.internal.encode.WireBuffer;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * A raw LZ4 block: no frame, no magic, no checksum and no size prefix, exactly what CLS expects for
 * {@code x-cls-compress-type: lz4}. Uses lz4-java's JNI build when it loads, its pure-Java build otherwise.
 */
final class Lz4Codec extends Codec {
    static final Lz4Codec INSTANCE = new Lz4Codec();

    private final LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();

    private Lz4Codec() {}

    @Override
    public String headerValue() {
        return "lz4";
    }

    @Override
    public void compress(byte[] src, int off, int len, WireBuffer out) {
        int max = compressor.maxCompressedLength(len);
        out.reset();
        out.ensure(max);
        int written = compressor.compress(src, off, len, out.array(), 0, max);
        out.position(written);
    }
}
