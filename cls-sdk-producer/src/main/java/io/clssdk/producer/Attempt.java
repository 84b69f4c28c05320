package io.clssdk.producer;

/** One upload attempt of the batch a log travelled in. Immutable. */
public final class Attempt {
    private final long timeMs;
    private final boolean success;
    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;

    /** Creates an attempt record (for tests and test doubles). */
    public Attempt(
            long timeMs, boolean success, int httpStatus, String errorCode, String errorMessage, String requestId) {
        this.timeMs = timeMs;
        this.success = success;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
    }

    /** When the attempt ended, in milliseconds since the epoch. */
    public long timeMs() {
        return timeMs;
    }

    public boolean success() {
        return success;
    }

    /** The HTTP status, or 0 when no response arrived (I/O error, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The CLS error code, or a client-side reason such as {@code IO} or {@code TIMEOUT}; null on success. */
    public String errorCode() {
        return errorCode;
    }

    /** What went wrong; null on success. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The {@code x-cls-requestid} of the response, or null when none arrived. */
    public String requestId() {
        return requestId;
    }

    @Override
    public String toString() {
        return "Attempt{timeMs=" + timeMs + ", success=" + success + ", httpStatus=" + httpStatus
                + (errorCode == null ? "" : ", errorCode=" + errorCode)
                + (errorMessage == null ? "" : ", errorMessage=" + errorMessage)
                + (requestId == null ? "" : ", requestId=" + requestId) + '}';
    }
}
