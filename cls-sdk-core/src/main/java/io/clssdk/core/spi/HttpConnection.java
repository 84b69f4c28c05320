package io.clssdk.core.spi;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection: a TCP socket, through a proxy's CONNECT tunnel if the route has one, with TLS on top for
 * https. Carries one request at a time; the pool hands it to one caller at a time.
 *
 * <p>TLS: the trust of the given socket factory, SNI for the host, and host-name verification by the JDK's {@code
 * HTTPS} endpoint identification; never relaxed. Failures and timeouts close the TCP socket itself (see {@link
 * #abort()}), which also unblocks a TLS socket layered over it.
 */
final class HttpConnection {
    /** Body bytes handed to the socket per write, each under a fresh write deadline. */
    private static final int WRITE_CHUNK_BYTES = 64 * 1024;
    /** TLS records carry at most 16 KiB: gather the head and small bodies into full records. */
    private static final int TLS_BUFFER_BYTES = 16 * 1024;

    final HttpRoute route;
    /** When it was last returned to the pool, System.nanoTime(). */
    long idleSince;

    private final Socket raw;
    private final Socket socket;
    private final OutputStream out;
    private final ResponseReader reader;
    private final RequestHead head = new RequestHead();
    private final Settings settings;

    private HttpConnection(HttpRoute route, Socket raw, Socket socket, OutputStream out, Settings settings)
            throws IOException {
        this.route = route;
        this.raw = raw;
        this.socket = socket;
        this.out = out;
        this.reader = new ResponseReader(socket.getInputStream());
        this.settings = settings;
    }

    /**
     * Connects (trying each address of the host or proxy in turn), opens a tunnel for https through a proxy, and
     * completes the TLS handshake. The call watches each socket as it is made.
     */
    static HttpConnection open(HttpRoute route, Settings settings, CallWatchdog.Call call, String url)
            throws IOException {
        Socket raw = connect(route, settings, call);
        try {
            raw.setSoTimeout(settings.readTimeoutMs);
            if (!route.target.https) {
                return new HttpConnection(route, raw, raw, raw.getOutputStream(), settings);
            }
            if (route.proxied()) {
                ProxyTunnel.open(raw, route, settings, call, url);
            }
            SSLSocketFactory factory =
                    settings.tls != null ? settings.tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
            SSLSocket tls = (SSLSocket) factory.createSocket(raw, route.target.host, route.target.port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(modernProtocols(parameters.getProtocols()));
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            OutputStream out = new BufferedOutputStream(tls.getOutputStream(), TLS_BUFFER_BYTES);
            return new HttpConnection(route, raw, tls, out, settings);
        } catch (IOException | RuntimeException e) {
            CallWatchdog.closeQuietly(raw);
            throw e;
        }
    }

    /** TLS 1.2 and 1.3 only, of those the JDK enables (an old Java 8 may still enable 1.0 and 1.1), as OkHttp did. */
    private static String[] modernProtocols(String[] enabled) {
        List<String> modern = new ArrayList<>(2);
        for (String p : enabled) {
            if (p.equals("TLSv1.3") || p.equals("TLSv1.2")) {
                modern.add(p);
            }
        }
        return modern.toArray(new String[0]); // none: the handshake fails rather than fall back
    }

    private static Socket connect(HttpRoute route, Settings settings, CallWatchdog.Call call) throws IOException {
        String host = route.proxied() ? route.proxyHost : route.target.host;
        int port = route.proxied() ? route.proxyPort : route.target.port;
        InetAddress[] addresses = InetAddress.getAllByName(host);
        IOException failure = null;
        for (InetAddress address : addresses) {
            Socket s = settings.sockets.createSocket();
            try {
                call.attach(s);
                s.connect(new InetSocketAddress(address, port), settings.connectTimeoutMs);
                return s;
            } catch (IOException e) {
                CallWatchdog.closeQuietly(s);
                if (call.state() != CallWatchdog.RUNNING) {
                    throw e;
                }
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure;
    }

    /**
     * Sends the request head for {@code request} (a URL of this connection's route) and the body range, each body
     * chunk under the write timeout, and flushes.
     */
    void writeRequest(
            HttpRoute request,
            Map<String, String> headers,
            String contentType,
            byte[] body,
            int offset,
            int length,
            CallWatchdog.Call call)
            throws IOException {
        long writeTimeoutNanos = settings.writeTimeoutNanos;
        int headLength = head.encode(request, headers, contentType, length);
        call.writeDeadline = System.nanoTime() + writeTimeoutNanos;
        out.write(head.bytes(), 0, headLength);
        for (int pos = offset, end = offset + length; pos < end; pos += WRITE_CHUNK_BYTES) {
            if (pos > offset) {
                call.writeDeadline = System.nanoTime() + writeTimeoutNanos;
            }
            out.write(body, pos, Math.min(WRITE_CHUNK_BYTES, end - pos));
        }
        out.flush();
        call.writeDeadline = 0;
    }

    /** Lets {@code call} stop this connection from now on (a pooled connection taken for a new call). */
    void watchedBy(CallWatchdog.Call call) throws IOException {
        call.attach(raw);
    }

    /** The response reader, for the response to the request just written. */
    ResponseReader reader() {
        return reader;
    }

    /**
     * Whether an idle connection can carry a request: true unless the server closed it (or sent something unasked).
     * Costs a read of up to 1 ms, so only connections idle for a while are probed.
     */
    boolean healthy() {
        if (socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown()) {
            return false;
        }
        try {
            socket.setSoTimeout(1);
            try {
                return !reader.closedOrUnexpectedData();
            } finally {
                socket.setSoTimeout(settings.readTimeoutMs);
            }
        } catch (SocketTimeoutException e) {
            return true; // nothing to read: still open
        } catch (IOException e) {
            return false;
        }
    }

    /** Closes the TCP socket at once (no TLS close_notify): for failures and stopped calls. */
    void abort() {
        CallWatchdog.closeQuietly(raw);
    }

    /** Closes an idle connection politely. */
    void close() {
        CallWatchdog.closeQuietly(socket);
        CallWatchdog.closeQuietly(raw);
    }

    /** What opening a connection needs from the transport's options. */
    static final class Settings {
        final SocketFactory sockets;
        /** null: the JDK's default (its default trust store), created at the first https connection. */
        final SSLSocketFactory tls;

        final int connectTimeoutMs;
        final int readTimeoutMs;
        final long writeTimeoutNanos;

        Settings(SocketFactory sockets, SSLSocketFactory tls, long connectTimeoutMs, long readTimeoutMs, long writeMs) {
            this.sockets = sockets;
            this.tls = tls;
            this.connectTimeoutMs = millis(connectTimeoutMs);
            this.readTimeoutMs = millis(readTimeoutMs);
            this.writeTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(writeMs);
        }

        private static int millis(long ms) {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(1, ms));
        }
    }
}
