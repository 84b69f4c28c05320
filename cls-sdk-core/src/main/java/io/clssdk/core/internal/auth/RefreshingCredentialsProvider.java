package io.clssdk.core.internal.auth;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.spi.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches temporary credentials and refreshes them before they expire (see
 * {@link CredentialsProvider#refreshing(Callable, Duration)} for the contract).
 *
 * <p>Invariant: {@link #current} only ever moves to credentials returned by the fetcher; fetches are serialised by
 * {@link #fetchLock}, and at most one background refresh is queued at a time ({@link #refreshing}).
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshingCredentialsProvider.class);

    private final Callable<Credentials> fetcher;
    private final long refreshBeforeMs;
    private final Clock clock;
    private final Executor background;
    private final AtomicReference<Credentials> current = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Object fetchLock = new Object();

    public RefreshingCredentialsProvider(Callable<Credentials> fetcher, Duration refreshBefore, Clock clock) {
        this(fetcher, refreshBefore, clock, RefreshingCredentialsProvider::startDaemon);
    }

    public RefreshingCredentialsProvider(
            Callable<Credentials> fetcher, Duration refreshBefore, Clock clock, Executor background) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        if (refreshBefore.isNegative()) {
            throw new IllegalArgumentException("refreshBefore must not be negative, got " + refreshBefore);
        }
        this.refreshBeforeMs = refreshBefore.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = Objects.requireNonNull(background, "background");
    }

    @Override
    public Credentials credentials() {
        Credentials cached = current.get();
        long now = clock.currentTimeMillis();
        if (cached != null && !expired(cached, now)) {
            if (dueForRefresh(cached, now)) {
                refresh();
            }
            return cached;
        }
        synchronized (fetchLock) {
            cached = current.get();
            if (cached != null && !expired(cached, clock.currentTimeMillis())) {
                return cached;
            }
            return fetch();
        }
    }

    @Override
    public void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    synchronized (fetchLock) {
                        fetch();
                    }
                } catch (ClsClientException e) {
                    LOG.warn("Background credentials refresh failed; will retry on next use: {}", e.getMessage());
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RuntimeException e) {
            refreshing.set(false);
            LOG.warn("Could not start a credentials refresh: {}", e.toString());
        }
    }

    private Credentials fetch() {
        Credentials fresh;
        try {
            fresh = fetcher.call();
        } catch (Exception e) {
            throw new ClsClientException(
                    ClsClientException.Reason.CREDENTIALS,
                    "fetching credentials failed: " + e.getClass().getName() + ": " + e.getMessage(),
                    e);
        }
        if (fresh == null) {
            throw new ClsClientException(
                    ClsClientException.Reason.CREDENTIALS, "the credentials fetcher returned null");
        }
        if (expired(fresh, clock.currentTimeMillis())) {
            LOG.warn("The credentials fetcher returned credentials that already expired at {}", fresh.expiration());
        }
        current.set(fresh);
        return fresh;
    }

    private static boolean expired(Credentials c, long nowMs) {
        Instant expiration = c.expiration();
        return expiration != null && nowMs >= expiration.toEpochMilli();
    }

    private boolean dueForRefresh(Credentials c, long nowMs) {
        Instant expiration = c.expiration();
        return expiration != null && nowMs >= expiration.toEpochMilli() - refreshBeforeMs;
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "cls-credentials-refresh");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String toString() {
        return "RefreshingCredentialsProvider{current=" + current.get() + '}';
    }
}
