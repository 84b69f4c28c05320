package io.clssdk.core.spi;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.HttpProxy;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.Route;
import okio.BufferedSink;

/**
 * The HTTP adapter: the only class that touches OkHttp. Synchronous POSTs of byte ranges over one client with one
 * connection pool; responses come back as a plain {@link HttpResponse}. Thread-safe.
 *
 * <p>Failures before a response map to {@link ClsClientException}: timeouts to {@code TIMEOUT}, every other I/O error
 * to {@code IO}. Certificate and host-name verification are OkHttp's defaults and are never turned off. With an
 * {@link HttpProxy} every request goes through it (https in a CONNECT tunnel); a 407 the proxy keeps answering fails
 * the request as {@code IO}, naming the proxy (never its password).
 */
public final class HttpTransport implements Closeable {
    private static final byte[] NO_BYTES = new byte[0];

    private final OkHttpClient client;
    private final HttpProxy proxy;
    private final String proxyAuthorization;
    /** The last content type parsed: OkHttp parses a media type with a regular expression, once per request if asked. */
    private volatile MediaType lastMediaType;

    public HttpTransport(HttpOptions options) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(options.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionPool(new ConnectionPool(
                        options.maxIdleConnections(), options.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
                .socketFactory(new UploadSocketFactory())
                .followRedirects(false)
                .followSslRedirects(false)
                // A POST that failed mid-flight may have been stored; the caller decides whether to resend.
                .retryOnConnectionFailure(false);
        HttpProxy proxy = options.proxy();
        if (proxy != null) {
            builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
            if (proxy.username() != null) {
                builder.proxyAuthenticator(new ProxyCredentials(basic(proxy)));
            }
        }
        this.proxy = proxy;
        this.proxyAuthorization = proxy == null || proxy.username() == null ? null : basic(proxy);
        X509TrustManager trustManager = options.trustManager();
        if (trustManager != null) {
            builder.sslSocketFactory(sslContext(trustManager).getSocketFactory(), trustManager);
        }
        this.client = builder.build();
    }

    /**
     * POSTs {@code body[offset, offset + length)}.
     *
     * @param headers request headers (Host, Authorization, ...); Content-Type comes from {@code contentType}
     * @param maxBodyBytes the most response-body bytes to keep; the rest is discarded
     * @throws ClsClientException when no response arrives (I/O error or timeout)
     */
    public HttpResponse post(
            String url,
            Map<String, String> headers,
            String contentType,
            byte[] body,
            int offset,
            int length,
            int maxBodyBytes) {
        Request.Builder request =
                new Request.Builder().url(url).post(new ByteRangeBody(mediaType(contentType), body, offset, length));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            request.header(h.getKey(), h.getValue());
        }
        if (proxyAuthorization != null && url.startsWith("http:")) {
            // plain http goes to the proxy as is: authenticate up front rather than send the body twice after a 407
            request.header("Proxy-Authorization", proxyAuthorization);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            if (response.code() == 407 && proxy != null) {
                throw proxyRefused(url);
            }
            return new HttpResponse(
                    response.code(), response.headers().toMultimap(), readBody(response.body(), maxBodyBytes));
        } catch (SocketTimeoutException e) {
            throw new ClsClientException(
                    ClsClientException.Reason.TIMEOUT, "POST " + url + " timed out: " + e.getMessage(), e);
        } catch (InterruptedIOException e) {
            // OkHttp reports its call timeout as an InterruptedIOException("timeout")
            boolean interrupted = Thread.currentThread().isInterrupted();
            throw new ClsClientException(
                    interrupted ? ClsClientException.Reason.INTERRUPTED : ClsClientException.Reason.TIMEOUT,
                    "POST " + url + (interrupted ? " was interrupted" : " timed out") + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new ClsClientException(ClsClientException.Reason.IO, "POST " + url + " failed: " + e, e);
        }
    }

    private MediaType mediaType(String contentType) {
        MediaType last = lastMediaType;
        if (last == null || !last.toString().equals(contentType)) {
            last = MediaType.get(contentType);
            lastMediaType = last;
        }
        return last;
    }

    /** Aborts every request in progress (their callers get an I/O error); used when a producer gives up at close. */
    public void cancelAll() {
        client.dispatcher().cancelAll();
    }

    /** Releases pooled connections. The client must not be used afterwards. */
    @Override
    public void close() {
        client.connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
    }

    private ClsClientException proxyRefused(String url) {
        return new ClsClientException(
                ClsClientException.Reason.IO,
                "POST " + url + " failed: the proxy " + proxy.host() + ':' + proxy.port()
                        + " answered 407 Proxy Authentication Required"
                        + (proxy.username() == null
                                ? " and no proxy credentials are configured"
                                : " and refused the credentials of user " + proxy.username()));
    }

    private static String basic(HttpProxy proxy) {
        return okhttp3.Credentials.basic(proxy.username(), proxy.password(), StandardCharsets.UTF_8);
    }

    /**
     * Adds the proxy's credentials to a request it challenged, and to each CONNECT up front (OkHttp asks before opening
     * a tunnel); a request that already carried them was refused, so it is not retried.
     */
    private static final class ProxyCredentials implements Authenticator {
        private final String header;

        ProxyCredentials(String header) {
            this.header = header;
        }

        @Override
        public Request authenticate(Route route, Response response) {
            if (response.request().header("Proxy-Authorization") != null) {
                return null; // already sent: the proxy refused them
            }
            return response.request()
                    .newBuilder()
                    .header("Proxy-Authorization", header)
                    .build();
        }
    }

    /**
     * A request body over a byte range that hands it to OkHttp one segment's worth at a time. OkHttp's own byte-array
     * body writes the whole range at once, so its buffer first copies all of it into fresh 8 KiB segments (a 170 KB
     * upload needs about 21, more than okio's segment pool keeps) before the socket takes any; written a segment at a
     * time, each segment goes to the socket and back to the pool before the next is filled, so an upload allocates
     * nothing.
     */
    private static final class ByteRangeBody extends RequestBody {
        private static final int SEGMENT_BYTES = 8192; // okio's Segment.SIZE

        private final MediaType type;
        private final byte[] bytes;
        private final int offset;
        private final int length;

        ByteRangeBody(MediaType type, byte[] bytes, int offset, int length) {
            this.type = type;
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            for (int pos = offset, end = offset + length; pos < end; pos += SEGMENT_BYTES) {
                sink.write(bytes, pos, Math.min(SEGMENT_BYTES, end - pos));
            }
        }
    }

    private static byte[] readBody(ResponseBody body, int maxBytes) throws IOException {
        if (body.contentLength() == 0) { // CLS answers a successful upload with an empty body: no buffer for it
            body.close();
            return NO_BYTES;
        }
        try (InputStream in = body.byteStream()) {
            byte[] buf = new byte[Math.min(maxBytes, 8192)];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n == maxBytes) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, Math.min(maxBytes, n * 2));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
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
