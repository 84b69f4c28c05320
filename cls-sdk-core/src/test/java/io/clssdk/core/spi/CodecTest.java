package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.Compression;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/** Round trips only: LZ4 output is not canonical across implementations, so bytes are never compared. */
class CodecTest {
    /** The 114-byte protobuf of the protocol reference §1.4. */
    private static final byte[] VECTOR =
            unhex("0a700a310880e2cfaa06121a0a0b5f5f434f4e54454e545f5f120b68656c6c6f20776f72"
                    + "6c64120d0a056c6576656c1204494e464f1212303132333435363738394142434445462d311a102f7661722f6c6f672f617070"
                    + "2e6c6f67220831302e302e302e312a0b0a03656e76120470726f64");

    @Test
    void headerValues() {
        assertEquals("lz4", Codec.of(Compression.LZ4).headerValue());
        assertEquals("deflate", Codec.of(Compression.DEFLATE).headerValue());
        assertNull(Codec.of(Compression.NONE).headerValue());
    }

    @Test
    void lz4IsARawBlockThatDecompressesToTheInput() {
        for (byte[] input : inputs()) {
            WireBuffer out = new WireBuffer(8);
            Codec.of(Compression.LZ4).compress(input, 0, input.length, out);
            byte[] restored = LZ4Factory.safeInstance().fastDecompressor().decompress(out.array(), 0, input.length);
            assertArrayEquals(input, restored);
        }
        WireBuffer out = new WireBuffer(8);
        Codec.of(Compression.LZ4).compress(VECTOR, 0, VECTOR.length, out);
        // a raw block starts with a token, not the frame magic 04 22 4D 18 nor a 4-byte size prefix
        assertNotEquals(0x04, out.array()[0]);
        assertTrue(out.position() <= 115 + 4);
    }

    @Test
    void lz4UsesTheNativeBuildOnlyWhenLz4JavaIsNotRelocated() {
        assertSame(LZ4Factory.fastestInstance(), Lz4Codec.factory("net.jpountz.lz4.LZ4Factory"));
        assertSame(
                LZ4Factory.fastestJavaInstance(),
                Lz4Codec.factory(String.join(".", "io", "clssdk", "shaded", "net", "jpountz", "lz4", "LZ4Factory")));
    }

    @Test
    void deflateIsRawWithoutZlibHeader() throws Exception {
        WireBuffer out = new WireBuffer(8);
        Codec.of(Compression.DEFLATE).compress(VECTOR, 0, VECTOR.length, out);
        assertNotEquals(0x78, out.array()[0] & 0xFF);
        for (byte[] input : inputs()) {
            Codec.of(Compression.DEFLATE).compress(input, 0, input.length, out);
            Inflater inflater = new Inflater(true);
            inflater.setInput(Arrays.copyOf(out.array(), out.position()));
            byte[] restored = new byte[input.length];
            int n = 0;
            while (!inflater.finished()) {
                n += inflater.inflate(restored, n, restored.length - n);
            }
            inflater.end();
            assertEquals(input.length, n);
            assertArrayEquals(input, restored);
        }
    }

    @Test
    void identityCopies() {
        WireBuffer out = new WireBuffer(8);
        Codec.of(Compression.NONE).compress(VECTOR, 3, 10, out);
        assertArrayEquals(Arrays.copyOfRange(VECTOR, 3, 13), out.toByteArray());
        assertTrue(Codec.of(Compression.NONE).isIdentity());
    }

    private static byte[][] inputs() {
        Random random = new Random(3);
        byte[] incompressible = new byte[300_000];
        random.nextBytes(incompressible);
        byte[] repetitive = new byte[1_000_000];
        for (int i = 0; i < repetitive.length; i++) {
            repetitive[i] = (byte) ("content_key_" + (i % 97)).charAt(i % 12);
        }
        return new byte[][] {new byte[0], new byte[] {42}, VECTOR, incompressible, repetitive};
    }

    static byte[] unhex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
