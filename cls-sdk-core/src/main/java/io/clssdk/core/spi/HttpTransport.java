package io.clssdk.core.spi;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.HttpProxy;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTP adapter: the SDK's own small HTTP/1.1 client over the JDK's sockets and TLS. Synchronous POSTs of byte
 * ranges with a Content-Length, over keep-alive connections pooled per host (and proxy); responses come back as a
 * plain {@link HttpResponse}. Thread-safe.
 *
 * <p>Failures before a response map to {@link ClsClientException}: timeouts to {@code TIMEOUT}, an interrupt of the
 * calling thread to {@code INTERRUPTED}, every other I/O error to {@code IO} ("POST &lt;url&gt; failed: ..."; header
 * values never appear in a message). A POST is never resent by the transport, redirects are returned as responses,
 * and certificate and host-name verification are never turned off. With an {@link HttpProxy} every request goes
 * through it (https in a CONNECT tunnel), its credentials sent up front; a 407 fails the request as {@code IO},
 * naming the proxy (never its password).
 *
 * <p>Timeouts: connect and read are the socket's own; the write timeout (per 64 KiB written) and the call timeout are
 * enforced by one watchdog thread per transport ({@link CallWatchdog}) that closes the socket of a late call.
 */
public final class HttpTransport implements Closeable {
    /** A pooled connection idle for longer is probed (a read of up to 1 ms) before reuse; busy ones never are. */
    static final long PROBE_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Parsed URLs kept at most (about 0.25 KiB each); uploads go to one URL per topic. */
    static final int MAX_CACHED_ROUTES = 16 * 1024;

    private final HttpConnection.Settings settings;
    private final long callTimeoutNanos;
    private final long probeAfterIdleNanos;
    private final ConnectionPool pool;
    private final CallWatchdog watchdog;
    /** Parsed URLs with the proxy chosen for each: uploads go to one URL per topic, over and over. */
    private final BoundedCache<String, HttpRoute> routes;

    private volatile boolean closed;

    /** A transport with its own connection pool and watchdog thread (started at the first request). */
    public HttpTransport(HttpOptions options) {
        this(options, PROBE_AFTER_IDLE_NANOS);
    }

    HttpTransport(HttpOptions options, long probeAfterIdleNanos) {
        X509TrustManager trustManager = options.trustManager();
        this.settings = new HttpConnection.Settings(
                new UploadSocketFactory(),
                trustManager == null ? null : sslContext(trustManager).getSocketFactory(),
                options.connectTimeout().toMillis(),
                options.readTimeout().toMillis(),
                options.writeTimeout().toMillis());
        HttpProxy proxy = options.proxy();
        this.routes = new BoundedCache<>(MAX_CACHED_ROUTES, url -> HttpRoute.of(url, proxy));
        this.callTimeoutNanos = options.callTimeout().toNanos();
        this.probeAfterIdleNanos = probeAfterIdleNanos;
        this.pool = new ConnectionPool(
                options.maxIdleConnections(), options.keepAlive().toNanos());
        this.watchdog = new CallWatchdog(pool);
    }

    /**
     * POSTs {@code body[offset, offset + length)}. Blocks until the response is read or the request fails.
     *
     * @param headers request headers (Host, Authorization, ...); Content-Type comes from {@code contentType}
     * @param maxBodyBytes the most response-body bytes to keep; the rest is discarded
     * @throws ClsClientException when no response arrives (I/O error, timeout, interrupt, {@link #cancelAll()})
     * @throws IllegalArgumentException if {@code url} is not an http(s) URL or a header is not valid HTTP
     */
    public HttpResponse post(
            String url,
            Map<String, String> headers,
            String contentType,
            byte[] body,
            int offset,
            int length,
            int maxBodyBytes) {
        HttpRoute route = routes.get(url);
        if (Thread.currentThread().isInterrupted()) {
            throw new ClsClientException(ClsClientException.Reason.INTERRUPTED, "POST " + url + " was interrupted");
        }
        CallWatchdog.Call call = watchdog.begin(callTimeoutNanos);
        HttpConnection connection = null;
        boolean reuse = false;
        try {
            connection = connection(route, call, url);
            connection.writeRequest(route, headers, contentType, body, offset, length, call);
            ResponseReader response = connection.reader();
            response.readHead();
            if (response.status() == 407 && route.proxied()) {
                throw route.proxyRefused(url);
            }
            byte[] bytes = response.readBody(maxBodyBytes);
            reuse = response.reusable();
            return HttpResponse.ofLowerCaseNames(response.status(), response.headers(), bytes);
        } catch (IOException e) {
            throw failure(url, e, call.state());
        } finally {
            watchdog.end(call);
            if (connection != null) {
                if (reuse && call.state() == CallWatchdog.RUNNING && !closed) {
                    pool.put(connection, System.nanoTime());
                } else {
                    connection.abort();
                }
            }
        }
    }

    /** A pooled connection that is still open, or a new one. */
    private HttpConnection connection(HttpRoute route, CallWatchdog.Call call, String url) throws IOException {
        for (HttpConnection c; (c = pool.take(route)) != null; ) {
            if (System.nanoTime() - c.idleSince < probeAfterIdleNanos || c.healthy()) {
                c.watchedBy(call);
                return c;
            }
            c.close();
        }
        return HttpConnection.open(route, settings, call, url);
    }

    private static ClsClientException failure(String url, IOException e, int state) {
        String post = "POST " + url;
        switch (state) {
            case CallWatchdog.CALL_TIMED_OUT:
                return new ClsClientException(
                        ClsClientException.Reason.TIMEOUT, post + " timed out: the call timeout passed", e);
            case CallWatchdog.WRITE_TIMED_OUT:
                return new ClsClientException(
                        ClsClientException.Reason.TIMEOUT, post + " timed out: the write timeout passed", e);
            case CallWatchdog.INTERRUPTED:
                return new ClsClientException(ClsClientException.Reason.INTERRUPTED, post + " was interrupted", e);
            case CallWatchdog.CANCELED:
                return new ClsClientException(ClsClientException.Reason.IO, post + " failed: canceled", e);
            default:
                break;
        }
        if (e instanceof SocketTimeoutException) {
            return new ClsClientException(ClsClientException.Reason.TIMEOUT, post + " timed out: " + e.getMessage(), e);
        }
        if (e instanceof InterruptedIOException) {
            boolean interrupted = Thread.currentThread().isInterrupted();
            return new ClsClientException(
                    interrupted ? ClsClientException.Reason.INTERRUPTED : ClsClientException.Reason.TIMEOUT,
                    post + (interrupted ? " was interrupted" : " timed out") + ": " + e.getMessage(),
                    e);
        }
        return new ClsClientException(ClsClientException.Reason.IO, post + " failed: " + e, e);
    }

    /** Aborts every request in progress (their callers get an I/O error); used when a producer gives up at close. */
    public void cancelAll() {
        watchdog.cancelAll();
    }

    /**
     * Closes the pooled connections and lets the watchdog thread end. Requests still in progress finish; their
     * connections are closed rather than pooled. The transport must not be used afterwards.
     */
    @Override
    public void close() {
        closed = true;
        pool.evictAll();
        watchdog.close();
    }

    /** Idle pooled connections, for tests. */
    int idleConnections() {
        return pool.idleCount();
    }

    private static SSLContext sslContext(X509TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise TLS with the given trust manager", e);
        }
    }
}
