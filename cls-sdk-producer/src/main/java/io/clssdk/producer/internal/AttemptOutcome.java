package io.clssdk.producer.internal;

import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.producer.Attempt;
import java.time.Duration;

/**
 * What one dispatch of a batch to an I/O thread came to, as the I/O thread saw it: an immutable value built once at
 * the end of the attempt and handed to {@link Sender#onReturned}, whose {@link AttemptDecider} alone decides what
 * follows (complete, retry, and later split). It names the batch and the attempt number it belongs to, so an outcome
 * can never be applied to a different batch or to a later attempt of the same one.
 */
final class AttemptOutcome {
    /** What happened to the dispatch. */
    enum Kind {
        /** CLS stored the logs. */
        SUCCEEDED,
        /** The request failed with {@link #error()}: retried or failed by the sender's decision. */
        FAILED,
        /** The delivery timeout had passed when the I/O thread took the batch: nothing was sent. */
        EXPIRED,
        /** The batch was decided elsewhere (abandoned at close) before the I/O thread took it: nothing was sent. */
        ABANDONED,
        /** An unexpected error (a bug, a linkage problem) interrupted the attempt: final, {@link #error()} says why. */
        BROKEN
    }

    private final Batch batch;
    private final int attempt;
    private final Kind kind;
    private final long endedNanos;
    private final String requestId;
    private final ClsException error;
    private final Attempt record;

    private AttemptOutcome(
            Batch batch,
            int attempt,
            Kind kind,
            long endedNanos,
            String requestId,
            ClsException error,
            Attempt record) {
        this.batch = batch;
        this.attempt = attempt;
        this.kind = kind;
        this.endedNanos = endedNanos;
        this.requestId = requestId;
        this.error = error;
        this.record = record;
    }

    static AttemptOutcome succeeded(Batch b, int attempt, long endedNanos, String requestId, long timeMs) {
        Attempt record = new Attempt(timeMs, true, 200, null, null, requestId);
        return new AttemptOutcome(b, attempt, Kind.SUCCEEDED, endedNanos, requestId, null, record);
    }

    static AttemptOutcome failed(Batch b, int attempt, long endedNanos, ClsException error, long timeMs) {
        return new AttemptOutcome(b, attempt, Kind.FAILED, endedNanos, null, error, IoWorker.attemptOf(error, timeMs));
    }

    /** An attempt that sent nothing: {@link Kind#EXPIRED} or {@link Kind#ABANDONED}. */
    static AttemptOutcome notSent(Batch b, int attempt, Kind kind, long nowNanos) {
        return new AttemptOutcome(b, attempt, kind, nowNanos, null, null, null);
    }

    static AttemptOutcome broken(Batch b, int attempt, long nowNanos, ClsException error) {
        return new AttemptOutcome(b, attempt, Kind.BROKEN, nowNanos, null, error, null);
    }

    Batch batch() {
        return batch;
    }

    /** The batch's attempt count when this outcome was built (attempts that reached the network so far). */
    int attempt() {
        return attempt;
    }

    Kind kind() {
        return kind;
    }

    /** Clock time when the attempt ended; a retry's backoff counts from here. */
    long endedNanos() {
        return endedNanos;
    }

    String requestId() {
        return requestId;
    }

    /** The error of a {@link Kind#FAILED} or {@link Kind#BROKEN} outcome, else null. */
    ClsException error() {
        return error;
    }

    /** The entry for the batch's attempt history, or null when nothing was sent. */
    Attempt record() {
        return record;
    }

    /** The endpoint answered in a way that shows it works: a success, a 429 or another 4xx. */
    boolean answered() {
        return kind == Kind.SUCCEEDED
                || (kind == Kind.FAILED && !unavailable() && error instanceof ClsServiceException);
    }

    /** The endpoint looked unavailable (see {@link EndpointHealth}). */
    boolean unavailable() {
        return kind == Kind.FAILED && EndpointHealth.unavailable(error);
    }

    /** CLS throttled the request (429): the topic slows down. */
    boolean throttled() {
        return kind == Kind.FAILED && RetryPolicy.throttled(error);
    }

    /** The server's Retry-After of a throttled request, 0 for none. */
    long retryAfterNanos() {
        if (!throttled()) {
            return 0;
        }
        Duration retryAfter = ((ClsServiceException) error).retryAfter();
        return retryAfter == null ? 0 : retryAfter.toNanos();
    }

    @Override
    public String toString() {
        return "AttemptOutcome{" + kind + ", attempt " + attempt + " of " + batch + '}';
    }
}
