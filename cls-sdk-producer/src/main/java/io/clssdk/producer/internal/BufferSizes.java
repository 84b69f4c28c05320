package io.clssdk.producer.internal;

/**
 * Array sizes that G1 does not waste. G1 stores an object larger than half a heap region in whole regions of its own
 * ("humongous"), and its regions are powers of two of at least 1 MiB: a 512 KiB array with its 16-byte header takes a
 * full 1 MiB region, doubling what the heap gives up for it (measured: 2.2 × the buffer bound with 512 KiB batches at
 * {@code -Xmx1g}). An array of 2ⁿ − {@link #ARRAY_HEADER_ALLOWANCE} bytes either stays under half a region or fills
 * whole regions, whatever the region size, so the pool's classes from half the smallest region up have that size, and
 * the largest batch is rounded the same way — below 1 MiB down to {@link #LARGEST_UNDER_HALF_REGION}, so that the I/O
 * threads' compression buffers stay under half a region as well. From 1 MiB on (the streams' default, LogListener's
 * package size) a batch buffer is humongous but fills its regions: 1 MiB − 64 B takes exactly one 1 MiB region, and
 * the pool hands the same arrays from batch to batch, so a steady stream allocates none per batch.
 */
final class BufferSizes {
    /** Half of G1's smallest region (1 MiB): a larger object is humongous on some heap size. */
    static final int HALF_SMALLEST_REGION = 512 * 1024;
    /**
     * Bytes kept free below a power of two for the array header (16 B on 64-bit HotSpot, 24 B without compressed
     * class pointers) and object alignment up to 64 B.
     */
    static final int ARRAY_HEADER_ALLOWANCE = 64;
    /**
     * The largest batch whose buffer and whose worst-case LZ4 copy on an I/O thread ({@link #compressionBound}) both
     * stay under half of the smallest G1 region: 509 KiB.
     */
    static final int LARGEST_UNDER_HALF_REGION = 509 * 1024;

    private BufferSizes() {}

    /**
     * The largest buffer for batches of {@code maxBatchBytes}: below 1 MiB the setting itself, at most
     * {@link #LARGEST_UNDER_HALF_REGION}; from 1 MiB the largest power of two minus {@link #ARRAY_HEADER_ALLOWANCE} not
     * above it. 512 KiB (the default) gives 509 KiB, 1 MiB gives 1 MiB − 64 B, 5 MiB gives 4 MiB − 64 B.
     */
    static int largestBatchFor(int maxBatchBytes) {
        if (maxBatchBytes + ARRAY_HEADER_ALLOWANCE < 2 * HALF_SMALLEST_REGION) {
            return Math.min(maxBatchBytes, LARGEST_UNDER_HALF_REGION);
        }
        return Integer.highestOneBit(maxBatchBytes + ARRAY_HEADER_ALLOWANCE) - ARRAY_HEADER_ALLOWANCE;
    }

    /** The pooled size for the power of two {@code size}: itself under half the smallest region, else just under. */
    static int pooledSize(int size) {
        return size >= HALF_SMALLEST_REGION ? size - ARRAY_HEADER_ALLOWANCE : size;
    }

    /** LZ4's worst case for {@code length} bytes of input (as {@code LZ4Compressor.maxCompressedLength}). */
    static int compressionBound(int length) {
        return length + length / 255 + 16;
    }
}
