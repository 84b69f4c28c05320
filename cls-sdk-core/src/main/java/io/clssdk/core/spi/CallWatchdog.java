package io.clssdk.core.spi;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the deadlines blocking socket calls cannot: the whole-call timeout, the write timeout, an interrupt of the
 * calling thread and {@link #cancelAll()}. One daemon thread per transport closes the socket of a call that passed a
 * deadline, which fails the blocked read or write at once; the caller then learns why from {@link Call#state()}.
 *
 * <p>Cost per request: one synchronized add and remove. While calls are in flight (and for a second after) the thread
 * checks them every {@link #TICK_MS}, so a deadline fires at most that late; when quiet it sleeps until the pool's
 * next idle connection expires ({@link ConnectionPool#evictExpired}) and exits when there is nothing left to watch.
 * A new call wakes it (or starts a new one) only after such a quiet spell.
 */
final class CallWatchdog {
    static final long TICK_MS = 25;
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

    static final int RUNNING = 0;
    static final int CALL_TIMED_OUT = 1;
    static final int WRITE_TIMED_OUT = 2;
    static final int INTERRUPTED = 3;
    static final int CANCELED = 4;

    private final ConnectionPool pool;
    private final Set<Call> calls = new LinkedHashSet<>();
    private Thread thread;
    private boolean sleeping;
    private long lastBusy;

    CallWatchdog(ConnectionPool pool) {
        this.pool = pool;
    }

    /** A call in progress: its deadlines and the socket to close when one passes. */
    static final class Call {
        final Thread caller = Thread.currentThread();
        /** System.nanoTime() the whole call must end by; 0: none. */
        final long callDeadline;
        /** The deadline of the write in progress; 0: none. */
        volatile long writeDeadline;

        private volatile Socket socket;
        private volatile int state = RUNNING;

        Call(long callDeadline) {
            this.callDeadline = callDeadline;
        }

        /** Watches {@code s} from now on; fails at once if the call was already stopped. */
        void attach(Socket s) throws IOException {
            socket = s;
            if (state != RUNNING) {
                closeQuietly(s);
                throw new IOException("the call was stopped");
            }
        }

        int state() {
            return state;
        }

        void stop(int why) {
            if (state == RUNNING) {
                state = why;
                Socket s = socket;
                if (s != null) {
                    closeQuietly(s);
                }
            }
        }

        /** Why the call must stop now, or RUNNING. */
        int lateness(long now) {
            if (callDeadline != 0 && now - callDeadline >= 0) {
                return CALL_TIMED_OUT;
            }
            long w = writeDeadline;
            if (w != 0 && now - w >= 0) {
                return WRITE_TIMED_OUT;
            }
            return caller.isInterrupted() ? INTERRUPTED : RUNNING;
        }
    }

    /** Registers a call of the current thread; {@code callTimeoutNanos} 0 means no whole-call deadline. */
    Call begin(long callTimeoutNanos) {
        long now = System.nanoTime();
        Call call = new Call(callTimeoutNanos == 0 ? 0 : (now + callTimeoutNanos) | 1);
        synchronized (this) {
            calls.add(call);
            lastBusy = now;
            if (thread == null) {
                thread = new Thread(this::run, "cls-http-watchdog");
                thread.setDaemon(true);
                thread.start();
            } else if (sleeping) {
                notifyAll();
            }
        }
        return call;
    }

    synchronized void end(Call call) {
        calls.remove(call);
    }

    /** Stops every call in progress; their callers fail with an I/O error. */
    synchronized void cancelAll() {
        for (Call c : calls) {
            c.stop(CANCELED);
        }
    }

    /**
     * Lets the thread end once no call is in flight (calls still running are watched to their end); waits for it a
     * moment when none is. Call after emptying the pool.
     */
    void close() {
        Thread t;
        synchronized (this) {
            lastBusy = System.nanoTime() - LINGER_NANOS;
            notifyAll();
            t = calls.isEmpty() ? thread : null;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        synchronized (this) {
            try {
                while (watchOnce()) {
                    // watchOnce waits
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                // under the same lock as the last round: a call registered later starts a new thread
                thread = null;
                sleeping = false;
            }
        }
    }

    /** One round, called holding the lock: stops late calls, evicts stale connections, waits; false to exit. */
    private boolean watchOnce() throws InterruptedException {
        long now = System.nanoTime();
        List<Call> late = null;
        for (Call c : calls) {
            int why = c.lateness(now);
            if (why != RUNNING) {
                c.stop(why);
                (late == null ? late = new ArrayList<>() : late).add(c);
            }
        }
        if (late != null) {
            calls.removeAll(late);
        }
        long nextExpiry = pool.evictExpired(now);
        if (!calls.isEmpty()) {
            lastBusy = now;
        }
        if (now - lastBusy < LINGER_NANOS) {
            wait(TICK_MS);
            return true;
        }
        if (nextExpiry == Long.MAX_VALUE) {
            return false; // nothing in flight, nothing pooled: a new call starts a new thread
        }
        sleeping = true;
        try {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextExpiry - now) + 1));
        } finally {
            sleeping = false;
        }
        return true;
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException | RuntimeException e) {
            // closing is all that is asked
        }
    }
}
