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
 * <p>Delivery policy (documented in the README), decided by {@link DeliveryFailure#permanent}: a log CLS can never
 * accept (invalid content, too large) is <b>recorded as lost</b>: one ERROR line naming the file, byte range, count and
 * error, and the {@code lost} counter; then the range is acknowledged so the file keeps moving. Any other failure
 * (endpoint down, delivery timeout, throttling, credentials, a full or closed producer…) is not the logs' fault: the
 * chunk is {@linkplain LineChunk#retryLater declared for a later retry} — never acknowledged, never counted lost — and
 * so are the chunks waiting on an entry that failed so; the engine reads them again from the committed offset.
 */
final class Ack implements OutcomeListener {
    private static final Logger LOG = LoggerFactory.getLogger(Ack.class);

    private final LineChunk chunk;
    private final List<Ack> dependents;
    private final ShipStats stats;
    private final AtomicInteger outstanding = new AtomicInteger(1);
    /** Why a log of this ack failed transiently, or null: then the chunk is retried, not acknowledged. */
    private volatile String retryReason;

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
        String error = DeliveryFailure.describe(result.error(), result.errorCode());
        if (result.success()) {
            stats.delivered.add(logs);
        } else if (DeliveryFailure.permanent(result.error())) {
            stats.lost.add(logs);
            LOG.error(
                    "{} log(s) from {} can never be delivered (rejected as invalid or too large) and are skipped: {}",
                    logs,
                    describe(),
                    error);
        } else {
            if (isClosed(result.error())) {
                stats.unacknowledged.add(logs);
            } else {
                stats.retried.add(logs);
            }
            retryReason = error;
        }
        if (outstanding.addAndGet(-logs) == 0) {
            finish();
        }
    }

    /**
     * {@code logs} logs counted with {@link #expect} were never handed to the producer (it refused them: buffer full,
     * closed, interrupted): they settle as a transient failure.
     */
    void notAppended(int logs, String reason) {
        retryReason = reason;
        if (outstanding.addAndGet(-logs) == 0) {
            finish();
        }
    }

    /** Marks this ack for a retry whatever else settles it (its owner gave up on it), then releases the owner's hold. */
    void retryLater(String reason) {
        retryReason = reason;
        release();
    }

    private void finish() {
        String retry = retryReason;
        if (retry != null) {
            if (chunk != null) {
                chunk.retryLater(retry);
            }
            for (Ack d : dependents) {
                d.retryLater(retry); // the entry they waited for was not delivered: read them again
            }
            return;
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
