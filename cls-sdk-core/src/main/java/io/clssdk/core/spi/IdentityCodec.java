package io.clssdk.core.spi;

/** No compression. */
final class IdentityCodec extends Codec {
    static final IdentityCodec INSTANCE = new IdentityCodec();

    private IdentityCodec() {}

    @Override
    public String headerValue() {
        return null;
    }

    @Override
    public boolean isIdentity() {
        return true;
    }

    @Override
    public void compress(byte[] src, int off, int len, WireBuffer out) {
        out.reset();
        out.writeBytes(src, off, len);
    }
}
