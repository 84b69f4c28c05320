package io.clssdk.producer.internal;

import io.clssdk.core.internal.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The memory of the producer: every batch buffer comes from here, and {@link #allocatedBytes()} — buffers in use plus
 * recycled buffers kept for reuse — never exceeds the configured total. That is the buffer bound: it counts the bytes
 * of the arrays themselves, so what the heap retains for pending logs is what we count.
 *
 * <p>Buffers come in size classes: powers of two from {@link #MIN_CLASS} up to, and ending with, the largest batch
 * size. A batch starts small and moves to the next class when it fills, so many quiet topics do not each pin a full
 * batch of memory. Released buffers are kept per class for reuse (no allocation in steady state) and dropped when a
 * different class needs the room or when their class has been idle for {@link #IDLE_TRIM_NANOS}. A request larger
 * than the largest class (one oversized log) gets an exact-size array that is not recycled.
 *
 * <p>Thread-safe. {@link #tryAllocate} never blocks; {@link #awaitAvailable} lets callers wait, first come first
 * served, without holding any other lock.
 */
final class BufferPool {
    static final int MIN_CLASS = 4 * 1024;
    static final long IDLE_TRIM_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long totalBytes;
    private final int[] classSizes;
    private final ArrayDeque<byte[]>[] free;
    private final long[] lastTakenNanos;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Condition> waiters = new ArrayDeque<>();
    private long allocatedBytes;
    private long freeBytes;

    @SuppressWarnings("unchecked")
    BufferPool(long totalBytes, int largestClass, Clock clock) {
        this.totalBytes = totalBytes;
        this.clock = clock;
        int count = 1;
        for (int size = MIN_CLASS; size < largestClass; size <<= 1) {
            count++;
        }
        classSizes = new int[count];
        int size = MIN_CLASS;
        for (int i = 0; i < count - 1; i++, size <<= 1) {
            classSizes[i] = size;
        }
        classSizes[count - 1] = Math.max(largestClass, MIN_CLASS);
        free = new ArrayDeque[count];
        for (int i = 0; i < count; i++) {
            free[i] = new ArrayDeque<>();
        }
        lastTakenNanos = new long[count];
        clock.onAdvance(this::wakeAll);
    }

    /** The largest pooled buffer size (the batch size limit). */
    int largestClass() {
        return classSizes[classSizes.length - 1];
    }

    /** The size of the buffer {@link #tryAllocate} returns for a request of {@code bytes}. */
    int sizeFor(int bytes) {
        int c = classFor(bytes);
        return c < 0 ? bytes : classSizes[c];
    }

    /** A buffer of at least {@code bytes}, or null when the bound does not allow one now. */
    byte[] tryAllocate(int bytes) {
        int c = classFor(bytes);
        int size = c < 0 ? bytes : classSizes[c];
        lock.lock();
        try {
            if (c >= 0) {
                byte[] pooled = free[c].pollLast();
                if (pooled != null) {
                    freeBytes -= size;
                    lastTakenNanos[c] = clock.nanoTime();
                    return pooled;
                }
                lastTakenNanos[c] = clock.nanoTime();
            }
            if (!makeRoom(size)) {
                return null;
            }
            allocatedBytes += size;
        } finally {
            lock.unlock();
        }
        return new byte[size];
    }

    /** Returns a buffer obtained from {@link #tryAllocate}. */
    void release(byte[] buffer) {
        int c = classOfExactly(buffer.length);
        lock.lock();
        try {
            if (c >= 0) {
                free[c].addLast(buffer);
                freeBytes += buffer.length;
            } else {
                allocatedBytes -= buffer.length;
            }
            Condition first = waiters.peekFirst();
            if (first != null) {
                first.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a request of {@code bytes} could be satisfied, or until {@code deadlineNanos} (on the pool's clock).
     * Waiters are served in arrival order. The caller then retries {@link #tryAllocate}; another thread may win the
     * race, in which case it waits again.
     *
     * @return false if the deadline passed first
     */
    boolean awaitAvailable(int bytes, long deadlineNanos) throws InterruptedException {
        int size = sizeFor(bytes);
        int c = classFor(bytes);
        lock.lock();
        try {
            if (waiters.isEmpty() && canAllocate(c, size)) {
                return true;
            }
            Condition me = lock.newCondition();
            waiters.addLast(me);
            try {
                while (waiters.peekFirst() != me || !canAllocate(c, size)) {
                    long remaining = deadlineNanos - clock.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    me.awaitNanos(Math.min(remaining, MAX_WAIT_SLICE_NANOS));
                }
                return true;
            } finally {
                waiters.remove(me);
                Condition next = waiters.peekFirst();
                if (next != null) {
                    next.signal();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops recycled buffers of classes nobody has asked for recently. */
    void trim() {
        long now = clock.nanoTime();
        lock.lock();
        try {
            for (int c = 0; c < free.length; c++) {
                if (!free[c].isEmpty() && now - lastTakenNanos[c] > IDLE_TRIM_NANOS) {
                    long bytes = (long) free[c].size() * classSizes[c];
                    free[c].clear();
                    freeBytes -= bytes;
                    allocatedBytes -= bytes;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes of all arrays the pool accounts for: in use plus recycled. Never above the total. */
    long allocatedBytes() {
        lock.lock();
        try {
            return allocatedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes held by buffers currently in use (not recycled). */
    long inUseBytes() {
        lock.lock();
        try {
            return allocatedBytes - freeBytes;
        } finally {
            lock.unlock();
        }
    }

    long totalBytes() {
        return totalBytes;
    }

    /** True if a request could be served now without waiting (a cheap check before encoding a log). */
    boolean mightAllocate(int bytes) {
        int size = sizeFor(bytes);
        int c = classFor(bytes);
        lock.lock();
        try {
            return canAllocate(c, size);
        } finally {
            lock.unlock();
        }
    }

    private boolean canAllocate(int c, int size) {
        return (c >= 0 && !free[c].isEmpty()) || allocatedBytes - freeBytes + size <= totalBytes;
    }

    /** Frees recycled buffers (largest classes first) until {@code size} more bytes fit under the total. */
    private boolean makeRoom(int size) {
        if (allocatedBytes + size <= totalBytes) {
            return true;
        }
        if (allocatedBytes - freeBytes + size > totalBytes) {
            return false;
        }
        for (int c = free.length - 1; c >= 0 && allocatedBytes + size > totalBytes; c--) {
            while (!free[c].isEmpty() && allocatedBytes + size > totalBytes) {
                free[c].pollFirst();
                freeBytes -= classSizes[c];
                allocatedBytes -= classSizes[c];
            }
        }
        return true;
    }

    private int classFor(int bytes) {
        for (int c = 0; c < classSizes.length; c++) {
            if (bytes <= classSizes[c]) {
                return c;
            }
        }
        return -1;
    }

    private int classOfExactly(int length) {
        int c = classFor(length);
        return c >= 0 && classSizes[c] == length ? c : -1;
    }

    private void wakeAll() {
        lock.lock();
        try {
            for (Condition c : waiters) {
                c.signal();
            }
        } finally {
            lock.unlock();
        }
    }
}
