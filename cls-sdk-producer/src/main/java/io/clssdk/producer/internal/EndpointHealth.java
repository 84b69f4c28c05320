package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;

/**
 * Whether the endpoint looks down, judged from the outcomes of the last attempts. Owned by the sender thread.
 *
 * <p>After {@link #TRIP_AFTER} attempts in a row found the endpoint unavailable — connection errors, timeouts, 408 or
 * 5xx, answers that did not come from CLS (a captive portal or proxy in the way), with no answer of any other kind in
 * between — the sender stops dispatching for a jittered pause that grows with every further such attempt (up to
 * {@code retryBackoffMax}), then lets one batch through as a probe; any other outcome (success, 429, another 4xx) ends
 * it. During a total outage the producer thus makes one request per pause instead of one per batch per backoff,
 * while the batches wait in their queues and keep their delivery deadlines.
 */
final class EndpointHealth {
    static final int TRIP_AFTER = 3;

    private final RetryPolicy retryPolicy;
    private int unavailableInARow;
    private long pausedUntilNanos;

    EndpointHealth(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    /** True for the errors that say the endpoint, not the request, is the problem. */
    static boolean unavailable(ClsException error) {
        if (error instanceof ClsServiceException) {
            int status = ((ClsServiceException) error).httpStatus();
            return status == 408 || status >= 500;
        }
        ClsClientException.Reason reason = ((ClsClientException) error).reason();
        return reason == ClsClientException.Reason.IO
                || reason == ClsClientException.Reason.TIMEOUT
                || reason == ClsClientException.Reason.NOT_FROM_CLS;
    }

    /** An attempt found the endpoint unavailable. */
    void onUnavailable(long nowNanos) {
        unavailableInARow++;
        if (down()) {
            long pause = retryPolicy.jitter(unavailableInARow - TRIP_AFTER);
            pausedUntilNanos = Math.max(pausedUntilNanos, nowNanos + pause);
        }
    }

    /** An attempt got an answer that shows the endpoint works (even if it refused the request). */
    void onAnswer() {
        unavailableInARow = 0;
        pausedUntilNanos = 0;
    }

    /** True while only probes may go. */
    boolean down() {
        return unavailableInARow >= TRIP_AFTER;
    }

    /** Until when nothing may be sent (meaningful while {@link #down()}). */
    long pausedUntilNanos() {
        return pausedUntilNanos;
    }

    @Override
    public String toString() {
        return "EndpointHealth{unavailableInARow=" + unavailableInARow + '}';
    }
}
