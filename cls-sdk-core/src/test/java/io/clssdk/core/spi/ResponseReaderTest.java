package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response head parser against streams that hand out bytes in pieces of every size. */
class ResponseReaderTest {
    private static final String RESPONSE = "HTTP/1.1 200 OK\r\n"
            + "X-Cls-RequestId: 5f1e\r\n"
            + "x-a:  1 \r\n"
            + "X-A: 2\r\n"
            + "Content-Length: 5\r\n"
            + "\r\n"
            + "hello";

    @Test
    void linesSplitAcrossReadsAtAnyByteParseAlike() throws IOException {
        byte[] bytes = RESPONSE.getBytes(StandardCharsets.ISO_8859_1);
        for (int piece = 1; piece <= bytes.length; piece++) {
            ResponseReader reader = new ResponseReader(new Pieces(bytes, piece));
            reader.readHead();
            HttpResponse response =
                    HttpResponse.ofLowerCaseNames(reader.status(), reader.headers(), reader.readBody(1024));

            String at = "reads of " + piece + " bytes";
            assertEquals(200, response.status(), at);
            assertEquals("5f1e", response.header("x-cls-requestid"), at);
            assertEquals("1", response.header("X-A"), at);
            assertEquals(Arrays.asList("1", "2"), reader.headers().get("x-a"), at);
            assertEquals("hello", new String(response.body(), StandardCharsets.UTF_8), at);
            assertTrue(reader.reusable(), at);
        }
    }

    @Test
    void aHeaderLongerThanTheBufferAndBareLineFeedsComeThroughWhole() throws IOException {
        char[] value = new char[20_000];
        Arrays.fill(value, 'v');
        String response = "HTTP/1.1 500 Internal Server Error\n"
                + "X-Long: " + new String(value) + "\r\n"
                + "Connection: close\n"
                + "Content-Length: 0\n"
                + "\n";
        ResponseReader reader =
                new ResponseReader(new ByteArrayInputStream(response.getBytes(StandardCharsets.ISO_8859_1)));
        reader.readHead();
        HttpResponse r = HttpResponse.ofLowerCaseNames(reader.status(), reader.headers(), reader.readBody(1024));

        assertEquals(500, r.status());
        assertEquals(new String(value), r.header("x-long"));
        assertEquals("close", r.header("Connection"));
        assertFalse(reader.reusable());
    }

    @Test
    void aStreamThatEndsInsideTheHeadIsAnError() {
        ResponseReader reader = new ResponseReader(
                new ByteArrayInputStream("HTTP/1.1 200 OK\r\nX-A: 1".getBytes(StandardCharsets.ISO_8859_1)));
        EOFException e = assertThrows(EOFException.class, reader::readHead);
        assertTrue(e.getMessage().contains("within a response line"), e.getMessage());
    }

    @Test
    void namesThatDifferOnlyInCaseAreOneHeader() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Collections.singletonList("text/plain"));
        headers.put("content-type", Collections.singletonList("text/html"));
        HttpResponse r = new HttpResponse(400, headers, ResponseReader.NO_BYTES);

        assertEquals("text/plain", r.header("CONTENT-TYPE"));
        assertNull(r.header("Retry-After"));
        assertEquals(
                Collections.singletonList("text/plain"),
                headers.get("Content-Type"),
                "the caller's map is left as it was");
    }

    /** Hands out at most {@code piece} bytes per read. */
    private static final class Pieces extends InputStream {
        private final byte[] bytes;
        private final int piece;
        private int pos;

        Pieces(byte[] bytes, int piece) {
            this.bytes = bytes;
            this.piece = piece;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
