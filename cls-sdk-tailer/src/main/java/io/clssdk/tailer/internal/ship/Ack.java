package io.clssdk.tailer.internal.ship;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.producer.OutcomeListener;
import io.clssdk.producer.SendResult;
import io.clssdk.tailer.LineChunk;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns producer outcomes into an engine acknowledgement. An ack counts what it waits for: one hold for its owner
 * (released when the owner has appended everything it will) plus one per log appended with it as the target. When the
 * count reaches zero it acknowledges its chunk (if any) and releases the holds it keeps on its dependents.
 *
 * <p>Delivery policy (documented in the README): a log the producer finally failed to deliver — rejected by CLS, or
 * still failing when the delivery timeout passed — is <b>recorded as lost</b>: one ERROR line naming the file, byte
 * range, count and error, and the {@code lost} counter; then the range is acknowledged so the file keeps moving. A log
 * failed because the producer was <b>closed</b> is not acknowledged, so it is read again by the next tailer started on
 * the same checkpoint directory.
 */
final class Ack implements OutcomeListener {
    private static final Logger LOG = LoggerFactory.getLogger(Ack.class);

    private final LineChunk chunk;
    private final List<Ack> dependents;
    private final ShipStats stats;
    private final AtomicInteger outstanding = new AtomicInteger(1);
    private volatile boolean abandoned;

    private Ack(LineChunk chunk, List<Ack> dependents, ShipStats stats) {
        this.chunk = chunk;
        this.dependents = dependents;
        this.stats = stats;
    }

    /** The ack of one chunk's lines. */
    static Ack forChunk(LineChunk chunk, ShipStats stats) {
        return new Ack(chunk, Collections.<Ack>emptyList(), stats);
    }

    /** The ack of one log that completes an entry begun in earlier chunks, whose acks wait for it. */
    static Ack forEntry(List<Ack> waiting, ShipStats stats) {
        return new Ack(null, waiting, stats);
    }

    /** Whether this is an entry's ack ({@link #forEntry}): no chunk, and its owner is the shipper that made it. */
    boolean isEntryAck() {
        return chunk == null;
    }

    /** Counts {@code logs} more logs appended with this ack as their target (before the append, so it cannot race to zero). */
    void expect(int logs) {
        outstanding.addAndGet(logs);
    }

    /** Releases the owner's hold (or a dependency's). */
    void release() {
        if (outstanding.decrementAndGet() == 0) {
            finish();
        }
    }

    @Override
    public void completed(SendResult result, int logs) {
        if (result.success()) {
            stats.delivered.add(logs);
        } else if (isClosed(result.error())) {
            abandoned = true;
            stats.unacknowledged.add(logs);
        } else {
            stats.lost.add(logs);
            LOG.error(
                    "{} log(s) from {} were not delivered and are skipped: {}",
                    logs,
                    describe(),
                    result.error() == null ? result.errorCode() : result.error().getMessage());
        }
        if (outstanding.addAndGet(-logs) == 0) {
            finish();
        }
    }

    private void finish() {
        if (abandoned) {
            return; // read again after a restart; the chunks waiting on us stay unacknowledged too
        }
        if (chunk != null) {
            chunk.acknowledge();
        }
        for (Ack d : dependents) {
            d.release();
        }
    }

    private String describe() {
        if (chunk != null) {
            return chunk.file().path() + " (bytes " + chunk.startOffset() + ".." + chunk.endOffset() + ")";
        }
        if (!dependents.isEmpty() && dependents.get(0).chunk != null) {
            LineChunk first = dependents.get(0).chunk;
            return first.file().path() + " (an entry starting in bytes " + first.startOffset() + ".."
                    + first.endOffset() + ")";
        }
        return "a followed file";
    }

    private static boolean isClosed(ClsException error) {
        return error instanceof ClsClientException
                && ((ClsClientException) error).reason() == ClsClientException.Reason.CLOSED;
    }
}
