package io.clssdk.tailer.internal.ship;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;

/**
 * The one place that decides what a final delivery failure means for the lines it carried (documented in the README,
 * "Delivery guarantee").
 *
 * <p><b>Permanent</b>: the logs themselves are bad, so sending them again can never succeed — CLS answered 400 {@code
 * InvalidContent} or {@code InvalidParam}, 413, or 403 {@code LogSizeExceed}, or the client refused them before sending
 * ({@code INVALID_ARGUMENT}: too large, malformed). Those logs are recorded as lost and their range is acknowledged.
 *
 * <p><b>Transient</b>: everything else. The logs are fine; the network, the endpoint, the credentials, the quota, the
 * topic's configuration or the producer's state is not (connection refused or reset, timeouts, a proxy answering, 5xx,
 * 429, 401/403 such as an expired signature or token, 404 TopicNotExist, NotAllowed, AccountArrears, the delivery
 * timeout, a full buffer, a closed producer, an interrupt). Once that is fixed the logs are deliverable, and they are
 * still on disk: they are never counted lost and never acknowledged; the file is read again from its committed offset.
 */
final class DeliveryFailure {
    private DeliveryFailure() {}

    /** True if {@code error} means the logs can never be delivered; false (transient) for anything else, null included. */
    static boolean permanent(ClsException error) {
        if (error instanceof ClsClientException) {
            return ((ClsClientException) error).reason() == ClsClientException.Reason.INVALID_ARGUMENT;
        }
        if (error instanceof ClsServiceException) {
            ClsServiceException e = (ClsServiceException) error;
            String code = e.errorCode();
            switch (e.httpStatus()) {
                case 413:
                    return true;
                case 400:
                    return "InvalidContent".equals(code) || "InvalidParam".equals(code);
                case 403:
                    return "LogSizeExceed".equals(code);
                default:
                    return false;
            }
        }
        return false;
    }

    /** A short description of a failure for logs and status: the error's message, else its code. */
    static String describe(ClsException error, String errorCode) {
        if (error != null && error.getMessage() != null) {
            return error.getMessage();
        }
        return errorCode != null ? errorCode : "unknown error";
    }
}
