package io.clssdk.tailer.internal.ship;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsClientException.Reason;
import io.clssdk.core.ClsServiceException;
import org.junit.jupiter.api.Test;

/** One case per class of final outcome: only logs CLS can never accept are permanent. */
class DeliveryFailureTest {
    private static ClsServiceException service(int status, String code) {
        return new ClsServiceException(status, code, "message", "req-1");
    }

    @Test
    void invalidContentOrParamsAreLogsThatCanNeverBeDelivered() {
        assertTrue(DeliveryFailure.permanent(service(400, "InvalidContent")));
        assertTrue(DeliveryFailure.permanent(service(400, "InvalidParam")));
    }

    @Test
    void tooLargeIsPermanent() {
        assertTrue(DeliveryFailure.permanent(service(413, null)));
        assertTrue(DeliveryFailure.permanent(service(403, "LogSizeExceed")));
        assertTrue(DeliveryFailure.permanent(new ClsClientException(Reason.INVALID_ARGUMENT, "log too large")));
    }

    @Test
    void clientSideFailuresOtherThanInvalidArgumentAreTransient() {
        for (Reason r : Reason.values()) {
            if (r != Reason.INVALID_ARGUMENT) {
                assertFalse(DeliveryFailure.permanent(new ClsClientException(r, "x")), r.toString());
            }
        }
    }

    @Test
    void serverErrorsAndThrottlingAreTransient() {
        assertFalse(DeliveryFailure.permanent(service(500, "InternalError")));
        assertFalse(DeliveryFailure.permanent(service(503, "ServiceUnavailable")));
        assertFalse(DeliveryFailure.permanent(service(429, "SpeedQuotaExceed")));
    }

    @Test
    void authorizationAndConfigurationProblemsAreTransient() {
        assertFalse(DeliveryFailure.permanent(service(401, "AuthFailure.SignatureExpire")));
        assertFalse(DeliveryFailure.permanent(service(403, "AuthFailure.TokenFailure")));
        assertFalse(DeliveryFailure.permanent(service(403, "NotAllowed")));
        assertFalse(DeliveryFailure.permanent(service(403, "AccountArrears")));
        assertFalse(DeliveryFailure.permanent(service(404, "TopicNotExist")));
        assertFalse(DeliveryFailure.permanent(service(400, "SomethingElse")));
    }

    @Test
    void anUnknownFailureIsTransient() {
        assertFalse(DeliveryFailure.permanent(null));
    }
}
