package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link LogOutput} that copies every log (checking that each key and value is valid UTF-8) and counts drops.
 * Also feeds lines to pipelines.
 */
final class RecordingOutput implements LogOutput {
    /** One copied log. */
    static final class Log {
        final long timeMs;
        final List<String[]> fields = new ArrayList<>();

        Log(long timeMs) {
            this.timeMs = timeMs;
        }

        /** The value of the first field named {@code key}, or null. */
        String get(String key) {
            for (String[] f : fields) {
                if (f[0].equals(key)) {
                    return f[1];
                }
            }
            return null;
        }

        /** The fields as {@code k=v} joined by {@code |}, for exact comparisons. */
        String text() {
            StringBuilder sb = new StringBuilder();
            for (String[] f : fields) {
                sb.append(sb.length() == 0 ? "" : "|").append(f[0]).append('=').append(f[1]);
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return timeMs + ":" + text();
        }
    }

    final List<Log> logs = new ArrayList<>();
    final Map<DropReason, Integer> drops = new EnumMap<>(DropReason.class);

    @Override
    public void log(ParsedLog log) {
        Log copy = new Log(log.timeMs());
        for (int i = 0; i < log.fieldCount(); i++) {
            byte[] v = log.valueArray(i);
            int off = log.valueOffset(i);
            int len = log.valueLength(i);
            if (Utf8.firstInvalid(log.key(i), 0, log.key(i).length) != log.key(i).length
                    || Utf8.firstInvalid(v, off, off + len) != off + len) {
                fail("invalid UTF-8 in field " + i + " of " + log);
            }
            copy.fields.add(new String[] {log.keyString(i), log.valueString(i)});
        }
        logs.add(copy);
    }

    @Override
    public void dropped(DropReason reason) {
        drops.merge(reason, 1, Integer::sum);
    }

    int drops(DropReason reason) {
        return drops.getOrDefault(reason, 0);
    }

    /** The single log recorded; fails otherwise. */
    Log only() {
        assertEquals(1, logs.size(), "logs: " + logs + ", drops: " + drops);
        return logs.get(0);
    }

    /** {@link Log#text()} of every log. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Log l : logs) {
            out.add(l.text());
        }
        return out;
    }

    /** Feeds UTF-8 lines (each without its newline) read at {@code readTimeMs}. */
    RecordingOutput feed(LinePipeline p, long readTimeMs, String... lines) {
        for (String line : lines) {
            feed(p, readTimeMs, line.getBytes(StandardCharsets.UTF_8), false);
        }
        return this;
    }

    /** Feeds one raw line placed in the middle of a larger buffer, so that offsets are exercised. */
    RecordingOutput feed(LinePipeline p, long readTimeMs, byte[] line, boolean truncated) {
        byte[] buf = new byte[line.length + 6];
        buf[0] = buf[1] = buf[2] = 'x';
        System.arraycopy(line, 0, buf, 3, line.length);
        buf[line.length + 3] = '\n';
        buf[line.length + 4] = buf[line.length + 5] = 'y';
        p.line(buf, 3, 3 + line.length, truncated, readTimeMs, this);
        return this;
    }
}
