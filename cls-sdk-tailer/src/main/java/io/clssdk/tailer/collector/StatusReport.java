package io.clssdk.tailer.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.tailer.CollectionMetrics;
import io.clssdk.tailer.FileStatus;
import io.clssdk.tailer.TailerStatus;
import java.util.Locale;

/**
 * The collector's status, as one line for stderr and as JSON for {@code --status-port}: configurations running,
 * files followed, bytes not yet acknowledged (lag: file sizes minus committed offsets; in flight: handed to the
 * producer), logs delivered per second since the previous report, totals delivered and lost, and the collector's own
 * problems (errors, last error). Thread-safe.
 */
final class StatusReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceSet sources;
    private final ClsProducer producer;
    private final Console console;
    private long lastNanos = System.nanoTime();
    private long lastDelivered;
    private double rate;

    StatusReport(SourceSet sources, ClsProducer producer, Console console) {
        this.sources = sources;
        this.producer = producer;
        this.console = console;
    }

    /** A snapshot as a JSON object. */
    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode configs = root.putArray("configs");
        long files = 0;
        long lag = 0;
        long inFlight = 0;
        long lostFiles = 0;
        CollectionMetrics retired = sources.retiredMetrics();
        long delivered = retired.delivered();
        long lost = retired.lost();
        for (RunningConfig r : sources.running()) {
            TailerStatus s = r.status();
            CollectionMetrics m = r.metrics();
            long configLag = 0;
            for (FileStatus f : s.files()) {
                configLag += f.lagBytes();
            }
            ObjectNode c = configs.addObject();
            c.put("key", r.named().key());
            c.put("name", r.named().config().name());
            c.put("path", r.named().config().path());
            c.put("topic", r.named().config().output());
            c.put("files", s.files().size());
            c.put("lagBytes", configLag);
            c.put("inFlightBytes", s.inFlightBytes());
            c.put("delivered", m.delivered());
            c.put("lost", m.lost());
            c.put("pending", m.pending());
            c.put("checkpointProblem", s.checkpointProblem().orElse(null));
            files += s.files().size();
            lag += configLag;
            inFlight += s.inFlightBytes();
            lostFiles += s.lostFiles();
            delivered += m.delivered();
            lost += m.lost();
        }
        ProducerMetrics p = producer.metrics();
        root.put("files", files);
        root.put("lagBytes", lag);
        root.put("inFlightBytes", inFlight);
        root.put("logsPerSecond", Math.round(rate(delivered) * 10) / 10.0);
        root.put("delivered", delivered);
        root.put("lost", lost);
        root.put("lostFiles", lostFiles);
        root.put("producerPending", p.pending());
        root.put("producerBufferUsedBytes", p.bufferUsedBytes());
        root.put("errors", console.errors());
        root.put("lastError", console.lastError());
        return root;
    }

    /** A snapshot as one line. */
    String line() {
        ObjectNode s = json();
        String last = s.get("lastError").isNull()
                ? ""
                : " (last: " + s.get("lastError").asText() + ")";
        return String.format(
                Locale.ROOT,
                "status: %d configs, %d files, lag %s, in flight %s, %.1f logs/s, delivered %d, lost %d, errors %d%s",
                s.get("configs").size(),
                s.get("files").asLong(),
                Units.formatBytes(s.get("lagBytes").asLong()),
                Units.formatBytes(s.get("inFlightBytes").asLong()),
                s.get("logsPerSecond").asDouble(),
                s.get("delivered").asLong(),
                s.get("lost").asLong() + s.get("lostFiles").asLong(),
                s.get("errors").asLong(),
                last);
    }

    /** Logs delivered per second since the previous report (kept when reports come less than a second apart). */
    private synchronized double rate(long delivered) {
        long now = System.nanoTime();
        long elapsed = now - lastNanos;
        if (elapsed >= 1_000_000_000L) {
            rate = Math.max(0, delivered - lastDelivered) * 1e9 / elapsed;
            lastNanos = now;
            lastDelivered = delivered;
        }
        return rate;
    }
}
