package io.clssdk.examples.bench;

import io.clssdk.core.Compression;
import io.clssdk.core.spi.Codec;
import io.clssdk.core.spi.WireBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * LZ4's own speed on a benchmark's data, the physical limit of an end-to-end figure: the file's bytes compressed in
 * blocks of a request's size with the SDK's codec on one thread, counting only the CPU time of the compress calls.
 */
final class Lz4Speed {
    private Lz4Speed() {}

    /** File MB compressed per CPU-second, and the compression ratio, as one printable line. */
    static String measure(Path file, int blockBytes) throws IOException {
        compress(file, blockBytes, Long.MAX_VALUE); // loads the library and warms the page cache
        long[] totals = compress(file, blockBytes, Long.MAX_VALUE);
        return String.format(
                Locale.ROOT,
                "LZ4 alone on this file (%d KiB blocks, one thread): %,.0f MB per CPU-second, raw/compressed %.1f",
                blockBytes >> 10,
                totals[1] / 1e6 / (totals[0] / 1e9),
                totals[1] / (double) totals[2]);
    }

    /**
     * File MB compressed per CPU-second over the file's first {@code maxBytes} (whole blocks): measured again after each
     * pass, it shows how fast the machine is at that moment, as other tenants come and go.
     */
    static double mbPerCpuSecond(Path file, int blockBytes, long maxBytes) throws IOException {
        long[] totals = compress(file, blockBytes, maxBytes);
        return totals[1] / 1e6 / (totals[0] / 1e9);
    }

    /** CPU nanos of the compress calls, raw bytes and compressed bytes, over blocks until {@code maxBytes} are read. */
    private static long[] compress(Path file, int blockBytes, long maxBytes) throws IOException {
        Codec lz4 = Codec.of(Compression.LZ4);
        WireBuffer out = new WireBuffer(blockBytes + blockBytes / 2);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] block = new byte[blockBytes];
        long[] totals = new long[3];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (totals[1] < maxBytes && (n = readFully(in, block)) > 0) {
                long t0 = threads.getCurrentThreadCpuTime();
                lz4.compress(block, 0, n, out);
                totals[0] += threads.getCurrentThreadCpuTime() - t0;
                totals[1] += n;
                totals[2] += out.position();
            }
        }
        return totals;
    }

    private static int readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        int n;
        while (off < b.length && (n = in.read(b, off, b.length - off)) > 0) {
            off += n;
        }
        return off;
    }
}
