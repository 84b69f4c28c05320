package io.clssdk.core.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests: for a condition, bounded by real time, never for a fixed time. A bound only decides how long a
 * broken build takes to fail; a passing run waits exactly as long as the code under test needs.
 */
public final class Await {
    /** The default bound: generous, because a loaded CI machine may be many times slower than a laptop. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Await() {}

    /** A {@link System#nanoTime()} deadline {@code bound} from now. */
    public static long deadline(Duration bound) {
        return System.nanoTime() + bound.toNanos();
    }

    /** Waits until {@code condition} holds; fails the test after {@link #DEFAULT_BOUND}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, deadline(DEFAULT_BOUND));
    }

    /**
     * Waits until {@code condition} holds, polling it; fails the test (an {@link AssertionError} naming {@code what})
     * once {@link System#nanoTime()} passes {@code deadlineNanos}.
     */
    public static void until(String what, BooleanSupplier condition, long deadlineNanos) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }

    /**
     * True while {@code thread} is parked (waiting on a lock, condition or timed wait) inside method {@code method} of
     * the class named {@code className}: how a test knows another thread has reached a blocking call without
     * sleeping "long enough".
     */
    public static boolean parkedIn(Thread thread, String className, String method) {
        if (!parked(thread)) {
            return false;
        }
        boolean inside = false;
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(className) && frame.getMethodName().equals(method)) {
                inside = true;
                break;
            }
        }
        return inside && parked(thread);
    }

    private static boolean parked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }
}
