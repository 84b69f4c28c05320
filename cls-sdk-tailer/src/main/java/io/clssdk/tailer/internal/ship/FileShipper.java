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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one followed file: its lines go through the file's parsing pipeline, each resulting log is encoded straight
 * into the file's producer stream (one log group per file, carrying its name), and the chunk is acknowledged to the
 * engine once the producer has settled every log made from it.
 *
 * <p>The first log of a chunk is appended to the stream ({@link EncodedLogStream#append}, a copy of one log); the
 * stream then {@linkplain EncodedLogStream#lend lends} the room behind it in its open batch, and the chunk's next logs
 * are encoded into that room, with no copy, until it is full or the chunk ends, when it is given back (which appends
 * them). The room is never held beyond one call of {@link #accept} or {@link #flush}: a batch's linger waits for it.
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

    private final String fileName;
    private final LinePipeline pipeline;
    private final EncodedLogStream stream;
    private final ShipStats stats;
    private final LogWriter writer = new LogWriter();
    /** Holds a log appended by copy: the first of a run, or every log of a stream that does not lend room. */
    private final WireBuffer scratch = new WireBuffer(4096);
    /** Room in the stream's open batch lent for {@link #roomTarget}'s logs, or null. */
    private EncodedLogStream.Room room;
    /** The ack the room's logs count on. */
    private Ack roomTarget;

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
            giveBack();
        } finally {
            current = null;
            if (room != null) { // a failure: the room's logs are dropped unacknowledged; their lines are read again
                EncodedLogStream.Room r = room;
                room = null;
                roomTarget = null;
                r.abandon();
            }
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
        giveBack();
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
        int length = writer.measure(log);
        int valueBytes = writer.valueBytes();
        if (!stream.fitsOneRequest(length, valueBytes)) {
            stats.shipped.increment();
            stats.lost.increment();
            LOG.error("a log from {} is too large for one CLS request ({} bytes) and is skipped", fileName, valueBytes);
            if (target.isEntryAck()) {
                target.release(); // nothing else will settle the entry: release what waited for it
            }
            return;
        }
        if (room != null && (target != roomTarget || !room.fits(length))) {
            giveBack();
        }
        if (room != null) {
            writer.write(log, room.array(), room.position());
            room.added(length, valueBytes);
            return;
        }
        append(log, length, valueBytes, target);
        if (broken == null && !target.isEntryAck()) {
            room = stream.lend(target); // an entry's ack has one log: no room for it
            roomTarget = target;
        }
    }

    /**
     * Appends one log by copy. It is counted on its ack first, so its outcome cannot take the ack to zero early; an
     * entry's ack, which has no other owner, gets its owner hold released once it counts its log.
     */
    private void append(ParsedLog log, int length, int valueBytes, Ack target) {
        scratch.reset();
        scratch.ensure(length);
        writer.write(log, scratch.array(), 0);
        target.expect(1);
        if (target.isEntryAck()) {
            target.release();
        }
        try {
            stream.append(scratch.array(), length, valueBytes, target);
            stats.shipped.increment();
        } catch (ClsException e) {
            refused(e, target, 1);
        }
    }

    /** Gives the lent room back, appending the logs in it (counted on their ack first, as in {@link #append}). */
    private void giveBack() {
        EncodedLogStream.Room r = room;
        if (r == null) {
            return;
        }
        Ack target = roomTarget;
        room = null;
        roomTarget = null;
        int n = r.logs();
        if (n > 0) {
            target.expect(n);
        }
        try {
            r.giveBack();
            stats.shipped.add(n);
        } catch (ClsException e) {
            refused(e, target, n);
        }
    }

    /** The producer refused logs (buffer full, closed, interrupted): not their fault; they settle as a retry. */
    private void refused(ClsException e, Ack target, int logs) {
        broken = DeliveryFailure.describe(e, null);
        LOG.debug("the producer refused logs of {}; they are read again later: {}", fileName, broken);
        target.notAppended(logs, broken);
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
