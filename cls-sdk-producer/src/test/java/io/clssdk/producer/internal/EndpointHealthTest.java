package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsServiceException;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {

    @Test
    void anAnswerNotFromClsCountsAsUnavailableLikeA5xx() {
        assertTrue(EndpointHealth.unavailable(new ClsServiceException(503, "ServiceUnavailable", "down", "r1")));
        assertTrue(EndpointHealth.unavailable(new ClsClientException(
                ClsClientException.Reason.NOT_FROM_CLS, "HTTP 200 answer did not come from CLS")));
        assertFalse(EndpointHealth.unavailable(new ClsServiceException(403, "OperationDenied", "no", "r2")));
        assertFalse(EndpointHealth.unavailable(
                new ClsClientException(ClsClientException.Reason.CREDENTIALS, "no credentials")));
    }
}
