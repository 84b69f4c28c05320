package io.clssdk.producer.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue from the sender to the I/O threads. Besides queueing, it counts the batches handed over whose attempt has
 * not ended yet, so tests can tell when nothing is on its way to the endpoint (see {@link #settledDispatches()}). An
 * I/O thread ends an attempt — outcome recorded, batch handed back to the sender — before it asks for its next batch,
 * so "asked again" is the end of the attempt; until its first request each worker counts as busy.
 */
final class IoQueue extends LinkedBlockingQueue<Batch> {
    private static final long serialVersionUID = 1L;

    private final AtomicInteger unfinished;
    private final AtomicLong dispatched = new AtomicLong();

    IoQueue(int workers) {
        this.unfinished = new AtomicInteger(workers);
    }

    @Override
    public boolean add(Batch b) {
        unfinished.incrementAndGet(); // before the batch is visible, so it is never taken uncounted
        dispatched.incrementAndGet();
        return super.add(b);
    }

    @Override
    public Batch take() throws InterruptedException {
        unfinished.decrementAndGet(); // the caller's previous attempt (or its start-up) has ended
        return super.take();
    }

    /**
     * How many batches were ever handed over, if every one of them has been attempted and handed back to the sender;
     * -1 while an attempt is queued or running. Two equal results mean nothing was handed over in between.
     */
    long settledDispatches() {
        long d = dispatched.get(); // read first: a batch added after this read changes the next result
        return unfinished.get() == 0 ? d : -1;
    }
}
