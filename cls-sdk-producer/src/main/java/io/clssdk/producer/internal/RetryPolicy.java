package io.clssdk.producer.internal;

import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.spi.Backoff;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * When to try a failed upload again: errors the core classifies as retryable (I/O, timeouts, 408, 429, 5xx) except a
 * server certificate that TLS rejected, plus up to two retries after credentials were rejected in a way a refresh can
 * cure (expired STS token or key); never more than {@code maxRetries}. The wait is exponential with full jitter —
 * uniform in {@code [0, min(max, base * 2^retry))}, computed by core's shared {@link Backoff} — or the server's
 * {@code Retry-After} when that is longer.
 */
final class RetryPolicy {
    static final int MAX_AUTH_REFRESHES = 2;

    private final int maxRetries;
    private final Backoff backoff;
    private final long maxBackoffNanos;

    RetryPolicy(int maxRetries, Duration base, Duration max, Random random) {
        this.maxRetries = maxRetries;
        this.maxBackoffNanos = max.toNanos();
        this.backoff = Backoff.fullJitter(base.toNanos(), max.toNanos(), random);
    }

    /** The longest backoff (retryBackoffMax). */
    long maxBackoffNanos() {
        return maxBackoffNanos;
    }

    /**
     * The delay before the next attempt of a batch that has made {@code attempts} attempts and just failed with
     * {@code error}, or -1 when it should not be retried.
     */
    long nextDelayNanos(int attempts, int authRefreshes, ClsException error) {
        if (attempts > maxRetries) {
            return -1;
        }
        boolean retry = (error.retryable() && !certificateRejected(error))
                || (refreshableAuthFailure(error) && authRefreshes <= MAX_AUTH_REFRESHES);
        if (!retry) {
            return -1;
        }
        long delay = jitter(attempts - 1);
        if (error instanceof ClsServiceException) {
            Duration retryAfter = ((ClsServiceException) error).retryAfter();
            if (retryAfter != null) {
                delay = Math.max(delay, retryAfter.toNanos());
            }
        }
        return delay;
    }

    /** A random wait in {@code [0, min(max, base * 2^exponent))}. */
    long jitter(int exponent) {
        return backoff.delay(exponent);
    }

    /** 401s that new credentials can fix: an expired or revoked token, or a temporary key that expired. */
    static boolean refreshableAuthFailure(ClsException error) {
        if (!(error instanceof ClsServiceException)) {
            return false;
        }
        ClsServiceException e = (ClsServiceException) error;
        if (e.httpStatus() != 401 || e.errorCode() == null) {
            return false;
        }
        switch (e.errorCode()) {
            case "AuthFailure.TokenFailure":
            case "AuthFailure.SignatureExpire":
            case "AuthFailure.SecretIdNotFound":
            case "AuthFailure.InvalidSecretId":
                return true;
            default:
                return false;
        }
    }

    /**
     * The TLS handshake failed because the server's certificate is not trusted or does not name the host: a
     * configuration problem (trust store, endpoint, proxy) that retrying cannot cure, unlike a connection that broke.
     */
    static boolean certificateRejected(ClsException error) {
        for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * CLS refused the request for what one of its logs holds, and would refuse any request carrying that log: 400
     * {@code InvalidContent} or {@code InvalidParam} (a reserved key, a malformed value), 413, or 403
     * {@code LogSizeExceed} (values over 5 MB). A batch of several logs is split rather than failed (see
     * {@link BatchSplitter}).
     */
    static boolean rejectedForContent(ClsException error) {
        if (!(error instanceof ClsServiceException)) {
            return false;
        }
        ClsServiceException e = (ClsServiceException) error;
        String code = e.errorCode();
        switch (e.httpStatus()) {
            case 400:
                return "InvalidContent".equals(code) || "InvalidParam".equals(code);
            case 403:
                return "LogSizeExceed".equals(code);
            case 413:
                return true;
            default:
                return false;
        }
    }

    static boolean throttled(ClsException error) {
        return error instanceof ClsServiceException && ((ClsServiceException) error).httpStatus() == 429;
    }
}
