package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BufferSizesTest {
    /** Bytes a byte array of {@code length} takes on a 64-bit HotSpot heap: a 16-byte header, 8-byte alignment. */
    private static long arrayBytes(long length) {
        return (16 + length + 7) / 8 * 8;
    }

    /** Bytes of heap G1 gives up for that array with regions of {@code region} bytes. */
    private static long g1Footprint(long length, long region) {
        long bytes = arrayBytes(length);
        return bytes <= region / 2 ? bytes : (bytes + region - 1) / region * region;
    }

    @Test
    void theLargestBatchIsTheSettingOrJustUnderAWholeNumberOfRegions() {
        assertEquals(509 * 1024, BufferSizes.largestBatchFor(512 * 1024), "the default 512 KiB");
        assertEquals(509 * 1024, BufferSizes.largestBatchFor(600 * 1024));
        assertEquals((1 << 20) - 64, BufferSizes.largestBatchFor(1 << 20));
        assertEquals((4 << 20) - 64, BufferSizes.largestBatchFor(5 << 20));
        assertEquals(100_000, BufferSizes.largestBatchFor(100_000), "well under half a region: as configured");
        assertEquals(4096, BufferSizes.largestBatchFor(4096));
    }

    @Test
    void batchAndCompressionBuffersWasteNoG1RegionWhateverItsSize() {
        int[] settings = {4096, 100_000, 256 * 1024, 512 * 1024, 600 * 1024, 1 << 20, 3 << 20, 5 << 20};
        for (int setting : settings) {
            int batch = BufferSizes.largestBatchFor(setting);
            assertTrue(batch <= setting, "never larger than configured: " + setting);
            for (long region = 1 << 20; region <= 32 << 20; region <<= 1) {
                long footprint = g1Footprint(batch, region);
                assertTrue(
                        footprint <= arrayBytes(batch) * 1.01,
                        batch + " B batches on " + (region >> 20) + " MiB regions take " + footprint + " B");
            }
        }
        for (int size = 4096; size <= 4 << 20; size <<= 1) {
            int pooled = BufferSizes.pooledSize(size);
            for (long region = 1 << 20; region <= 32 << 20; region <<= 1) {
                assertTrue(g1Footprint(pooled, region) <= arrayBytes(pooled) * 1.01, "class " + pooled);
            }
        }
        int scratch = BufferSizes.compressionBound(BufferSizes.largestBatchFor(512 * 1024));
        assertTrue(g1Footprint(scratch, 1 << 20) == arrayBytes(scratch), "the default batch's LZ4 buffer: " + scratch);
    }
}
