package io.clssdk.producer.internal;

import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.Utf8;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the unpaired UTF-16 surrogates {@code send()} sent as {@code '?'} and says so in the log: one WARN at most
 * every {@link #INTERVAL_NANOS}, naming the topic and the field key — never the value, which is the user's data — and
 * how many more were replaced since the previous WARN. Thread-safe: any number of sending threads call
 * {@link #replaced}.
 *
 * <p>The encoder keeps replacing them, because {@code '?'} is what protobuf-java sends for such a string and the
 * SDK's bytes match it exactly; this class only makes the replacement visible. It runs only for logs that had one, so
 * well-formed text costs nothing here.
 */
final class SurrogateWarnings {
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(SurrogateWarnings.class);
    private static final int MAX_KEY_CHARS = 100;

    private final LongAdder total;
    private final Clock clock;
    /** When the next WARN may be logged ({@link Clock#nanoTime()} scale; compared by difference, so wrap-safe). */
    private final AtomicLong nextWarnNanos;
    /** Replacements since the last WARN that no WARN reported. */
    private final AtomicLong unreported = new AtomicLong();

    SurrogateWarnings(LongAdder total, Clock clock) {
        this.total = total;
        this.clock = clock;
        this.nextWarnNanos = new AtomicLong(clock.nanoTime());
    }

    /** {@code record}, accepted for {@code topicId}, was sent with {@code count} surrogates replaced. */
    void replaced(String topicId, LogRecord record, int count) {
        total.add(count);
        long now = clock.nanoTime();
        long next = nextWarnNanos.get();
        if (now - next < 0 || !nextWarnNanos.compareAndSet(next, now + INTERVAL_NANOS)) {
            unreported.addAndGet(count);
            return;
        }
        LOG.warn(
                "Sent {} unpaired UTF-16 surrogate(s) as '?' in a log to topic {} (field '{}'), as protobuf-java"
                        + " would: a string was probably cut inside a character. {} more were replaced since the"
                        + " previous such warning; the producer metric surrogatesReplaced counts them all, and this"
                        + " warning repeats at most once a minute.",
                count,
                topicId,
                printableKey(firstKeyWithSurrogate(record)),
                unreported.getAndSet(0));
    }

    private static String firstKeyWithSurrogate(LogRecord record) {
        for (int i = 0; i < record.fieldCount(); i++) {
            if (Utf8.unpairedSurrogates(record.key(i)) + Utf8.unpairedSurrogates(record.value(i)) > 0) {
                return record.key(i);
            }
        }
        return "?"; // not reached: the encoder found one in this record
    }

    /** The key for a log line: surrogates and control characters as {@code \\uXXXX}, at most 100 chars. */
    static String printableKey(String key) {
        StringBuilder sb = new StringBuilder(Math.min(key.length(), MAX_KEY_CHARS) + 8);
        int i = 0;
        for (; i < key.length() && sb.length() < MAX_KEY_CHARS; i++) {
            char c = key.charAt(i);
            if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return i < key.length() ? sb.append('…').toString() : sb.toString();
    }
}
