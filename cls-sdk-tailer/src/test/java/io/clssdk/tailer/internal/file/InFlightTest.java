package io.clssdk.tailer.internal.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Backpressure: nothing more at the limit, and a waiting reader resumes once a quarter of the limit is free. */
class InFlightTest {
    private final InFlight inFlight = new InFlight(1000);
    private final AtomicInteger wakes = new AtomicInteger();

    InFlightTest() {
        inFlight.onRelease(wakes::incrementAndGet);
    }

    @Test
    void aWaitingReaderIsWokenOnceAQuarterOfTheLimitIsFree() {
        inFlight.charge(1000);
        assertTrue(inFlight.full(), "at the limit nothing more is handed out");

        inFlight.release(100); // 900 in flight: room, but not enough to be worth a resumption
        assertEquals(0, wakes.get());
        assertFalse(inFlight.full(), "an engine woken for another reason may still hand out more");
        assertTrue(inFlight.bytes() < inFlight.limit());

        inFlight.charge(100);
        assertTrue(inFlight.full());
        inFlight.release(249); // 751: one byte short of a quarter free
        assertEquals(0, wakes.get());
        inFlight.release(1); // 750
        assertEquals(0, wakes.get(), "woken strictly below three quarters of the limit");
        inFlight.release(1); // 749
        assertEquals(1, wakes.get());

        inFlight.release(749);
        assertEquals(1, wakes.get(), "told once per wait, not per release");
        assertEquals(0, inFlight.bytes());
    }

    @Test
    void releasesWithoutAWaitingReaderWakeNobody() {
        inFlight.charge(900);
        assertFalse(inFlight.full());
        inFlight.release(900);
        assertEquals(0, wakes.get());
    }

    @Test
    void aSignalWakesWhateverTheCount() {
        inFlight.charge(1000);
        assertTrue(inFlight.full());
        inFlight.signal(); // a delivery failed: the engine must look at once
        assertEquals(1, wakes.get());
    }
}
