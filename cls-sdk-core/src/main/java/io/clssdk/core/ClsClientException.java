package io.clssdk.core;

import java.util.Objects;

/**
 * A failure on this side of the wire: the request was not sent, or no answer from CLS came back (which includes an
 * answer from something else in between, such as a proxy or captive portal).
 */
public final class ClsClientException extends ClsException {
    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** An argument broke a rule or a CLS limit; the message names which. Not retryable. */
        INVALID_ARGUMENT(false),
        /** A network error (connection refused or reset, DNS, TLS). Retryable. */
        IO(true),
        /** A connect, read, write or call timeout. Retryable; the request may have reached CLS. */
        TIMEOUT(true),
        /**
         * An HTTP answer arrived that did not come from CLS: a success status without the {@code x-cls-requestid}
         * header CLS sets on every answer, typically a proxy's or captive portal's page. The logs are taken as not
         * stored. Retryable, like a 5xx; the message names the content type and the start of the body.
         */
        NOT_FROM_CLS(true),
        /** Credentials could not be obtained. Retryable. */
        CREDENTIALS(true),
        /** The producer's buffer stayed full for longer than its maximum block time. Retryable. */
        BUFFER_FULL(true),
        /** The producer or client is closed. Not retryable. */
        CLOSED(false),
        /** A log was not delivered within the producer's delivery timeout. Not retryable. */
        DELIVERY_TIMEOUT(false),
        /** The calling thread was interrupted while waiting. Not retryable. */
        INTERRUPTED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;

    /** Creates an exception with a reason and message. */
    public ClsClientException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** Creates an exception with a reason, message and cause. */
    public ClsClientException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the request failed. */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean retryable() {
        return reason.retryable;
    }
}
