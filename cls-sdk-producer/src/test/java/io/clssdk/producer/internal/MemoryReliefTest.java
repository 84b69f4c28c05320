package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.producer.internal.Batch.State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MemoryRelief} on the sender's real parts: early sealing, paced by the I/O threads, only while memory is low. */
class MemoryReliefTest {
    private static final int IO_THREADS = 2;

    private final SenderRig rig = new SenderRig(3);
    private final EndpointHealth health = new EndpointHealth(SenderRig.retryPolicy(3));
    private final MemoryRelief relief = new MemoryRelief(rig.accumulator, rig.stats, health, IO_THREADS);

    @Test
    void whileMemoryIsLowTheBatchesNearestTheirLingerEndAreSealedUntilTwiceTheIoThreadsArePending() {
        List<Batch> open = openBatches(6);
        LingerTimers lingering = timers(open);
        makeMemoryLow();

        relief.relieve(lingering, Collections.emptyList(), Collections.emptyList());

        assertEquals(2 * IO_THREADS, rig.stats.batchesInFlight.get());
        for (int i = 0; i < open.size(); i++) {
            assertEquals(
                    i < 2 * IO_THREADS ? State.SEALED : State.OPEN, open.get(i).state(), "batch " + i);
        }
        assertEquals(open.subList(2 * IO_THREADS, open.size()), drain(lingering));
    }

    @Test
    void nothingIsSealedEarlyWhileMemoryIsNotLow() {
        List<Batch> open = openBatches(3);
        LingerTimers lingering = timers(open);

        relief.relieve(lingering, Collections.emptyList(), Collections.emptyList());

        assertEquals(0, rig.stats.batchesInFlight.get());
        assertEquals(open, drain(lingering));
        open.forEach(b -> assertEquals(State.OPEN, b.state()));
    }

    @Test
    void nothingIsSealedEarlyWhileTheEndpointLooksDown() {
        List<Batch> open = openBatches(3);
        LingerTimers lingering = timers(open);
        makeMemoryLow();
        for (int i = 0; i < EndpointHealth.TRIP_AFTER; i++) {
            health.onUnavailable(rig.clock.nanoTime());
        }
        assertTrue(health.down());

        relief.relieve(lingering, Collections.emptyList(), Collections.emptyList());

        assertEquals(0, rig.stats.batchesInFlight.get());
        assertEquals(open, drain(lingering));
        open.forEach(b -> assertEquals(State.OPEN, b.state()));
    }

    /** The sender's timers for {@code open}, added in that order. */
    private static LingerTimers timers(List<Batch> open) {
        LingerTimers timers = new LingerTimers();
        open.forEach(timers::add);
        return timers;
    }

    /** What is left in {@code timers}, the first to end first. */
    private static List<Batch> drain(LingerTimers timers) {
        List<Batch> left = new ArrayList<>();
        for (Batch b = timers.pollFirst(); b != null; b = timers.pollFirst()) {
            left.add(b);
        }
        return left;
    }

    /** One open batch, with one log, in each of {@code n} topics; oldest first. */
    private List<Batch> openBatches(int n) {
        List<Batch> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            open.add(rig.opened("topic-" + i, "log-" + i));
        }
        assertEquals(n, open.size());
        return open;
    }

    /** Reserves pool memory until its free bytes are just below the low-water mark. */
    private void makeMemoryLow() {
        long excess = rig.pool.availableBytes() - rig.pool.lowWaterBytes() + 1;
        assertTrue(rig.pool.tryReserve((int) excess), "could not reserve " + excess + " bytes");
        assertTrue(rig.pool.availableBytes() < rig.pool.lowWaterBytes());
    }
}
