package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The upload sockets: Nagle off, small writes gathered until a flush, and nothing lost or reordered on the way. */
class UploadSocketFactoryTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void everyWayOfCreatingASocketGivesAnUploadSocketWithNagleOff() throws Exception {
        UploadSocketFactory factory = new UploadSocketFactory();
        try (ServerSocket server = new ServerSocket(0, 8, LOOPBACK)) {
            int port = server.getLocalPort();
            Socket[] sockets = {
                factory.createSocket(),
                factory.createSocket(LOOPBACK.getHostAddress(), port),
                factory.createSocket(LOOPBACK, port),
                factory.createSocket(LOOPBACK.getHostAddress(), port, LOOPBACK, 0),
                factory.createSocket(LOOPBACK, port, LOOPBACK, 0)
            };
            for (Socket s : sockets) {
                try (Socket closing = s) {
                    assertTrue(
                            s instanceof UploadSocketFactory.UploadSocket,
                            s.getClass().getName());
                    assertTrue(s.getTcpNoDelay(), "TCP_NODELAY");
                }
            }
        }
    }

    @Test
    void smallWritesWaitForTheFlushAndArriveWholeAndInOrder() throws Exception {
        UploadSocketFactory factory = new UploadSocketFactory();
        byte[] body = new byte[5 * UploadSocketFactory.SEND_BUFFER_BYTES + 123];
        new Random(3).nextBytes(body);
        try (ServerSocket server = new ServerSocket(0, 8, LOOPBACK);
                Socket client = factory.createSocket(LOOPBACK, server.getLocalPort());
                Socket peer = server.accept()) {
            OutputStream out = client.getOutputStream();
            InputStream in = peer.getInputStream();
            peer.setSoTimeout(300);

            out.write(body, 0, 100);
            assertThrows(SocketTimeoutException.class, in::read, "a small write is held until the flush");
            out.flush();
            peer.setSoTimeout(10_000);
            byte[] first = new byte[100];
            new DataInputStream(in).readFully(first);
            assertArrayEquals(java.util.Arrays.copyOf(body, 100), first);

            // the rest in OkHttp-sized pieces (8 KiB), then one flush
            for (int off = 100; off < body.length; off += 8192) {
                out.write(body, off, Math.min(8192, body.length - off));
            }
            out.flush();
            byte[] rest = new byte[body.length - 100];
            new DataInputStream(in).readFully(rest);
            assertArrayEquals(java.util.Arrays.copyOfRange(body, 100, body.length), rest);
            assertEquals(out, client.getOutputStream(), "one stream per socket");
        }
    }
}
