package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.HttpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's flush and close sequences, and its closed state.
 *
 * <p>{@link #close} runs once (a later or concurrent call only waits for the first to finish), in this order: mark
 * the producer closed (sends now fail), tell the spool, close the accumulator and seal every batch, wait until every
 * batch completed or the deadline passed, then abandon what is left (failed, requests on the wire cut off), stop the
 * sender, the I/O threads and the producer's own callback executor, unregister the MBean, close the HTTP client and
 * last the spool (what is not done stays on disk for the next producer). {@link #flush} seals every open batch and
 * waits for the callbacks of the batches that were incomplete when it was called.
 *
 * <p>Both run on the thread that calls {@code flush()}/{@code close()}, which may be a callback thread of this
 * producer: there a wait for callbacks could wait for itself, so flush only waits until each batch is decided, close
 * only until each batch is done and never for the callback executor, and a second close from there only reports
 * whether the first has finished.
 */
final class ProducerShutdown {
    // keeps the producer's logger: applications configure and filter the close message by that name
    private static final Logger LOG = LoggerFactory.getLogger(DefaultClsProducer.class);
    private static final long CLOSE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final String id;
    private final Clock clock;
    private final Spool spool;
    private final Accumulator accumulator;
    private final Sender sender;
    private final Completer completer;
    private final ProducerStats stats;
    private final HttpTransport http;
    private final IoQueue ioQueue;
    private final List<Thread> threads;
    private final int ioThreads;
    private final ExecutorService ownCallbackExecutor;
    private final Set<Batch> incomplete;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean closed;

    /**
     * @param spool the disk spool, or null
     * @param threads the sender and I/O threads, all started
     * @param ioThreads how many of them are I/O threads (each stops on one {@link IoWorker#STOP})
     * @param ownCallbackExecutor the executor the producer made for callbacks, or null if the application gave one
     */
    ProducerShutdown(
            String id,
            Clock clock,
            Spool spool,
            Accumulator accumulator,
            Sender sender,
            Completer completer,
            ProducerStats stats,
            HttpTransport http,
            IoQueue ioQueue,
            List<Thread> threads,
            int ioThreads,
            ExecutorService ownCallbackExecutor,
            Set<Batch> incomplete) {
        this.id = id;
        this.clock = clock;
        this.spool = spool;
        this.accumulator = accumulator;
        this.sender = sender;
        this.completer = completer;
        this.stats = stats;
        this.http = http;
        this.ioQueue = ioQueue;
        this.threads = threads;
        this.ioThreads = ioThreads;
        this.ownCallbackExecutor = ownCallbackExecutor;
        this.incomplete = incomplete;
    }

    /** True once {@link #close} began: sends and new streams fail. */
    boolean closed() {
        return closed;
    }

    /** {@link io.clssdk.producer.ClsProducer#flush()}: throws INTERRUPTED if interrupted while waiting. */
    void flush() {
        List<Batch> pending = new ArrayList<>(incomplete);
        accumulator.sealAll();
        sender.wakeup();
        boolean fromCallback = Completer.inCallback();
        try {
            for (Batch b : pending) {
                if (fromCallback) {
                    while (!b.decided()) {
                        b.awaitCallbacks(CLOSE_POLL_NANOS);
                    }
                } else {
                    b.awaitCallbacks();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClsClientException(ClsClientException.Reason.INTERRUPTED, "interrupted during flush()", e);
        }
    }

    /** {@link io.clssdk.producer.ClsProducer#close(Duration)}: true if every batch completed and every thread ended. */
    boolean close(Duration timeout) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        boolean fromCallback = Completer.inCallback();
        if (!closing.compareAndSet(false, true)) {
            return awaitTermination(deadline, fromCallback);
        }
        closed = true;
        if (spool != null) {
            spool.closing();
        }
        accumulator.close(); // after this, every accepted log is in a sealed batch
        sender.sealEverything();
        boolean drained = awaitDrained(deadline, fromCallback);
        if (!drained) {
            abandonPending();
        }
        boolean stopped = stopThreads(deadline, fromCallback);
        stats.unregister();
        http.close();
        if (spool != null) {
            spool.close(); // what is not done stays for the next producer on this directory
        }
        terminated.countDown();
        LOG.debug("Closed {}: drained={}, threads stopped={}", id, drained, stopped);
        return drained && stopped;
    }

    /** Waits until every batch completed (from a callback thread: was decided). */
    private boolean awaitDrained(long deadline, boolean fromCallback) {
        while (true) {
            boolean done = true;
            for (Batch b : incomplete) {
                if (!fromCallback || !b.isDone()) {
                    done = false;
                    break;
                }
            }
            if (done) {
                return true;
            }
            if (clock.nanoTime() >= deadline) {
                return false;
            }
            pause();
        }
    }

    /** The close deadline passed: complete what is left as failed and cut off requests still on the wire. */
    private void abandonPending() {
        for (Batch b : new ArrayList<>(incomplete)) {
            completer.abandon(b);
        }
        http.cancelAll();
    }

    private boolean stopThreads(long deadline, boolean fromCallback) {
        sender.stop();
        for (int i = 0; i < ioThreads; i++) {
            ioQueue.add(IoWorker.STOP);
        }
        boolean stopped = true;
        try {
            for (Thread t : threads) {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadline - clock.nanoTime()));
                t.join(Math.max(remainingMs, 100));
                if (t.isAlive()) {
                    http.cancelAll();
                    t.join(1000);
                }
                stopped &= !t.isAlive();
            }
            if (ownCallbackExecutor != null) {
                ownCallbackExecutor.shutdown();
                if (!fromCallback) {
                    long remainingMs = TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadline - clock.nanoTime()));
                    stopped &= ownCallbackExecutor.awaitTermination(Math.max(remainingMs, 100), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return stopped;
    }

    private boolean awaitTermination(long deadline, boolean fromCallback) {
        if (fromCallback) {
            return terminated.getCount() == 0;
        }
        try {
            while (terminated.getCount() > 0) {
                if (clock.nanoTime() >= deadline) {
                    return false;
                }
                terminated.await(5, TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(CLOSE_POLL_NANOS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
