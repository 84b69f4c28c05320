package io.clssdk.core.spi;

import java.util.zip.Deflater;

/** Raw DEFLATE (RFC 1951, {@code nowrap}: no zlib header or checksum) at the JDK's default level. */
final class DeflateCodec extends Codec {
    static final DeflateCodec INSTANCE = new DeflateCodec();

    private DeflateCodec() {}

    @Override
    public String headerValue() {
        return "deflate";
    }

    @Override
    public void compress(byte[] src, int off, int len, WireBuffer out) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(src, off, len);
            deflater.finish();
            out.reset();
            out.ensure(len / 2 + 64);
            while (!deflater.finished()) {
                if (out.position() == out.capacity()) {
                    out.ensure(out.capacity());
                }
                int n = deflater.deflate(out.array(), out.position(), out.capacity() - out.position());
                out.position(out.position() + n);
            }
        } finally {
            deflater.end();
        }
    }
}
