package io.clssdk.core;

import io.clssdk.core.internal.auth.EnvironmentCredentials;
import io.clssdk.core.internal.auth.RefreshingCredentialsProvider;
import io.clssdk.core.spi.SystemClock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Supplies the credentials used to sign each request.
 *
 * <p>Implementations must be thread-safe; {@link #credentials()} is called once per request attempt, from the
 * SDK's I/O threads, and should return quickly (a cached value).
 */
@FunctionalInterface
public interface CredentialsProvider {
    /** Environment variable read by {@link #fromEnvironment()}, the same name the official Tencent Cloud SDKs use. */
    String ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID";
    /** Environment variable read by {@link #fromEnvironment()}. */
    String ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
    /** Optional environment variable with an STS session token, read by {@link #fromEnvironment()}. */
    String ENV_SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";

    /**
     * Returns the current credentials.
     *
     * @throws ClsClientException with reason {@code CREDENTIALS} when none can be obtained
     */
    Credentials credentials();

    /**
     * Tells the provider that CLS rejected its credentials (an expired or revoked token). Providers that can fetch
     * new credentials start doing so without blocking the caller; the default does nothing.
     */
    default void refresh() {}

    /** A provider that always returns {@code credentials}. */
    static CredentialsProvider of(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return () -> credentials;
    }

    /**
     * Reads {@value #ENV_SECRET_ID}, {@value #ENV_SECRET_KEY} and, if set, {@value #ENV_SESSION_TOKEN} once, now.
     *
     * @throws ClsClientException with reason {@code CREDENTIALS} naming the variable that is missing or empty
     */
    static CredentialsProvider fromEnvironment() {
        return of(EnvironmentCredentials.read(System::getenv));
    }

    /**
     * A provider for temporary credentials (STS, instance roles) that calls {@code fetcher} for new ones shortly
     * before the current ones expire.
     *
     * <p>The first call to {@link #credentials()} fetches on the calling thread. After that, the cached credentials
     * are returned at once; when fewer than {@code refreshBefore} remain before their {@link Credentials#expiration()},
     * a refresh starts on a short-lived background thread and the new value is swapped in atomically. A caller waits
     * for a fetch only when the cached credentials have already expired. Failed fetches are retried on the next call
     * and logged without any secret.
     *
     * @param fetcher returns fresh credentials, normally with an expiration; called from one thread at a time
     * @param refreshBefore how long before expiry to start refreshing (for example 5 minutes)
     */
    static CredentialsProvider refreshing(Callable<Credentials> fetcher, Duration refreshBefore) {
        return new RefreshingCredentialsProvider(fetcher, refreshBefore, SystemClock.INSTANCE);
    }
}
