package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.producer.Attempt;
import io.clssdk.producer.OutcomeListener;
import io.clssdk.producer.ReplayListener;
import io.clssdk.producer.SendCallback;
import io.clssdk.producer.SendResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides batches' outcomes (exactly once, by {@link Batch#markDone()}) and delivers them to every log's target on the
 * callback executor: callbacks are called, futures completed, stream listeners told. A throwing callback is logged and
 * the remaining logs still get theirs.
 */
final class Completer {
    private static final Logger LOG = LoggerFactory.getLogger(Completer.class);
    private static final ThreadLocal<Boolean> IN_CALLBACK = new ThreadLocal<>();

    private final Executor executor;
    private final ProducerStats stats;
    private final BufferPool pool;
    private final Set<Batch> incomplete;
    private Spool spool;
    private ReplayListener replayListener;

    Completer(Executor executor, ProducerStats stats, BufferPool pool, Set<Batch> incomplete) {
        this.executor = executor;
        this.stats = stats;
        this.pool = pool;
        this.incomplete = incomplete;
    }

    /** Marks completed batches done in {@code spool} and tells {@code listener} of replayed ones (before start). */
    void useSpool(Spool spool, ReplayListener listener) {
        this.spool = spool;
        this.replayListener = listener;
    }

    /** True on a thread that is running this producer's callbacks right now. */
    static boolean inCallback() {
        return Boolean.TRUE.equals(IN_CALLBACK.get());
    }

    void succeed(Batch b, String requestId) {
        if (!b.markDone()) {
            return;
        }
        boolean replayed = b.replayed();
        b.releaseTo(pool);
        stats.batchesInFlight.decrementAndGet();
        (replayed ? stats.replayedSucceeded : stats.succeeded).add(b.count());
        deliver(b, new SendResult(true, requestId, null, b.history().list()));
        settleSpooled(b);
    }

    /** Once every log of the batch {@code b} belongs to (before splits) is decided, its spool record is settled. */
    private void settleSpooled(Batch b) {
        SpoolEntry e = b.spooled;
        if (e == null) {
            return;
        }
        Batch root = b;
        while (root.parent != null) {
            root = root.parent;
        }
        if (root.decided()) {
            spool.settle(e);
        }
    }

    /**
     * Fails a batch. {@code releaseBuffer} is false when another thread may still be reading the buffer (a batch
     * abandoned at close while its request is on the wire); its memory then goes with the producer.
     */
    boolean fail(Batch b, ClsException error, boolean releaseBuffer) {
        if (b.spooled != null && keepsInSpool(error)) {
            b.spooled.keep = true; // before the outcome: a half deciding next must see it
        }
        if (!b.markDone()) {
            return false;
        }
        boolean replayed = b.replayed();
        if (releaseBuffer) {
            b.releaseTo(pool);
        }
        if (b.contextFlow() != null) {
            stats.batchesInFlight.decrementAndGet(); // it was sealed, hence counted
        }
        (replayed ? stats.replayedFailed : stats.failed).add(b.count());
        if (!replayed
                && error instanceof ClsClientException
                && ((ClsClientException) error).reason() == ClsClientException.Reason.DELIVERY_TIMEOUT) {
            stats.expired.add(b.count());
        }
        List<Attempt> attempts = b.history().list();
        String requestId = null;
        for (Attempt a : attempts) {
            if (a.requestId() != null) {
                requestId = a.requestId();
            }
        }
        deliver(b, new SendResult(false, requestId, error, attempts));
        settleSpooled(b);
        return true;
    }

    /**
     * Fails a batch left over when the close deadline passed, without releasing its buffer (its request may still be
     * on the wire); does nothing if its outcome was decided already, except for a batch that was split: then its halves
     * (and theirs) are abandoned.
     */
    void abandon(Batch b) {
        ClsException last = b.history().lastError();
        boolean decided = fail(
                b,
                new ClsClientException(
                        ClsClientException.Reason.CLOSED,
                        "the producer was closed before this log could be delivered ("
                                + b.history().made() + " attempts"
                                + (last == null ? "" : "; last error: " + last.getMessage()) + ")",
                        last),
                false);
        Batch[] halves = b.halves(); // read after markDone failed: set by the split that won it, if any
        if (!decided && halves != null) {
            abandon(halves[0]);
            abandon(halves[1]);
        }
    }

    private void deliver(Batch b, SendResult result) {
        Runnable task = () -> run(b, result);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("The callback executor rejected a completion; running it on the calling thread instead", e);
            task.run();
        }
    }

    private void run(Batch b, SendResult result) {
        Boolean outer = IN_CALLBACK.get();
        IN_CALLBACK.set(Boolean.TRUE);
        try {
            CompletionRuns runs = b.completionRuns();
            for (int run = 0; run < runs.runs(); run++) {
                Object target = runs.target(run);
                int logs = runs.length(run);
                if (target instanceof SendCallback) {
                    for (int i = 0; i < logs; i++) {
                        call((SendCallback) target, result);
                    }
                } else if (target instanceof CompletableFuture) {
                    @SuppressWarnings("unchecked")
                    CompletableFuture<SendResult> future = (CompletableFuture<SendResult>) target;
                    future.complete(result);
                } else if (target instanceof OutcomeListener) {
                    try {
                        ((OutcomeListener) target).completed(result, logs);
                    } catch (Throwable t) {
                        LOG.error("A stream outcome listener threw; continuing", t);
                    }
                }
            }
            if (b.replayed() && replayListener != null) {
                tellReplayed(b, result);
            }
        } finally {
            finished(b);
            IN_CALLBACK.set(outer);
        }
    }

    /**
     * The callbacks of {@code b} ran: it leaves the incomplete batches, and so does each batch it is a half of once
     * both its halves are through (flush() and close() wait on that parent).
     */
    private void finished(Batch b) {
        b.callbacksDone();
        incomplete.remove(b);
        for (Batch p = b.parent; p != null && p.halfFinished(); p = p.parent) {
            p.callbacksDone();
            incomplete.remove(p);
        }
    }

    /**
     * Whether a batch failing with {@code error} stays in the spool for the next start: yes for a failure another
     * attempt might cure (a retryable error after the retries, the delivery timeout, the producer closing).
     */
    private static boolean keepsInSpool(ClsException error) {
        if (error instanceof ClsClientException) {
            ClsClientException.Reason r = ((ClsClientException) error).reason();
            if (r == ClsClientException.Reason.DELIVERY_TIMEOUT || r == ClsClientException.Reason.CLOSED) {
                return true;
            }
        }
        return error.retryable();
    }

    private void tellReplayed(Batch b, SendResult result) {
        try {
            replayListener.replayed(b.partition.topicId, b.partition.hashKey, b.count(), result);
        } catch (Throwable t) {
            LOG.error("A replay listener threw; continuing", t);
        }
    }

    private static void call(SendCallback callback, SendResult result) {
        try {
            callback.onCompletion(result);
        } catch (Throwable t) {
            LOG.error("A send callback threw; the producer continues with the next log", t);
        }
    }
}
