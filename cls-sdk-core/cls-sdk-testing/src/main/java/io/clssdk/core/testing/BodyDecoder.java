package io.clssdk.core.testing;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/** Decompresses upload bodies for {@link FakeClsServer}, rejecting what CLS would reject. */
final class BodyDecoder {
    /** CLS's limit on the uncompressed body. */
    static final int MAX_RAW_BODY = 6 * 1024 * 1024;

    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

    private BodyDecoder() {}

    /**
     * Decompresses into a buffer sized from the body and doubled while too small, up to just over the 6 MiB limit. (A
     * per-thread buffer of the full limit cost 6 MiB per connection thread, and stalled connections keep theirs.)
     */
    static byte[] decode(String compressType, byte[] body) throws Rejected {
        if (compressType == null) {
            return body;
        }
        if (!compressType.equals("lz4") && !compressType.equals("deflate")) {
            throw new Rejected(400, "InvalidCompressType", "unsupported x-cls-compress-type " + compressType);
        }
        int capacity = (int) Math.min(MAX_RAW_BODY + 1L, Math.max(64 * 1024L, 8L * body.length));
        while (true) {
            byte[] out = new byte[capacity];
            int n = compressType.equals("lz4") ? lz4(body, out, capacity > MAX_RAW_BODY) : inflate(body, out);
            if (n < 0) {
                capacity = Math.min(MAX_RAW_BODY + 1, capacity * 2);
                continue;
            }
            if (n > MAX_RAW_BODY) {
                throw new Rejected(400, "InvalidContent", "decompressed body exceeds 6 MiB");
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** The decompressed length, or -1 when {@code out} may be too small (LZ4 cannot tell that from bad input). */
    private static int lz4(byte[] body, byte[] out, boolean largest) throws Rejected {
        try {
            return LZ4.decompress(body, 0, body.length, out, 0, out.length);
        } catch (LZ4Exception e) {
            if (largest) {
                throw new Rejected(400, "InvalidContent", "lz4 block does not decompress: " + e.getMessage());
            }
            return -1;
        }
    }

    /** The inflated length, or -1 when {@code out} filled up before the end (and is below the limit). */
    private static int inflate(byte[] body, byte[] out) throws Rejected {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(body);
            int n = 0;
            while (!inflater.finished() && n < out.length) {
                int r = inflater.inflate(out, n, out.length - n);
                if (r == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Rejected(400, "InvalidContent", "truncated deflate stream");
                }
                n += r;
            }
            return inflater.finished() || out.length > MAX_RAW_BODY ? n : -1;
        } catch (DataFormatException e) {
            throw new Rejected(400, "InvalidContent", "deflate stream is invalid: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
