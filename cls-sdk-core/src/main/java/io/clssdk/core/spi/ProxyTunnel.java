package io.clssdk.core.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;

/**
 * Opens a {@code CONNECT host:port} tunnel through an HTTP proxy for an https route, sending the proxy's credentials
 * up front. A 2xx answer opens the tunnel; a 407 fails the request with the proxy's refusal (naming the proxy and the
 * user, never the password); any other answer is an I/O error naming the proxy and the status.
 */
final class ProxyTunnel {
    private ProxyTunnel() {}

    static void open(Socket raw, HttpRoute route, HttpConnection.Settings settings, CallWatchdog.Call call, String url)
            throws IOException {
        RequestHead head = new RequestHead();
        int length = head.encodeConnect(route);
        OutputStream out = raw.getOutputStream();
        call.writeDeadline = System.nanoTime() + settings.writeTimeoutNanos;
        out.write(head.bytes(), 0, length);
        out.flush();
        call.writeDeadline = 0;
        ResponseReader reader = new ResponseReader(raw.getInputStream());
        reader.readHead();
        int status = reader.status();
        if (status == 407) {
            throw route.proxyRefused(url);
        }
        if (status < 200 || status >= 300) {
            throw new IOException("the proxy " + route.proxyName() + " answered " + status + " to CONNECT "
                    + route.target.authority());
        }
        if (reader.hasBuffered()) {
            throw new ProtocolException("the proxy " + route.proxyName() + " sent data before the TLS handshake");
        }
    }
}
