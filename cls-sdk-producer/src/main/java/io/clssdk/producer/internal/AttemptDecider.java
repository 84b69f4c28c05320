package io.clssdk.producer.internal;

import io.clssdk.core.ClsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what follows one attempt, the moment its outcome is known: complete the batch, retry it at a backoff time,
 * mark it for a split (CLS rejected the content of a batch of several logs: {@link BatchSplitter}), or fail it. This
 * is the one place where that decision is made.
 *
 * <p>It runs on the I/O thread that made the attempt ({@link Sender#onReturned}, before the outcome reaches the
 * sender's inbox), so that a stored batch is completed before a closing producer could abandon it. It touches only
 * that batch — through its checked life cycle ({@link BatchLifecycle}), which a closing thread may win — and the
 * thread-safe {@link Completer} and {@link RetryPolicy}. It never touches the sender's scheduling state (linger and
 * retry timers, topics' ready batches and limits, hash-key order, endpoint health): the sender thread schedules what
 * follows once it takes the outcome from its inbox.
 */
final class AttemptDecider {
    /** The sender's logger: the decision was the sender's before it moved here, and its warning keeps that name. */
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    private final Completer completer;
    private final RetryPolicy retryPolicy;

    AttemptDecider(Completer completer, RetryPolicy retryPolicy) {
        this.completer = completer;
        this.retryPolicy = retryPolicy;
    }

    /**
     * Completes, fails, or retries the batch at its backoff time. An outcome not of the batch's latest attempt is
     * stale and changes nothing; a batch decided meanwhile (abandoned at close) stays decided, whatever came back.
     */
    void decide(AttemptOutcome o) {
        Batch b = o.batch();
        if (o.attempt() != b.history().made()) {
            LOG.warn("Ignoring the outcome of a superseded attempt: {}", o);
            return;
        }
        switch (o.kind()) {
            case ABANDONED: // decided by close while the batch waited for an I/O thread
                return;
            case SUCCEEDED:
                b.history().record(o.record(), null);
                completer.succeed(b, o.requestId());
                return;
            case FAILED:
                retryOrFail(b, o);
                return;
            case EXPIRED:
                completer.fail(b, IoWorker.deliveryTimeout(b, "before its next attempt"), true);
                return;
            case BROKEN:
            default:
                completer.fail(b, o.error(), true);
        }
    }

    private void retryOrFail(Batch b, AttemptOutcome o) {
        ClsException e = o.error();
        b.history().record(o.record(), e);
        int authRefreshes = b.history().authRefreshes(RetryPolicy.refreshableAuthFailure(e));
        if (b.count() > 1 && !b.replayed() && RetryPolicy.rejectedForContent(e) && b.takeSplit()) {
            b.splitPending(); // one bad log must not fail its neighbours: the sender splits the batch (settle)
            return;
        }
        long delay = retryPolicy.nextDelayNanos(o.attempt(), authRefreshes, e);
        if (delay < 0) {
            completer.fail(b, e, true);
            return;
        }
        long next = o.endedNanos() + delay;
        if (next >= b.deadlineNanos) {
            completer.fail(b, IoWorker.deliveryTimeout(b, "before the next retry could start"), true);
            return;
        }
        b.retryAt(next);
    }
}
