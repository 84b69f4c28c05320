package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsServiceException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final long MS = 1_000_000L;
    private final RetryPolicy policy =
            new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(10), new Random(1));

    @Test
    void fullJitterStaysUnderTheExponentialCeiling() {
        for (int exponent = 0; exponent < 70; exponent++) {
            long ceiling = Math.min(10_000 * MS, 100 * MS << Math.min(exponent, 20));
            long max = 0;
            for (int i = 0; i < 2000; i++) {
                long d = policy.jitter(exponent);
                assertTrue(d >= 0 && d < ceiling, "exponent " + exponent + ": " + d);
                max = Math.max(max, d);
            }
            assertTrue(max > ceiling / 2, "jitter spreads over the range");
        }
    }

    @Test
    void retriesRetryableErrorsUpToTheCap() {
        ClsServiceException unavailable = new ClsServiceException(503, "Unavailable", "x", "r");
        for (int attempts = 1; attempts <= 5; attempts++) {
            assertTrue(policy.nextDelayNanos(attempts, 0, unavailable) >= 0);
        }
        assertEquals(-1, policy.nextDelayNanos(6, 0, unavailable), "maxRetries 5 = 6 attempts at most");
        assertTrue(policy.nextDelayNanos(1, 0, new ClsClientException(ClsClientException.Reason.IO, "reset")) >= 0);
    }

    @Test
    void doesNotRetryClientErrors() {
        for (int status : new int[] {400, 403, 404, 413}) {
            assertEquals(-1, policy.nextDelayNanos(1, 0, new ClsServiceException(status, "X", "x", "r")));
        }
        assertEquals(
                -1,
                policy.nextDelayNanos(
                        1, 0, new ClsServiceException(401, "AuthFailure.SignatureFailure", "wrong key", "r")));
        assertEquals(
                -1,
                policy.nextDelayNanos(1, 0, new ClsClientException(ClsClientException.Reason.INVALID_ARGUMENT, "bad")));
    }

    @Test
    void recognisesTheAnswersCLSGivesForARequestWithABadLog() {
        String[][] content = {{"400", "InvalidContent"}, {"400", "InvalidParam"}, {"403", "LogSizeExceed"}, {"413", "X"}
        };
        for (String[] c : content) {
            assertTrue(RetryPolicy.rejectedForContent(new ClsServiceException(Integer.parseInt(c[0]), c[1], "x", "r")));
        }
        String[][] other = {
            {"400", "MissingContent"}, {"400", "TopicClosed"}, {"403", "NotAllowed"}, {"401", "InvalidParam"},
            {"404", "TopicNotExist"}, {"429", "SpeedQuotaExceed"}, {"500", "InternalError"}, {"400", null}
        };
        for (String[] c : other) {
            assertFalse(
                    RetryPolicy.rejectedForContent(new ClsServiceException(Integer.parseInt(c[0]), c[1], "x", "r")));
        }
        assertFalse(RetryPolicy.rejectedForContent(new ClsClientException(ClsClientException.Reason.IO, "reset")));
    }

    @Test
    void doesNotRetryACertificateThatTlsRejected() {
        // Regression: an untrusted certificate was retried like a broken connection until the delivery timeout
        ClsClientException untrusted = new ClsClientException(
                ClsClientException.Reason.IO,
                "POST https://127.0.0.1/structuredlog failed",
                new SSLHandshakeException("PKIX path building failed"));
        untrusted.getCause().initCause(new CertificateException("unable to find valid certification path"));
        assertEquals(-1, policy.nextDelayNanos(1, 0, untrusted));
        ClsClientException wrongHost = new ClsClientException(
                ClsClientException.Reason.IO, "failed", new SSLPeerUnverifiedException("Hostname not verified"));
        assertEquals(-1, policy.nextDelayNanos(1, 0, wrongHost));
        ClsClientException brokenHandshake = new ClsClientException(
                ClsClientException.Reason.IO,
                "failed",
                new SSLHandshakeException("Remote host terminated the handshake"));
        assertTrue(policy.nextDelayNanos(1, 0, brokenHandshake) >= 0, "a handshake cut short is worth retrying");
    }

    @Test
    void retriesExpiredTokensTwiceAfterRefreshing() {
        ClsServiceException expired = new ClsServiceException(401, "AuthFailure.TokenFailure", "expired", "r");
        assertTrue(RetryPolicy.refreshableAuthFailure(expired));
        assertTrue(policy.nextDelayNanos(1, 1, expired) >= 0);
        assertTrue(policy.nextDelayNanos(2, 2, expired) >= 0);
        assertEquals(-1, policy.nextDelayNanos(3, 3, expired));
    }

    @Test
    void retryAfterWinsWhenLonger() {
        ClsServiceException throttled =
                new ClsServiceException(429, "SpeedQuotaExceed", "slow down", "r", true, Duration.ofSeconds(30));
        assertEquals(30_000 * MS, policy.nextDelayNanos(1, 0, throttled));
        assertTrue(RetryPolicy.throttled(throttled));
    }
}
