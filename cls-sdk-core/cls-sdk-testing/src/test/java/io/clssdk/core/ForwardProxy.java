package io.clssdk.core;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 forward proxy on 127.0.0.1 for tests: absolute-form requests ({@code POST http://host/path}) are
 * forwarded to their target and the answer relayed back; {@code CONNECT host:port} opens a tunnel. With credentials set,
 * every request without the matching {@code Proxy-Authorization: Basic} header gets a 407 challenge. One request per
 * client connection after a forward (the relayed answer says {@code Connection: close}); 407s keep the connection.
 */
final class ForwardProxy implements Closeable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Request lines the proxy accepted and forwarded or tunnelled, in order. */
    final List<String> forwarded = new CopyOnWriteArrayList<>();
    /** How many 407 challenges the proxy sent. */
    final AtomicInteger challenges = new AtomicInteger();

    private ForwardProxy(String username, String password) throws IOException {
        this.expectedAuthorization = username == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ':' + password).getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ForwardProxy open() throws IOException {
        return new ForwardProxy(null, null);
    }

    static ForwardProxy requiring(String username, String password) throws IOException {
        return new ForwardProxy(username, password);
    }

    HttpProxy address() {
        return HttpProxy.of("127.0.0.1", server.getLocalPort());
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void serve(Socket client) {
        try (Socket c = client) {
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String requestLine = head.get(0);
                byte[] body = readBody(in, header(head, "content-length"));
                if (expectedAuthorization != null
                        && !expectedAuthorization.equals(header(head, "proxy-authorization"))) {
                    challenges.incrementAndGet();
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                                    + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                forwarded.add(requestLine);
                if (requestLine.startsWith("CONNECT ")) {
                    tunnel(c, requestLine.split(" ")[1]);
                } else {
                    forward(head, body, out);
                }
                return;
            }
        } catch (IOException e) {
            // the client or the target went away
        }
    }

    private void forward(List<String> head, byte[] body, OutputStream out) throws IOException {
        String[] parts = head.get(0).split(" ");
        URI target = URI.create(parts[1]);
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            StringBuilder sb = new StringBuilder();
            sb.append(parts[0]).append(' ').append(target.getRawPath());
            if (target.getRawQuery() != null) {
                sb.append('?').append(target.getRawQuery());
            }
            sb.append(" HTTP/1.1\r\n");
            for (String h : head.subList(1, head.size())) {
                String name = h.substring(0, h.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    sb.append(h).append("\r\n");
                }
            }
            sb.append("Connection: close\r\n\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.write(body);
            up.flush();
            InputStream answer = upstream.getInputStream();
            List<String> answerHead = readHead(answer);
            StringBuilder relayed = new StringBuilder();
            for (String h : answerHead) {
                if (!h.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    relayed.append(h).append("\r\n");
                }
            }
            relayed.append("Connection: close\r\n\r\n");
            out.write(relayed.toString().getBytes(StandardCharsets.ISO_8859_1));
            copy(answer, out);
        }
    }

    private void tunnel(Socket client, String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        try (Socket upstream =
                new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))) {
            sockets.add(upstream);
            client.getOutputStream()
                    .write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().flush();
            Thread back = new Thread(
                    () -> {
                        try {
                            copy(upstream.getInputStream(), client.getOutputStream());
                        } catch (IOException e) {
                            // one side closed
                        }
                    },
                    "test-proxy-tunnel");
            back.setDaemon(true);
            back.start();
            copy(client.getInputStream(), upstream.getOutputStream());
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
        }
    }

    /** The request or status line and the header lines, or an empty list at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = new String(line.toByteArray(), StandardCharsets.ISO_8859_1).trim();
                line.reset();
                if (s.isEmpty()) {
                    return lines;
                }
                lines.add(s);
            } else {
                line.write(b);
            }
        }
        return new ArrayList<>();
    }

    private static byte[] readBody(InputStream in, String contentLength) throws IOException {
        int n = contentLength == null ? 0 : Integer.parseInt(contentLength.trim());
        byte[] body = new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(body, off, n - off);
            if (r < 0) {
                throw new IOException("body ended early");
            }
            off += r;
        }
        return body;
    }

    private static String header(List<String> head, String lowerName) {
        for (String h : head.subList(1, head.size())) {
            int colon = h.indexOf(':');
            if (colon > 0
                    && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return h.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
