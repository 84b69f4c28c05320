package io.clssdk.core.spi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Idle keep-alive connections: at most {@code maxIdle} over all routes, each closed once idle for {@code keepAlive}.
 * The most recently used connection of a route is handed out first (the one least likely to have been closed by the
 * server). Thread-safe; sockets are closed outside the lock.
 */
final class ConnectionPool {
    private final int maxIdle;
    private final long keepAliveNanos;
    /** Most recently returned first. */
    private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();

    ConnectionPool(int maxIdle, long keepAliveNanos) {
        this.maxIdle = maxIdle;
        this.keepAliveNanos = keepAliveNanos;
    }

    /** An idle connection for {@code route} (removed from the pool), or null. Does not check its health. */
    HttpConnection take(HttpRoute route) {
        synchronized (this) {
            for (Iterator<HttpConnection> it = idle.iterator(); it.hasNext(); ) {
                HttpConnection c = it.next();
                if (c.route.sameConnection(route)) {
                    it.remove();
                    return c;
                }
            }
        }
        return null;
    }

    /** Keeps {@code c} for reuse, closing the oldest idle connection if the pool is over its size. */
    void put(HttpConnection c, long now) {
        c.idleSince = now;
        HttpConnection evicted = null;
        synchronized (this) {
            idle.addFirst(c);
            if (idle.size() > maxIdle) {
                evicted = idle.removeLast();
            }
        }
        if (evicted != null) {
            evicted.close();
        }
    }

    /** Closes connections idle for longer than the keep-alive; returns when the next one expires (or MAX_VALUE). */
    long evictExpired(long now) {
        List<HttpConnection> expired = null;
        long next;
        synchronized (this) {
            HttpConnection oldest;
            while ((oldest = idle.peekLast()) != null && now - oldest.idleSince >= keepAliveNanos) {
                (expired == null ? expired = new ArrayList<>() : expired).add(idle.removeLast());
            }
            next = oldest == null ? Long.MAX_VALUE : oldest.idleSince + keepAliveNanos;
        }
        closeAll(expired);
        return next;
    }

    /** Closes every idle connection. */
    void evictAll() {
        List<HttpConnection> all;
        synchronized (this) {
            all = new ArrayList<>(idle);
            idle.clear();
        }
        closeAll(all);
    }

    synchronized int idleCount() {
        return idle.size();
    }

    private static void closeAll(List<HttpConnection> connections) {
        if (connections != null) {
            for (HttpConnection c : connections) {
                c.close();
            }
        }
    }
}
