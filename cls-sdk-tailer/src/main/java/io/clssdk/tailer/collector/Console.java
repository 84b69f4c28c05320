package io.clssdk.tailer.collector;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The collector's operator output: one line per event on stderr ({@code <UTC time> cls-collector: <text>}), and the
 * count and text of the last problem, which the status line and the status endpoint show. Thread-safe. Never given a
 * secret: messages are built from config fields, paths and exception messages of this SDK (which hold no secret).
 */
final class Console {
    private final PrintStream out;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    Console(PrintStream out) {
        this.out = out;
    }

    /** Prints an informational line. */
    void info(String text) {
        line(text);
    }

    /** Prints a problem, counts it and remembers it as the last error. */
    void error(String text) {
        errors.incrementAndGet();
        lastError.set(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
        line("ERROR " + text);
    }

    /** Problems reported since start. */
    long errors() {
        return errors.get();
    }

    /** The last problem with its time, or null. */
    String lastError() {
        return lastError.get();
    }

    private void line(String text) {
        synchronized (out) {
            out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " cls-collector: " + text);
            out.flush();
        }
    }
}
