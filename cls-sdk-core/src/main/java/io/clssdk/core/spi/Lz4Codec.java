package io.clssdk.core.spi;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * A raw LZ4 block: no frame, no magic, no checksum and no size prefix, exactly what CLS expects for
 * {@code x-cls-compress-type: lz4}. Uses lz4-java's JNI build when it loads, its pure-Java build otherwise.
 *
 * <p>In the shaded jar lz4-java is relocated, and its JNI functions, named after {@code net.jpountz.lz4.LZ4JNI}, can
 * never bind to the relocated class; there the codec goes straight to the pure-Java build, without trying to load the
 * library (which JDK 24+ would report as a restricted-method warning).
 */
final class Lz4Codec extends Codec {
    static final Lz4Codec INSTANCE = new Lz4Codec(factory(LZ4Factory.class.getName()));

    private final LZ4Compressor compressor;

    private Lz4Codec(LZ4Factory factory) {
        this.compressor = factory.fastCompressor();
    }

    /** The fastest usable factory, given the run-time name of {@code LZ4Factory}. */
    static LZ4Factory factory(String factoryClassName) {
        // Joined at run time: the shade plugin would rewrite a constant naming the relocated package.
        String unrelocated = String.join(".", "net", "jpountz", "lz4", "LZ4Factory");
        return factoryClassName.equals(unrelocated) ? LZ4Factory.fastestInstance() : LZ4Factory.fastestJavaInstance();
    }

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
