package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.internal.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void sizeClassesArePowersOfTwoEndingAtTheBatchSize() {
        BufferPool pool = new BufferPool(10 << 20, 512 * 1024, clock);
        assertEquals(2048, pool.sizeFor(1));
        assertEquals(4096, pool.sizeFor(2049));
        assertEquals(8192, pool.sizeFor(4097));
        assertEquals(262144, pool.sizeFor(200_000));
        assertEquals(512 * 1024, pool.sizeFor(300_000));
        assertEquals(600_000, pool.sizeFor(600_000), "an oversized log gets an exact buffer");
        BufferPool odd = new BufferPool(10 << 20, 100_000, clock);
        assertEquals(100_000, odd.sizeFor(70_000), "the largest class is the batch size, not a power of two");
    }

    @Test
    void recycledBuffersAreReusedAndNothingIsAllocatedTwice() {
        BufferPool pool = new BufferPool(1 << 20, 64 * 1024, clock);
        byte[] a = pool.tryAllocate(5000);
        pool.release(a);
        assertSame(a, pool.tryAllocate(6000));
        assertEquals(8192, pool.allocatedBytes());
        assertEquals(8192, pool.inUseBytes());
    }

    @Test
    void theBoundIsNeverExceededEvenWithRandomTraffic() {
        long total = 256 * 1024;
        BufferPool pool = new BufferPool(total, 64 * 1024, clock);
        Random random = new Random(1);
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            if (random.nextBoolean() && !held.isEmpty()) {
                pool.release(held.remove(random.nextInt(held.size())));
            } else {
                byte[] b = pool.tryAllocate(1 + random.nextInt(100_000));
                if (b != null) {
                    held.add(b);
                }
            }
            assertTrue(pool.allocatedBytes() <= total, "allocated " + pool.allocatedBytes());
        }
        long inUse = 0;
        for (byte[] b : held) {
            inUse += b.length;
        }
        assertEquals(inUse, pool.inUseBytes());
    }

    @Test
    void recycledBuffersOfOtherClassesMakeRoom() {
        BufferPool pool = new BufferPool(64 * 1024, 64 * 1024, clock);
        List<byte[]> small = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            small.add(pool.tryAllocate(4096));
        }
        assertNull(pool.tryAllocate(64 * 1024));
        for (byte[] b : small) {
            pool.release(b);
        }
        assertEquals(64 * 1024, pool.allocatedBytes());
        assertNotNull(pool.tryAllocate(64 * 1024), "recycled small buffers are dropped to make room");
        assertEquals(64 * 1024, pool.allocatedBytes());
    }

    @Test
    void waitersAreServedWhenMemoryReturnsOrGiveUpAtTheirDeadline() throws Exception {
        BufferPool pool = new BufferPool(64 * 1024, 64 * 1024, clock);
        byte[] all = pool.tryAllocate(64 * 1024);
        CompletableFuture<Boolean> waiter = awaitOnAnotherThread(pool, 4096, seconds(10));
        assertFalse(waiter.isDone());
        pool.release(all);
        assertTrue(waiter.get(5, TimeUnit.SECONDS));

        pool.tryAllocate(64 * 1024);
        // the deadline is computed here, before the clock moves: computed on the waiting thread, it could come after
        // the advance below and never pass
        CompletableFuture<Boolean> timesOut = awaitOnAnotherThread(pool, 4096, seconds(1));
        clock.advance(Duration.ofSeconds(2));
        assertFalse(timesOut.get(5, TimeUnit.SECONDS));
    }

    @Test
    void reservationsCountAgainstTheBoundAndReturnWithTheBuffer() throws Exception {
        BufferPool pool = new BufferPool(64 * 1024, 64 * 1024, clock);
        byte[] buf = pool.tryAllocate(4096, 512);
        assertEquals(4096 + 512, pool.inUseBytes());
        assertFalse(pool.tryReserve(61 * 1024), "a reservation must fit under the bound like a buffer");
        assertTrue(pool.tryReserve(1000));
        assertEquals(4096 + 1512, pool.inUseBytes());
        assertNull(pool.tryAllocate(60 * 1024, 0));
        assertFalse(await(pool, 60 * 1024, clock.nanoTime()), "reservations count for waiters too");
        pool.release(buf, 1512);
        assertEquals(0, pool.inUseBytes());
        assertEquals(4096, pool.allocatedBytes(), "the buffer is recycled, the reservation gone");
        assertTrue(pool.tryReserve(62 * 1024), "recycled buffers are dropped for a reservation");
        assertEquals(62 * 1024, pool.allocatedBytes());
    }

    @Test
    void classesFromHalfASmallG1RegionUpFillWholeRegions() {
        // G1 regions are powers of two from 1 MiB: an array of 2^n - 64 bytes (header included) either stays under
        // half a region or fills whole regions; 2^n bytes plus a header would take twice its size from 512 KiB up
        BufferPool pool = new BufferPool(64 << 20, 5 << 20, clock);
        assertEquals(256 * 1024, pool.sizeFor(200_000), "small classes stay powers of two");
        assertEquals(512 * 1024 - 64, pool.sizeFor(300_000));
        assertEquals((1 << 20) - 64, pool.sizeFor(600_000));
        assertEquals((4 << 20) - 64, pool.sizeFor(3 << 20));
    }

    @Test
    void closeEndsEveryWaitAtOnce() throws Exception {
        BufferPool pool = new BufferPool(64 * 1024, 64 * 1024, clock);
        pool.tryAllocate(64 * 1024);
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(awaitOnAnotherThread(pool, 4096, seconds(3600)));
        }
        pool.close(); // the fake clock never moves: only close can end these waits
        for (CompletableFuture<Boolean> result : results) {
            assertFalse(result.get(30, TimeUnit.SECONDS), "a closed pool ends the wait without memory");
        }
        assertTrue(pool.isClosed());
        assertFalse(await(pool, 4096, seconds(3600)), "and refuses to wait afterwards");
    }

    @Test
    void idleClassesAreTrimmed() {
        BufferPool pool = new BufferPool(1 << 20, 64 * 1024, clock);
        pool.release(pool.tryAllocate(4096));
        pool.release(pool.tryAllocate(64 * 1024));
        clock.advance(Duration.ofSeconds(20));
        pool.tryAllocate(64 * 1024); // keeps its class warm
        clock.advance(Duration.ofSeconds(15));
        pool.trim();
        assertEquals(64 * 1024, pool.allocatedBytes(), "the idle 4 KiB buffer was dropped, the busy class kept");
    }

    /** Calls {@code awaitAvailable} on this thread. */
    private static boolean await(BufferPool pool, int bytes, long deadline) {
        try {
            return pool.awaitAvailable(bytes, deadline);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long seconds(long s) {
        return clock.nanoTime() + TimeUnit.SECONDS.toNanos(s);
    }

    /** Calls {@code awaitAvailable} on a new thread and returns once that thread waits inside it. */
    private static CompletableFuture<Boolean> awaitOnAnotherThread(BufferPool pool, int bytes, long deadline) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        result.complete(pool.awaitAvailable(bytes, deadline));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                "buffer-waiter");
        t.setDaemon(true);
        t.start();
        Await.until(
                "the waiter waits for memory",
                () -> result.isDone() || Await.parkedIn(t, BufferPool.class.getName(), "awaitAvailable"));
        return result;
    }
}
