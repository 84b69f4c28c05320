package io.clssdk.core;

import java.time.Duration;

/**
 * CLS answered with an error.
 *
 * <p>{@link #errorCode()} is the service's code (for example {@code TopicNotExist}, {@code SpeedQuotaExceed},
 * {@code AuthFailure.SignatureExpire}); it is null when the error body could not be read, in which case the message
 * says what came back instead.
 */
public final class ClsServiceException extends ClsException {
    private static final long serialVersionUID = 1L;
    private static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";

    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final boolean retryable;
    private final long retryAfterMs;

    /**
     * Creates an exception whose retryability follows the upload API: HTTP 408, 429 and 5xx are retryable; every other
     * status (400, 401, 403, 404, 413, ...) is not.
     */
    public ClsServiceException(int httpStatus, String errorCode, String errorMessage, String requestId) {
        this(httpStatus, errorCode, errorMessage, requestId, isRetryableStatus(httpStatus));
    }

    /** Creates an exception with explicit retryability (used where the status alone does not decide). */
    public ClsServiceException(
            int httpStatus, String errorCode, String errorMessage, String requestId, boolean retryable) {
        this(httpStatus, errorCode, errorMessage, requestId, retryable, null);
    }

    /**
     * Creates an exception that also carries the server's {@code Retry-After} hint.
     *
     * @param retryAfter how long the server asked clients to wait, or null when it did not say
     */
    public ClsServiceException(
            int httpStatus,
            String errorCode,
            String errorMessage,
            String requestId,
            boolean retryable,
            Duration retryAfter) {
        super(describe(httpStatus, errorCode, errorMessage, requestId), null);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.retryable = retryable;
        this.retryAfterMs = retryAfter == null ? -1 : Math.max(0, retryAfter.toMillis());
    }

    /** True for the HTTP statuses that are worth retrying: 408, 429 and 5xx. */
    public static boolean isRetryableStatus(int httpStatus) {
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }

    /** The HTTP status code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The CLS error code, or null when the body carried none. */
    public String errorCode() {
        return errorCode;
    }

    /** The CLS error message, or a description of the unreadable body. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The request id CLS assigned ({@code x-cls-requestid}), or null when none came back. */
    public String requestId() {
        return requestId;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }

    /** How long the server asked clients to wait before retrying ({@code Retry-After}), or null if it did not say. */
    public Duration retryAfter() {
        return retryAfterMs < 0 ? null : Duration.ofMillis(retryAfterMs);
    }

    private static String describe(int status, String code, String message, String requestId) {
        StringBuilder sb = new StringBuilder("CLS returned HTTP ").append(status);
        if (code != null) {
            sb.append(' ').append(code);
        }
        if (message != null && !message.isEmpty()) {
            sb.append(": ").append(message);
        }
        if (requestId != null) {
            sb.append(" (requestId ").append(requestId).append(')');
        }
        if (SIGNATURE_EXPIRE.equals(code)) {
            sb.append("; requests are signed with this machine's clock, which must be within a minute of the"
                    + " service's: check it (NTP)");
        }
        return sb.toString();
    }
}
