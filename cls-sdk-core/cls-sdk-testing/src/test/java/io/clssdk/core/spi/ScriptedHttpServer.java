package io.clssdk.core.spi;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for the transport's tests: it reads each request (head and Content-Length body),
 * records it, and lets the test's {@link Script} write any bytes it likes as the answer, well-formed or not. A
 * connection stays open for the next request while the script returns true.
 */
final class ScriptedHttpServer implements Closeable {
    /** Writes the answer to {@code request}; returns whether to keep the connection open for another request. */
    interface Script {
        boolean answer(Request request, OutputStream out) throws IOException;
    }

    /** A received request. */
    static final class Request {
        final String line;
        final Map<String, String> headers;
        final byte[] body;
        /** 1 for the first connection accepted, 2 for the second, ... */
        final int connection;

        Request(String line, Map<String, String> headers, byte[] body, int connection) {
            this.line = line;
            this.headers = headers;
            this.body = body;
            this.connection = connection;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    /** Connections the server has closed (after a script returned false or the peer went away). */
    final AtomicInteger closed = new AtomicInteger();

    private ScriptedHttpServer(ServerSocketFactory factory, Script script) throws IOException {
        this.server = factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::acceptLoop, "scripted-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ScriptedHttpServer start(Script script) throws IOException {
        return new ScriptedHttpServer(ServerSocketFactory.getDefault(), script);
    }

    static ScriptedHttpServer start(ServerSocketFactory factory, Script script) throws IOException {
        return new ScriptedHttpServer(factory, script);
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String scheme, String pathAndQuery) {
        return scheme + "://127.0.0.1:" + port() + pathAndQuery;
    }

    /** A whole response with a Content-Length body and optional extra header lines ("Name: value"). */
    static byte[] response(int status, String body, String... headerLines) {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        for (String h : headerLines) {
            b.append(h).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        b.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                int id = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s, id), "scripted-http-" + id);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s, int id) {
        try (Socket socket = s) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = read(in, id);
                if (request == null) {
                    return;
                }
                requests.add(request);
                boolean keep = script.answer(request, out);
                out.flush();
                if (!keep) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away or the test closed the server
        } finally {
            closed.incrementAndGet();
        }
    }

    private static Request read(InputStream in, int id) throws IOException {
        List<String> head = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            head.add(line);
        }
        if (head.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : head.subList(1, head.size())) {
            int colon = h.indexOf(':');
            headers.put(
                    h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    h.substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        byte[] body = new byte[length == null ? 0 : Integer.parseInt(length)];
        for (int n = 0; n < body.length; ) {
            int r = in.read(body, n, body.length - n);
            if (r < 0) {
                throw new IOException("body cut short");
            }
            n += r;
        }
        return new Request(head.get(0), headers, body, id);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return b.size() == 0 ? null : b.toString("ISO-8859-1");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString("ISO-8859-1");
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
