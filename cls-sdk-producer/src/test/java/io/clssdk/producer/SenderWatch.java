package io.clssdk.producer;

import io.clssdk.core.spi.Clock;
import io.clssdk.core.testing.internal.FakeClock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The clock a harness gives its producer: it reads the harness's {@link FakeClock} and also notes which thread is the
 * producer's sender and how often that thread has read the time. Every scheduling round of the sender starts by
 * reading the clock, so a read count that has grown means a round has run since; the sender parks on itself
 * ({@code LockSupport.parkNanos(sender, …)}) between rounds, which {@link #senderParked()} recognises.
 */
final class SenderWatch implements Clock {
    private static final String SENDER_CLASS = "io.clssdk.producer.internal.Sender";

    private final FakeClock clock;
    private final AtomicLong senderReads = new AtomicLong();
    private volatile Thread sender;

    SenderWatch(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeMillis() {
        noteRead();
        return clock.currentTimeMillis();
    }

    @Override
    public long nanoTime() {
        noteRead();
        return clock.nanoTime();
    }

    @Override
    public void onAdvance(Runnable listener) {
        clock.onAdvance(listener);
    }

    private void noteRead() {
        Thread t = Thread.currentThread();
        if (t.getName().startsWith("cls-") && t.getName().endsWith("-sender")) {
            sender = t;
            senderReads.incrementAndGet();
        }
    }

    /** How often the sender thread has read the clock. */
    long senderReads() {
        return senderReads.get();
    }

    /** True while the sender thread waits between scheduling rounds. */
    boolean senderParked() {
        Thread t = sender;
        if (t == null) {
            return false;
        }
        Thread.State state = t.getState();
        Object blocker = LockSupport.getBlocker(t);
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                && blocker != null
                && blocker.getClass().getName().equals(SENDER_CLASS);
    }

    /** True once the sender thread has ended (the producer closed). */
    boolean senderStopped() {
        Thread t = sender;
        return t != null && !t.isAlive();
    }
}
