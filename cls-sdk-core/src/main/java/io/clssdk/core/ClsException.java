package io.clssdk.core;

/**
 * The root of every exception this SDK throws or completes a future with.
 *
 * <p>Two kinds: {@link ClsClientException} when the request never got a verdict from CLS (bad input, I/O, timeout,
 * a full buffer, a closed producer) and {@link ClsServiceException} when CLS answered with an error. Messages never
 * contain secret keys, session tokens or signatures.
 */
public abstract class ClsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same request may succeed if tried again later (I/O errors, timeouts, throttling, 5xx). */
    public abstract boolean retryable();
}
