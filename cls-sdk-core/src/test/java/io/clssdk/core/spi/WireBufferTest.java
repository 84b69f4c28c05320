package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireBufferTest {
    @Test
    void writeStringReservesForAsciiAndMovesForWiderText() {
        for (int length : new int[] {0, 1, 127, 128, 16383, 16384, 20000}) {
            for (char c : new char[] {'a', 'é', '日'}) {
                String s = RandomLogs.repeat(c, length);
                WireBuffer buf = new WireBuffer(1);
                buf.writeByte(0x7F);
                int bytes = buf.writeString(s);
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                assertEquals(utf8.length, bytes);
                byte[] expected = new byte[1 + Varint.size32(utf8.length) + utf8.length];
                expected[0] = 0x7F;
                int pos = Varint.write32(expected, 1, utf8.length);
                System.arraycopy(utf8, 0, expected, pos, utf8.length);
                assertArrayEquals(expected, buf.toByteArray(), "length " + length + " char " + c);
            }
        }
    }

    @Test
    void patchLengthMovesContentWhenTheReservationWasWrong() {
        WireBuffer buf = new WireBuffer(4);
        buf.writeByte(0x0a);
        int lengthPos = buf.position();
        buf.skip(3);
        int start = buf.position();
        buf.writeBytes(new byte[] {1, 2, 3}, 0, 3);
        buf.patchLength(lengthPos, 3, start);
        assertArrayEquals(new byte[] {0x0a, 3, 1, 2, 3}, buf.toByteArray());

        WireBuffer grow = new WireBuffer(4);
        grow.skip(1);
        int s2 = grow.position();
        grow.writeBytes(new byte[200], 0, 200);
        grow.patchLength(0, 1, s2);
        assertEquals(202, grow.position());
        assertEquals((byte) 0xC8, grow.array()[0]);
        assertEquals(1, grow.array()[1]);
    }

    @Test
    void varintsMatchTheirSizes() {
        long[] values = {
            0,
            1,
            127,
            128,
            16383,
            16384,
            (1L << 21) - 1,
            1L << 21,
            (1L << 28) - 1,
            1L << 28,
            Integer.MAX_VALUE,
            1L << 35,
            Long.MAX_VALUE,
            -1L
        };
        for (long v : values) {
            byte[] b = new byte[10];
            assertEquals(Varint.size64(v), Varint.write64(b, 0, v), "value " + v);
            if (v >= 0 && v <= Integer.MAX_VALUE) {
                assertEquals(Varint.size32((int) v), Varint.write32(b, 0, (int) v), "value " + v);
            }
        }
        assertEquals(5, Varint.size32(-1));
        assertEquals(10, Varint.size64(-1L));
    }

    /** Every bit width, its edges and a value inside it: the same bytes and sizes as protobuf-java writes. */
    @Test
    void varintsMatchProtobufJavaAtEveryWidth() throws IOException {
        for (int bits = 0; bits <= 64; bits++) {
            long top = bits == 0 ? 0 : bits == 64 ? -1L : (1L << bits) - 1;
            long low = bits == 0 ? 0 : 1L << (bits - 1);
            for (long v : new long[] {low, top, low | (top >>> 1 & 0x5555555555555555L)}) {
                byte[] ours = new byte[10];
                int end = Varint.write64(ours, 0, v);
                assertArrayEquals(protobuf(v, false), Arrays.copyOf(ours, end), "write64 " + v);
                assertEquals(CodedOutputStream.computeUInt64SizeNoTag(v), Varint.size64(v), "size64 " + v);
                if (bits <= 32) {
                    int i = (int) v;
                    end = Varint.write32(ours, 0, i);
                    assertArrayEquals(protobuf(i, true), Arrays.copyOf(ours, end), "write32 " + i);
                    assertEquals(CodedOutputStream.computeUInt32SizeNoTag(i), Varint.size32(i), "size32 " + i);
                }
            }
        }
    }

    private static byte[] protobuf(long v, boolean uint32) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        if (uint32) {
            out.writeUInt32NoTag((int) v);
        } else {
            out.writeUInt64NoTag(v);
        }
        out.flush();
        return bytes.toByteArray();
    }
}
