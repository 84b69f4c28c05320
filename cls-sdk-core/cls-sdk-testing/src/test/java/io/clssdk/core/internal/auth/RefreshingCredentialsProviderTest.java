package io.clssdk.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.Credentials;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.internal.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshingCredentialsProviderTest {
    private final FakeClock clock = new FakeClock();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final AtomicInteger fetches = new AtomicInteger();

    private Credentials next(Duration lifetime) {
        int n = fetches.incrementAndGet();
        return Credentials.of(
                "AKIDtemporary" + n,
                "key" + n,
                "token" + n,
                Instant.ofEpochMilli(clock.currentTimeMillis()).plus(lifetime));
    }

    @Test
    void firstCallFetchesOnTheCallerThenCaches() {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(
                () -> next(Duration.ofHours(1)), Duration.ofMinutes(5), clock, background::add);
        Credentials first = p.credentials();
        assertSame(first, p.credentials());
        assertEquals(1, fetches.get());
        assertTrue(background.isEmpty());
    }

    @Test
    void refreshesInTheBackgroundShortlyBeforeExpiryAndSwapsAtomically() {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(
                () -> next(Duration.ofHours(1)), Duration.ofMinutes(5), clock, background::add);
        Credentials first = p.credentials();
        clock.advance(Duration.ofMinutes(56));
        assertSame(first, p.credentials(), "the caller gets the still-valid credentials at once");
        assertEquals(1, background.size());
        p.credentials();
        assertEquals(1, background.size(), "only one refresh is queued at a time");
        background.poll().run();
        Credentials second = p.credentials();
        assertEquals("AKIDtemporary2", second.secretId());
        assertEquals(2, fetches.get());
    }

    @Test
    void expiredCredentialsAreFetchedSynchronously() {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(
                () -> next(Duration.ofMinutes(10)), Duration.ofMinutes(1), clock, background::add);
        p.credentials();
        clock.advance(Duration.ofMinutes(11));
        assertEquals("AKIDtemporary2", p.credentials().secretId());
    }

    @Test
    void refreshOnRejectionRunsOffTheCallerThread() {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(
                () -> next(Duration.ofHours(1)), Duration.ofMinutes(5), clock, background::add);
        p.credentials();
        p.refresh();
        assertEquals(1, fetches.get());
        background.poll().run();
        assertEquals("AKIDtemporary2", p.credentials().secretId());
    }

    @Test
    void fetchFailureIsAClearCredentialsErrorWithoutSecrets() {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(
                () -> {
                    throw new IllegalStateException("STS endpoint unreachable");
                },
                Duration.ofMinutes(5),
                clock,
                background::add);
        ClsClientException e = assertThrows(ClsClientException.class, p::credentials);
        assertEquals(ClsClientException.Reason.CREDENTIALS, e.reason());
        assertTrue(e.getMessage().contains("STS endpoint unreachable"));
    }

    @Test
    void failedBackgroundRefreshKeepsTheCurrentCredentials() {
        AtomicInteger calls = new AtomicInteger();
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider(
                () -> {
                    if (calls.incrementAndGet() > 1) {
                        throw new IllegalStateException("down");
                    }
                    return next(Duration.ofHours(1));
                },
                Duration.ofMinutes(5),
                clock,
                background::add);
        Credentials first = p.credentials();
        p.refresh();
        background.poll().run();
        assertSame(first, p.credentials());
        assertFalse(p.toString().contains(first.secretKey()));
    }

    @Test
    void defaultExecutorLeavesNoThreadBehind() throws Exception {
        RefreshingCredentialsProvider p =
                new RefreshingCredentialsProvider(() -> next(Duration.ofHours(1)), Duration.ofMinutes(5), clock);
        p.credentials();
        p.refresh();
        Await.until("the background refresh fetched", () -> fetches.get() >= 2);
        assertEquals(2, fetches.get());
        Await.until("the refresh thread ended", () -> !threadAlive("cls-credentials-refresh"));
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name));
    }
}
