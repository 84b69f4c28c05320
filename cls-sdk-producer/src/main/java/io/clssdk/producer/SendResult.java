package io.clssdk.producer;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of one log: stored by CLS ({@link #success()}), or failed for the reason in {@link #error()}.
 *
 * <p>All logs that travelled in the same batch share one result object. Immutable and thread-safe.
 */
public final class SendResult {
    private final boolean success;
    private final String requestId;
    private final ClsException error;
    private final List<Attempt> attempts;

    /** Creates a result (for tests and test doubles); {@code error} is null exactly when successful. */
    public SendResult(boolean success, String requestId, ClsException error, List<Attempt> attempts) {
        if (success == (error != null)) {
            throw new IllegalArgumentException("a result has an error exactly when it is not successful");
        }
        this.success = success;
        this.requestId = requestId;
        this.error = error;
        this.attempts = Collections.unmodifiableList(attempts);
    }

    /** True when CLS acknowledged the batch that carried this log. */
    public boolean success() {
        return success;
    }

    /** The request id of the successful upload, or of the last response received; null when there was none. */
    public String requestId() {
        return requestId;
    }

    /** Why delivery failed: a {@link ClsServiceException} or {@link ClsClientException}; null on success. */
    public ClsException error() {
        return error;
    }

    /** The CLS error code or client-side reason of the failure; null on success. */
    public String errorCode() {
        if (error == null) {
            return null;
        }
        if (error instanceof ClsServiceException) {
            ClsServiceException service = (ClsServiceException) error;
            return service.errorCode() != null ? service.errorCode() : "HTTP_" + service.httpStatus();
        }
        return ((ClsClientException) error).reason().name();
    }

    /** The failure's message; null on success. */
    public String errorMessage() {
        return error == null ? null : error.getMessage();
    }

    /** The most recent attempts, oldest first (at most the last 10). */
    public List<Attempt> attempts() {
        return attempts;
    }

    /**
     * Returns this result when successful, otherwise throws its error. Handy with futures:
     * {@code producer.send(topic, log).thenApply(SendResult::orThrow)}.
     */
    public SendResult orThrow() {
        if (error != null) {
            throw error;
        }
        return this;
    }

    @Override
    public String toString() {
        return success
                ? "SendResult{success, requestId=" + requestId + ", attempts=" + attempts.size() + '}'
                : "SendResult{failed, errorCode=" + errorCode() + ", error=" + error.getMessage() + ", attempts="
                        + attempts.size() + '}';
    }
}
