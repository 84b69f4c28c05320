package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ContextFlowsTest {
    @Test
    void flowsAreTheProducerIdAndTheBatchNumberInUpperCaseHex() {
        ContextFlows flows = new ContextFlows(0x102700A66102516AL);
        assertEquals("102700A66102516A-1", flows.next());
        assertEquals("102700A66102516A-2", flows.next());
        ContextFlows small = new ContextFlows(5);
        for (long n = 1; n <= 300; n++) {
            assertEquals("0000000000000005-" + Long.toHexString(n).toUpperCase(Locale.ROOT), small.next());
        }
    }

    @Test
    void everyDigitCountUpToTheLongestIsWrittenInFull() {
        for (int bits = 1; bits <= 64; bits++) {
            long smallest = 1L << (bits - 1); // the smallest and the largest number of this many bits
            long largest = bits == 64 ? -1L : (1L << bits) - 1;
            for (long n : new long[] {smallest, largest}) {
                String expected = "FFFFFFFFFFFFFFFF-" + Long.toHexString(n).toUpperCase(Locale.ROOT);
                assertEquals(expected, new ContextFlows(-1L, n - 1).next(), bits + " bits");
            }
        }
        assertEquals(ContextFlows.LONGEST, new ContextFlows(-1L, -2L).next());
        assertEquals(
                "0123456789ABCDEF-FEDCBA9876543210", new ContextFlows(0x0123456789ABCDEFL, 0xFEDCBA987654320FL).next());
    }
}
