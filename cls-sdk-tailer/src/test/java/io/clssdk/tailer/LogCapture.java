package io.clssdk.tailer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures log output while open. The tests log through slf4j-simple, which looks {@code System.err} up at every write,
 * so replacing it collects every logger's lines (and still passes them on to the original stream). The capture is
 * JVM-wide: tests pick their own lines by something unique to them, such as their temporary directory. Thread-safe.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    LogCapture() throws UnsupportedEncodingException {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
                original.write(b, off, len);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        System.setErr(new PrintStream(tee, true, "UTF-8"));
    }

    /** The lines captured so far that contain every one of {@code parts}. */
    List<String> lines(String... parts) {
        String all;
        synchronized (captured) {
            all = new String(captured.toByteArray(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        for (String line : all.split("\n")) {
            boolean match = true;
            for (String p : parts) {
                match &= line.contains(p);
            }
            if (match) {
                out.add(line);
            }
        }
        return out;
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }
}
