package io.clssdk.core.spi;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets for uploads: Nagle's algorithm off, and writes gathered into large sends.
 *
 * <p>Nagle: an upload is written as headers plus a body of many segments; with Nagle on, the last small segment waits
 * for the peer's delayed ACK (40 ms on Linux), which caps a connection at a few dozen requests per second.
 *
 * <p>Large sends: the socket's output stream is buffered ({@link #SEND_BUFFER_BYTES}), so a request head and small
 * writes are gathered and a body goes out in a handful of {@code send} calls, not one per small piece (each paying a
 * system call and a wake-up of the peer); every flush still reaches the network at once. TLS sockets are layered over
 * these, so HTTPS gets both (TLS writes and flushes whole records).
 */
final class UploadSocketFactory extends SocketFactory {
    static final int SEND_BUFFER_BYTES = 64 * 1024;

    @Override
    public Socket createSocket() throws IOException {
        Socket s = new UploadSocket();
        s.setTcpNoDelay(true);
        return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket s = createSocket();
        try {
            if (local != null) {
                s.bind(local);
            }
            s.connect(remote);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** A plain socket whose output stream gathers small writes until it is flushed or its buffer fills. */
    static final class UploadSocket extends Socket {
        private OutputStream out;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new BufferedOutputStream(super.getOutputStream(), SEND_BUFFER_BYTES);
            }
            return out;
        }
    }
}
