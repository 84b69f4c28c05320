package io.clssdk.examples.bench;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 endpoint that accepts every upload and discards it: it reads the headers and
 * {@code Content-Length} body bytes and answers {@code 200} with an {@code x-cls-requestid}. It does as little work
 * as possible so that, run in its own process, it measures the client and nothing else.
 *
 * <p>Run: {@code java -cp examples/target/benchmarks.jar io.clssdk.examples.bench.DiscardServer [port]}; it prints
 * {@code PORT <n>} on its first line and runs until killed or until its standard input closes.
 */
public final class DiscardServer implements AutoCloseable {
    /** The fake credentials every benchmark producer signs with ({@link VerifyingEndpoint} accepts them). */
    static final String SECRET_ID = "AKIDbenchmark0000";

    static final String SECRET_KEY = "benchmark-key";

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nx-cls-requestid: discard\r\nContent-Length: 0\r\n"
                    + "Content-Type: application/json\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public DiscardServer(int port) throws IOException {
        socket = new ServerSocket(port, 64, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptLoop, "discard-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public long requests() {
        return requests.get();
    }

    public long bytes() {
        return bytes.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "discard-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        byte[] body = new byte[64 * 1024];
        StringBuilder line = new StringBuilder();
        try (Socket closing = s;
                InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
                OutputStream out = s.getOutputStream()) {
            while (true) {
                long length = -1;
                boolean first = true;
                while (true) { // headers
                    line.setLength(0);
                    int c;
                    while ((c = in.read()) != -1 && c != '\n') {
                        if (c != '\r') {
                            line.append((char) c);
                        }
                    }
                    if (c == -1) {
                        return;
                    }
                    if (line.length() == 0) {
                        if (first) {
                            continue;
                        }
                        break;
                    }
                    first = false;
                    if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                for (long left = Math.max(0, length); left > 0; ) {
                    int n = in.read(body, 0, (int) Math.min(body.length, left));
                    if (n < 0) {
                        return;
                    }
                    left -= n;
                }
                bytes.addAndGet(Math.max(0, length));
                requests.incrementAndGet();
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * A producer that uploads to a discard server on loopback {@code port}, with {@code options} plus what every
     * benchmark sets the same way: fixed fake credentials, source IP and hostname (no host lookups), and no JMX.
     */
    public static ClsProducer producer(int port, ProducerOptions.Builder options) {
        return producer("http://127.0.0.1:" + port, options);
    }

    /** As {@link #producer(int, ProducerOptions.Builder)}, to the endpoint at {@code url}. */
    public static ClsProducer producer(String url, ProducerOptions.Builder options) {
        return ClsProducer.builder()
                .endpoint(ClsEndpoint.parse(url))
                .credentials(CredentialsProvider.of(Credentials.of(SECRET_ID, SECRET_KEY)))
                .options(options.sourceIp("10.0.0.1")
                        .hostname("bench")
                        .jmx(false)
                        .build())
                .build();
    }

    public static void main(String[] args) throws Exception {
        try (DiscardServer server = new DiscardServer(args.length > 0 ? Integer.parseInt(args[0]) : 0)) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // run until the parent closes our stdin (or kills us)
            }
        }
    }
}
