package io.clssdk.tailer.collector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code --status-port}: {@code GET /status} on 127.0.0.1 answers the {@link StatusReport} as JSON (any other path:
 * 404). Loopback only, so it is reachable from the machine (or the pod) and nowhere else; one daemon thread.
 */
final class StatusServer implements AutoCloseable {
    private final HttpServer server;

    private StatusServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts serving on {@code port} (0: any free port).
     *
     * @throws IOException if the port cannot be bound
     */
    static StatusServer start(int port, StatusReport report) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> handle(exchange, report));
        server.setExecutor(null);
        server.start();
        return new StatusServer(server);
    }

    /** The port bound. */
    int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, StatusReport report) throws IOException {
        try {
            boolean found = "/status".equals(exchange.getRequestURI().getPath());
            byte[] body = found
                    ? report.json().toString().getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":\"not found; GET /status\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
