package io.clssdk.core.testing.internal;

import io.clssdk.core.spi.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when a test moves it. Components that wait for a deadline register a listener to be woken
 * when time advances, so tests never sleep through lingers, backoffs or expiries. Thread-safe.
 */
public final class FakeClock implements Clock {
    private final AtomicLong millis;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public FakeClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    /** A clock starting at 2023-11-14T22:13:20Z (epoch second 1,700,000,000). */
    public FakeClock() {
        this(1_700_000_000_000L);
    }

    @Override
    public long currentTimeMillis() {
        return millis.get();
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Moves both readings forward and wakes every listener. */
    public void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
        nanos.addAndGet(duration.toNanos());
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /** Sets the wall clock (not the monotonic reading), for clock-skew tests. */
    public void setWallMillis(long wallMillis) {
        millis.set(wallMillis);
    }

    /** Registers a listener run (on the advancing thread) after every {@link #advance}. */
    @Override
    public void onAdvance(Runnable listener) {
        listeners.add(listener);
    }
}
