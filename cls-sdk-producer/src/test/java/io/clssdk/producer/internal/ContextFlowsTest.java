package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ContextFlowsTest {
    @Test
    void flowsAreTheProducerIdAndTheBatchNumberInUpperCaseHexOf16Digits() {
        ContextFlows flows = new ContextFlows(0x102700A66102516AL);
        assertEquals("102700A66102516A-0000000000000001", flows.next());
        assertEquals("102700A66102516A-0000000000000002", flows.next());
        ContextFlows small = new ContextFlows(5);
        for (long n = 1; n <= 300; n++) {
            assertEquals(String.format(Locale.ROOT, "0000000000000005-%016X", n), small.next());
        }
    }

    @Test
    void everyDigitOfTheBatchNumberIsWritten() {
        for (int bits = 1; bits <= 64; bits++) {
            long smallest = 1L << (bits - 1); // the smallest and the largest number of this many bits
            long largest = bits == 64 ? -1L : (1L << bits) - 1;
            for (long n : new long[] {smallest, largest}) {
                String expected = String.format(Locale.ROOT, "FFFFFFFFFFFFFFFF-%016X", n);
                assertEquals(expected, new ContextFlows(-1L, n - 1).next(), bits + " bits");
            }
        }
        assertEquals(ContextFlows.LONGEST, new ContextFlows(-1L, -2L).next());
        assertEquals(
                "0123456789ABCDEF-FEDCBA9876543210", new ContextFlows(0x0123456789ABCDEFL, 0xFEDCBA987654320FL).next());
        assertEquals(
                ContextFlows.LONGEST.length(), new ContextFlows(0, 0).next().length());
    }
}
