package io.clssdk.tailer.internal.ship;

import io.clssdk.core.ClsException;
import io.clssdk.core.spi.WireBuffer;
import io.clssdk.producer.EncodedLogStream;
import io.clssdk.tailer.LineChunk;
import io.clssdk.tailer.internal.parse.DropReason;
import io.clssdk.tailer.internal.parse.LinePipeline;
import io.clssdk.tailer.internal.parse.LogOutput;
import io.clssdk.tailer.internal.parse.ParsedLog;
import io.clssdk.tailer.internal.read.Chunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one followed file: its lines go through the file's parsing pipeline, each resulting log is encoded straight
 * into the file's producer stream (one log group per file, carrying its name), and the chunk is acknowledged to the
 * engine once the producer has settled every log made from it.
 *
 * <p>Multi-line entries span chunks. A chunk that ends inside an entry keeps its acknowledgement until that entry is
 * settled: it joins {@code waiting}, and the next log the pipeline emits — which is that entry, since entries complete
 * in order — gets an {@link Ack} that releases the waiting chunks when it is delivered. An entry dropped by a filter
 * releases them at once. So an offset is never committed while a line before it sits in an unsent entry.
 *
 * <p>If the producer refuses an append (buffer full, closed, interrupted) the shipper is <b>broken</b>: the refused run,
 * the chunk being read and every chunk waiting on an entry are {@linkplain LineChunk#retryLater declared for a retry},
 * nothing more is appended, and the engine rewinds the file and replaces this shipper ({@link
 * io.clssdk.tailer.TailSink#fileRewound}). So a registered range always settles: acknowledged, or failed and read again.
 *
 * <p>Called on one reader thread at a time (the engine never overlaps calls for one file).
 */
final class FileShipper implements LogOutput {
    private static final Logger LOG = LoggerFactory.getLogger(FileShipper.class);
    private static final int SCRATCH_KEEP_BYTES = 1 << 20;
    /** Encoded logs are handed to the producer in runs of about this many bytes (one lock per run, not per log). */
    private static final int DRAIN_BYTES = 256 * 1024;

    private final String fileName;
    private final LinePipeline pipeline;
    private final EncodedLogStream stream;
    private final ShipStats stats;
    private final WireBuffer scratch = new WireBuffer(4096);
    private int[] starts = new int[257];
    private int[] values = new int[256];
    private int queued;
    private Ack queuedTarget;

    private List<Ack> waiting = new ArrayList<>();
    private Ack current;
    /** Why the producer refused an append, or null; once set, nothing more is appended. */
    private String broken;

    FileShipper(String fileName, LinePipeline pipeline, EncodedLogStream stream, ShipStats stats) {
        this.fileName = fileName;
        this.pipeline = pipeline;
        this.stream = stream;
        this.stats = stats;
    }

    void accept(LineChunk chunk) {
        Ack ack = Ack.forChunk(chunk, stats);
        current = ack;
        try {
            byte[] buf = chunk.buffer();
            long readTime = chunk.readTimeMillis();
            Chunk hinted = chunk instanceof Chunk ? (Chunk) chunk : null;
            for (int i = 0, n = chunk.lineCount(); i < n && broken == null; i++) {
                boolean ascii = hinted != null && hinted.knownAscii(i);
                pipeline.line(buf, chunk.lineStart(i), chunk.lineEnd(i), chunk.truncated(i), ascii, readTime, this);
            }
            drain();
        } finally {
            current = null;
            queued = 0; // after a failure the run is dropped unacknowledged: its lines are read again later
            queuedTarget = null;
            scratch.reset();
            if (scratch.capacity() > SCRATCH_KEEP_BYTES) {
                scratch.trimTo(4096);
            }
        }
        if (broken != null) {
            ack.retryLater(broken);
            retryWaiting();
        } else if (pipeline.hasPending()) {
            waiting.add(ack); // released by the ack of the entry's log
        } else {
            if (!waiting.isEmpty()) {
                releaseWaiting(); // the entry they waited for was settled without a log
            }
            ack.release();
        }
    }

    /** Emits a pending multi-line entry (the file went quiet or is closed). */
    void flush(long nowMillis) {
        if (broken != null) {
            retryWaiting();
            return;
        }
        pipeline.flush(nowMillis, this);
        drain();
        if (broken != null) {
            retryWaiting();
            return;
        }
        if (!pipeline.hasPending() && !waiting.isEmpty()) {
            releaseWaiting(); // nothing came out of the entry (empty or dropped)
        }
        stream.flush();
    }

    /** Closes the stream without emitting a pending entry; the chunks waiting for it are no longer tracked. */
    void discard() {
        waiting = new ArrayList<>();
        stream.close();
    }

    void close(long nowMillis) {
        try {
            flush(nowMillis);
        } finally {
            stream.close();
        }
    }

    @Override
    public void log(ParsedLog log) {
        if (broken != null) {
            return; // the chunks this log belongs to are read again
        }
        Ack target = current;
        if (!waiting.isEmpty() || target == null) {
            target = Ack.forEntry(waiting, stats); // settles the chunks that waited for this entry
            waiting = new ArrayList<>();
        }
        if (queued > 0 && target != queuedTarget) {
            drain();
        }
        int start = scratch.position();
        int valueBytes = LogWriter.write(scratch, log);
        if (!stream.fitsOneRequest(scratch.position() - start, valueBytes)) {
            scratch.position(start);
            stats.shipped.increment();
            stats.lost.increment();
            LOG.error("a log from {} is too large for one CLS request ({} bytes) and is skipped", fileName, valueBytes);
            if (target.isEntryAck()) {
                target.release(); // nothing else will settle the entry: release what waited for it
            }
            return;
        }
        if (queued == values.length) {
            starts = Arrays.copyOf(starts, 2 * starts.length);
            values = Arrays.copyOf(values, 2 * values.length);
        }
        values[queued] = valueBytes;
        starts[++queued] = scratch.position();
        queuedTarget = target;
        if (scratch.position() >= DRAIN_BYTES) {
            drain();
        }
    }

    /**
     * Hands the queued run of encoded logs to the producer in one call. The run's logs are counted on their ack first
     * (one atomic add per run, not per log), so outcomes cannot take it to zero early; an entry's ack, which has no
     * other owner, gets its owner hold released once it counts its log.
     */
    private void drain() {
        if (queued == 0) {
            return;
        }
        int n = queued;
        Ack target = queuedTarget;
        queued = 0;
        target.expect(n);
        if (target.isEntryAck()) {
            target.release();
        }
        try {
            stream.appendAll(scratch.array(), starts, values, n, target);
            stats.shipped.add(n);
        } catch (ClsException e) {
            // buffer full, producer closed, interrupted: not the logs' fault; the run settles as a retry
            broken = DeliveryFailure.describe(e, null);
            LOG.debug("the producer refused logs of {}; they are read again later: {}", fileName, broken);
            target.notAppended(n, broken);
        } finally {
            scratch.reset();
            queuedTarget = null;
        }
    }

    private void retryWaiting() {
        List<Ack> settled = waiting;
        waiting = new ArrayList<>();
        for (Ack a : settled) {
            a.retryLater(broken);
        }
    }

    @Override
    public void dropped(DropReason reason) {
        if (reason == DropReason.EMPTY) {
            return; // an empty line outside any entry: settles nothing the waiting chunks wait for
        }
        if (reason == DropReason.FILTERED) {
            stats.filtered.increment();
        } else {
            stats.parseFailures.increment();
        }
        if (!waiting.isEmpty()) {
            releaseWaiting(); // the entry the waiting chunks were waiting for was settled without a log
        }
    }

    private void releaseWaiting() {
        List<Ack> settled = waiting;
        waiting = new ArrayList<>();
        for (Ack a : settled) {
            a.release();
        }
    }
}
