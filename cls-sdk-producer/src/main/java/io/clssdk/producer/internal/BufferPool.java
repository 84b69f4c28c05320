package io.clssdk.producer.internal;

import io.clssdk.core.spi.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The memory of the producer: every batch buffer comes from here, and {@link #allocatedBytes()} — buffers in use,
 * recycled buffers kept for reuse and the bytes {@linkplain #tryReserve reserved} for what pending logs hold besides
 * their bytes (completion slots, futures, batch objects) — never exceeds the configured total. That is the buffer
 * bound: it counts the arrays themselves and the objects that live as long as they do, so what the heap retains for
 * pending logs is what we count.
 *
 * <p>Buffers come in size classes: powers of two from {@link #MIN_CLASS} up to, and ending with, the largest batch
 * size. A batch starts small and moves to the next class when it fills, so many quiet topics do not each pin a full
 * batch of memory. Released buffers are kept per class for reuse (no allocation in steady state) and dropped when a
 * different class needs the room or when their class has been idle for {@link #IDLE_TRIM_NANOS}. A request larger
 * than the largest class (one oversized log) gets an exact-size array that is not recycled.
 *
 * <p>Classes from half of G1's smallest region up are 64 bytes short of a power of two, so that G1 does not give each
 * a whole region of its own ({@link BufferSizes}); the caller sizes the largest class the same way.
 *
 * <p>Thread-safe. {@link #tryAllocate} never blocks; {@link #awaitAvailable} lets callers wait, first come first
 * served, without holding any other lock. {@link #close} ends every wait at once: the producer is closing, and memory
 * may never come back (batches abandoned at close keep their buffers).
 */
final class BufferPool {
    /**
     * The smallest buffer: a quiet stream's batch (a log or a few per linger) pins this much, so 10,000 topics pin
     * 20 MiB here (4 KiB classes pinned 40 MiB, more than a 32 MiB bound holds). Busy streams start near their last
     * batch's size and do not regrow from here.
     */
    static final int MIN_CLASS = 2 * 1024;

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
    private boolean closed;
    /** Set when in-use bytes crossed above total − {@link #lowWaterBytes()}, cleared when they fell back. */
    private boolean low;

    private volatile Runnable lowListener;

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
            classSizes[i] = BufferSizes.pooledSize(size);
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

    /**
     * Free bytes below which memory counts as running low: a quarter of the total. The sender then ships the oldest
     * open batches early rather than let their linger hold the memory new logs need (see {@link MemoryRelief}).
     */
    long lowWaterBytes() {
        return totalBytes / 4;
    }

    /** Bytes that could be taken now: the total minus {@link #inUseBytes()} (recycled buffers count as free). */
    long availableBytes() {
        lock.lock();
        try {
            return totalBytes - (allocatedBytes - freeBytes);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code listener} (on the allocating thread, holding no pool lock; it must be quick) each time the free
     * bytes fall below {@link #lowWaterBytes()}, once per crossing.
     */
    void onLow(Runnable listener) {
        this.lowListener = listener;
    }

    /** A buffer of at least {@code bytes}, or null when the bound does not allow one now. */
    byte[] tryAllocate(int bytes) {
        return tryAllocate(bytes, 0);
    }

    /**
     * A buffer of at least {@code bytes} and, with it, {@code extraBytes} reserved as by {@link #tryReserve}; or null
     * (and nothing reserved) when the bound does not allow both now.
     */
    byte[] tryAllocate(int bytes, int extraBytes) {
        int c = classFor(bytes);
        int size = c < 0 ? bytes : classSizes[c];
        byte[] pooled;
        boolean nowLow;
        lock.lock();
        try {
            if (c >= 0) {
                lastTakenNanos[c] = clock.nanoTime();
            }
            if (!fits(size + extraBytes)) {
                return null;
            }
            pooled = c >= 0 ? free[c].pollLast() : null;
            if (pooled != null) {
                freeBytes -= size;
                makeRoom(extraBytes);
                allocatedBytes += extraBytes;
            } else {
                makeRoom(size + extraBytes);
                allocatedBytes += size + extraBytes;
            }
            nowLow = crossedLow();
        } finally {
            lock.unlock();
        }
        if (nowLow) {
            signalLow();
        }
        return pooled != null ? pooled : new byte[size];
    }

    /**
     * Counts {@code bytes} of heap that pending logs hold outside the buffers (completion slots, futures) against the
     * bound, dropping recycled buffers to make room; false (nothing counted) when the bound does not allow it now.
     */
    boolean tryReserve(int bytes) {
        boolean nowLow;
        lock.lock();
        try {
            if (!fits(bytes)) {
                return false;
            }
            makeRoom(bytes);
            allocatedBytes += bytes;
            nowLow = crossedLow();
        } finally {
            lock.unlock();
        }
        if (nowLow) {
            signalLow();
        }
        return true;
    }

    /** Returns a buffer obtained from {@link #tryAllocate}. */
    void release(byte[] buffer) {
        release(buffer, 0);
    }

    /** Returns a buffer obtained from {@link #tryAllocate} and {@code reservedBytes} counted with or after it. */
    void release(byte[] buffer, long reservedBytes) {
        int c = classOfExactly(buffer.length);
        lock.lock();
        try {
            if (c >= 0) {
                free[c].addLast(buffer);
                freeBytes += buffer.length;
            } else {
                allocatedBytes -= buffer.length;
            }
            returnedLocked(reservedBytes);
        } finally {
            lock.unlock();
        }
    }

    /** Returns {@code bytes} counted by {@link #tryReserve} or with {@link #tryAllocate}, without a buffer. */
    void unreserve(long bytes) {
        lock.lock();
        try {
            returnedLocked(bytes);
        } finally {
            lock.unlock();
        }
    }

    private void returnedLocked(long reservedBytes) {
        allocatedBytes -= reservedBytes;
        if (low && totalBytes - (allocatedBytes - freeBytes) >= lowWaterBytes()) {
            low = false;
        }
        Condition first = waiters.peekFirst();
        if (first != null) {
            first.signal();
        }
    }

    /**
     * Waits until {@code bytes} more could be taken — a buffer of that {@linkplain #sizeFor size} plus what is reserved
     * with it — or until {@code deadlineNanos} (on the pool's clock), or until the pool is {@linkplain #close closed}.
     * Waiters are served in arrival order. The caller then retries {@link #tryAllocate}; another thread may win the
     * race, in which case it waits again.
     *
     * @return false if the deadline passed or the pool was closed first (tell them apart with {@link #isClosed})
     */
    boolean awaitAvailable(long bytes, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (waiters.isEmpty() && fits(bytes)) {
                return true;
            }
            Condition me = lock.newCondition();
            waiters.addLast(me);
            try {
                while (waiters.peekFirst() != me || !fits(bytes)) {
                    if (closed) {
                        return false;
                    }
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

    /**
     * Ends every current and future {@link #awaitAvailable} at once, returning false (the producer is closing). Buffers
     * can still be taken and returned.
     */
    void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        wakeAll();
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
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

    /** Bytes the pool accounts for: buffers in use, recycled buffers and reservations. Never above the total. */
    long allocatedBytes() {
        lock.lock();
        try {
            return allocatedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes held for pending logs: buffers in use (not recycled) and reservations. */
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

    /** True once per fall of the free bytes below {@link #lowWaterBytes()} (under the lock). */
    private boolean crossedLow() {
        if (low || totalBytes - (allocatedBytes - freeBytes) >= lowWaterBytes()) {
            return false;
        }
        low = true;
        return true;
    }

    private void signalLow() {
        Runnable listener = lowListener;
        if (listener != null) {
            listener.run();
        }
    }

    /**
     * Whether {@code bytes} more fit once recycled buffers are dropped (taking a recycled buffer of a class moves it
     * from recycled to in use, the same sum).
     */
    private boolean fits(long bytes) {
        return allocatedBytes - freeBytes + bytes <= totalBytes;
    }

    /**
     * Frees recycled buffers (largest classes first) until {@code size} more bytes fit under the total; the caller
     * checked that they {@linkplain #fits fit}.
     */
    private void makeRoom(long size) {
        if (allocatedBytes + size <= totalBytes) {
            return;
        }
        for (int c = free.length - 1; c >= 0 && allocatedBytes + size > totalBytes; c--) {
            while (!free[c].isEmpty() && allocatedBytes + size > totalBytes) {
                free[c].pollFirst();
                freeBytes -= classSizes[c];
                allocatedBytes -= classSizes[c];
            }
        }
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
