package io.clssdk.core.spi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 responses from one connection's input: status line, headers, and a body framed by Content-Length,
 * chunked transfer coding or the end of the stream. Buffered; not thread-safe (one request at a time per connection).
 *
 * <p>After {@link #readBody} the reader knows whether the connection can carry another request: not after an HTTP/1.0
 * response, {@code Connection: close}, a body that ran to the end of the stream, or a long body it did not drain.
 */
final class ResponseReader {
    static final byte[] NO_BYTES = new byte[0];
    /** Bytes of unwanted body read and dropped to keep the connection; beyond that it is closed instead. */
    static final int MAX_DISCARD_BYTES = 64 * 1024;

    private static final int MAX_HEAD_BYTES = 256 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;

    private int status;
    private boolean http10;
    private Map<String, List<String>> headers;
    private boolean reusable;

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /** Reads a final response's status line and headers, skipping interim 1xx responses. */
    void readHead() throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        do {
            String line = readLine(budget);
            if (line == null) {
                throw new EOFException("unexpected end of stream: the connection closed before a response");
            }
            parseStatusLine(line);
            headers = new HashMap<>();
            for (String h = nextLine(budget); !h.isEmpty(); h = nextLine(budget)) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("malformed response header line");
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                List<String> values = headers.get(name);
                if (values == null) {
                    values = new ArrayList<>(1);
                    headers.put(name, values);
                }
                values.add(h.substring(colon + 1).trim());
            }
        } while (status >= 100 && status < 200 && status != 101);
    }

    private void parseStatusLine(String line) throws ProtocolException {
        // HTTP/1.1 200 OK
        if (line.length() < 12
                || !line.startsWith("HTTP/1.")
                || line.charAt(8) != ' '
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new ProtocolException("unexpected status line: " + printable(line));
        }
        http10 = line.charAt(7) == '0';
        int code = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new ProtocolException("unexpected status line: " + printable(line));
            }
            code = code * 10 + (c - '0');
        }
        status = code;
    }

    int status() {
        return status;
    }

    /** The headers by lower-case name: a new map per response, left as it is after {@link #readHead} returns. */
    Map<String, List<String>> headers() {
        return headers;
    }

    /** Whether the connection may carry another request; meaningful after {@link #readBody}. */
    boolean reusable() {
        return reusable;
    }

    /**
     * Reads the body, keeping at most {@code maxBytes}; the rest is dropped (or, when long, left unread and the
     * connection marked not reusable). An empty body is {@link #NO_BYTES}.
     */
    byte[] readBody(int maxBytes) throws IOException {
        reusable = !http10 && !hasToken("connection", "close");
        if (status == 204 || status == 304 || status == 101) {
            return NO_BYTES;
        }
        if (hasToken("transfer-encoding", "chunked")) {
            return readChunked(maxBytes);
        }
        String length = first("content-length");
        if (length != null) {
            long n = parseLength(length);
            return n == 0 ? NO_BYTES : readFixed(n, maxBytes);
        }
        reusable = false; // delimited by the end of the stream
        BodySink sink = new BodySink(maxBytes);
        while (fill() > 0) {
            sink.take(this, limit - pos);
        }
        return sink.bytes();
    }

    private byte[] readFixed(long length, int maxBytes) throws IOException {
        BodySink sink = new BodySink(maxBytes);
        long left = length;
        while (left > 0) {
            if (sink.full() && left > MAX_DISCARD_BYTES) {
                reusable = false;
                break;
            }
            if (fill() < 0) {
                throw new EOFException("unexpected end of stream: " + left + " of " + length + " body bytes missing");
            }
            left -= sink.take(this, (int) Math.min(left, limit - pos));
        }
        return sink.bytes();
    }

    private byte[] readChunked(int maxBytes) throws IOException {
        BodySink sink = new BodySink(maxBytes);
        int[] budget = {MAX_HEAD_BYTES};
        long dropped = 0;
        while (true) {
            String sizeLine = readLine(budget);
            if (sizeLine == null) {
                throw new EOFException("unexpected end of stream in a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            long size = parseChunkSize(
                    semicolon < 0
                            ? sizeLine.trim()
                            : sizeLine.substring(0, semicolon).trim());
            if (size == 0) {
                while (!nextLine(budget).isEmpty()) {
                    // trailers are ignored
                }
                return sink.bytes();
            }
            for (long left = size; left > 0; ) {
                if (fill() < 0) {
                    throw new EOFException("unexpected end of stream in a chunk");
                }
                int taken = sink.take(this, (int) Math.min(left, limit - pos));
                left -= taken;
                if (sink.full() && (dropped += taken) > MAX_DISCARD_BYTES) {
                    reusable = false;
                    return sink.bytes();
                }
            }
            if (!nextLine(budget).isEmpty()) {
                throw new ProtocolException("malformed chunked body: no line end after a chunk");
            }
        }
    }

    private String nextLine(int[] budget) throws IOException {
        String line = readLine(budget);
        if (line == null) {
            throw new EOFException("unexpected end of stream within a response");
        }
        return line;
    }

    /**
     * The next line without its line end, ISO-8859-1, or null at the end of the stream before any byte; throws at the
     * end of the stream within a line or when the head outgrows its budget. A line that lies in the buffer (nearly
     * every line) becomes a string with one copy; only a line split across reads is pieced together.
     */
    private String readLine(int[] budget) throws IOException {
        StringBuilder split = null;
        while (true) {
            if (fill() < 0) {
                if (split == null) {
                    return null;
                }
                throw new EOFException("unexpected end of stream within a response line");
            }
            int start = pos;
            int end = start;
            while (end < limit && buf[end] != '\n') {
                end++;
            }
            boolean ended = end < limit;
            pos = ended ? end + 1 : end;
            if ((budget[0] -= pos - start) < 0) {
                throw new ProtocolException("response head over " + MAX_HEAD_BYTES + " bytes");
            }
            if (ended && split == null) {
                int length = end > start && buf[end - 1] == '\r' ? end - start - 1 : end - start;
                return new String(buf, start, length, StandardCharsets.ISO_8859_1);
            }
            if (split == null) {
                split = new StringBuilder(Math.max(16, 2 * (end - start)));
            }
            split.append(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
            if (ended) {
                int n = split.length();
                if (n > 0 && split.charAt(n - 1) == '\r') {
                    split.setLength(n - 1); // the CR may have come in the read before the LF
                }
                return split.toString();
            }
        }
    }

    /** Buffered bytes available after filling when empty; -1 at the end of the stream. */
    private int fill() throws IOException {
        if (pos < limit) {
            return limit - pos;
        }
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return -1;
        }
        pos = 0;
        limit = n;
        return n;
    }

    /**
     * For an idle connection: true if the peer closed it or sent something unasked; false while it stays silent. The
     * caller bounds the wait with a short read timeout, reported as a {@link java.net.SocketTimeoutException}.
     */
    boolean closedOrUnexpectedData() throws IOException {
        return fill() != 0;
    }

    /** Whether bytes past the response read so far are buffered (none may follow a CONNECT's answer). */
    boolean hasBuffered() {
        return pos < limit;
    }

    private boolean hasToken(String header, String token) {
        List<String> values = headers.get(header);
        if (values != null) {
            for (String v : values) {
                for (String t : v.split(",")) {
                    if (t.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String first(String header) {
        List<String> values = headers.get(header);
        return values == null ? null : values.get(0);
    }

    private static long parseLength(String value) throws ProtocolException {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProtocolException("invalid Content-Length: " + printable(value));
    }

    private static long parseChunkSize(String hex) throws ProtocolException {
        try {
            long n = Long.parseLong(hex, 16);
            if (n >= 0 && !hex.isEmpty() && hex.length() <= 15) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProtocolException("invalid chunk size: " + printable(hex));
    }

    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Collects body bytes up to a limit, dropping the rest. */
    private static final class BodySink {
        private final int max;
        private byte[] bytes = NO_BYTES;
        private int n;

        BodySink(int max) {
            this.max = Math.max(0, max);
        }

        boolean full() {
            return n >= max;
        }

        /** Consumes {@code count} buffered bytes of the reader, keeping what fits. */
        int take(ResponseReader r, int count) {
            int keep = Math.min(count, max - n);
            if (keep > 0) {
                if (n + keep > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.min(max, Math.max(n + keep, Math.max(1024, bytes.length * 2))));
                }
                System.arraycopy(r.buf, r.pos, bytes, n, keep);
                n += keep;
            }
            r.pos += count;
            return count;
        }

        byte[] bytes() {
            return n == 0 ? NO_BYTES : n == bytes.length ? bytes : Arrays.copyOf(bytes, n);
        }
    }
}
