package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.internal.file.CommitTracker;
import io.clssdk.tailer.internal.file.InFlight;
import io.clssdk.tailer.internal.read.Chunk;
import io.clssdk.tailer.internal.read.LineBatch;
import io.clssdk.tailer.internal.read.LineScanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads one file with positional reads of up to {@link #READ_WINDOW} bytes into a reusable buffer, splits complete
 * lines and hands them to the sink as chunks. An incomplete last line is not consumed: the next read starts at its
 * first byte. A line longer than {@code maxLineBytes} is scanned to its end without keeping it, then its first {@code
 * maxLineBytes} are read again and delivered flagged as truncated, so neither memory nor the file stalls. One reader
 * per reader thread; not thread-safe.
 */
final class ChunkReader {
    /** The most a probe read after a delivery failure reads (when a line ends in it). */
    static final int PROBE_BYTES = 64 * 1024;

    /**
     * The most an ordinary read reads, when lines are short. Each window is split and encoded before the next is read,
     * while it is still in the core's cache: the reader thread spent about 5 % less CPU than with whole-buffer reads of
     * 1 MiB (README, Benchmarks). A read that ends in a long line (more than an eighth of a
     * window left over, or no line end at all) is followed by whole-buffer reads, and the file remembers it ({@link
     * TrackedFile#wideReads}): a file of long lines is read in whole buffers, not a window and then again in full.
     */
    static final int READ_WINDOW = 256 * 1024;

    private final byte[] buf;
    private final ByteBuffer bb;
    private final LineScanner scanner;
    private final LineBatch batch;
    private final int maxLineBytes;
    private final InFlight inFlight;
    private final Clock clock;

    ChunkReader(int bufferBytes, int maxLineBytes, InFlight inFlight, Clock clock) {
        this.buf = new byte[bufferBytes];
        this.bb = ByteBuffer.wrap(buf);
        this.scanner = new LineScanner(buf);
        this.batch = new LineBatch(buf);
        this.maxLineBytes = maxLineBytes;
        this.inFlight = inFlight;
        this.clock = clock;
    }

    /** Reads and delivers up to about {@code budget} bytes, stopping early at the end, on backpressure or failure. */
    ReadResult read(TrackedFile f, long budget, Stopping stopping) {
        return read(f, budget, false, stopping);
    }

    /**
     * Reads like {@link #read(TrackedFile, long, Stopping)}; a {@code probe} (after a delivery failure) reads at most
     * {@link #PROBE_BYTES} and delivers at most one chunk — unless no line ends in that window, when it reads on in
     * full buffers until one chunk is delivered.
     */
    ReadResult read(TrackedFile f, long budget, boolean probe, Stopping stopping) {
        ReadResult r = new ReadResult(f, ReadResult.Kind.READ);
        long startOffset = f.readOffset;
        int window = Math.min(buf.length, probe ? PROBE_BYTES : READ_WINDOW);
        int len = f.wideReads && !probe ? buf.length : window;
        try {
            while (budget > 0 && !stopping.stopping()) {
                if (f.scanOffset >= 0) {
                    int n = readAt(f.channel, buf.length, f.scanOffset);
                    if (n <= 0) {
                        atEnd(f, r);
                        break;
                    }
                    budget -= n;
                    if (!finishLongLine(f, n, r) || probe && r.lines > 0) {
                        break;
                    }
                    continue;
                }
                long pos = f.readOffset;
                int n = readAt(f.channel, len, pos);
                if (n <= 0) {
                    atEnd(f, r);
                    break;
                }
                budget -= n;
                if (!splitAndDeliver(f, pos, n, r) || probe && r.lines > 0) {
                    break;
                }
                int rest = (int) (pos + n - f.readOffset);
                if (rest > maxLineBytes) {
                    f.scanOffset = pos + n;
                    f.keepHead = true;
                } else if (n < len) {
                    atEnd(f, r);
                    break;
                }
                f.wideReads = rest > window / 8; // a long line at the end: read on with the whole buffer
                len = f.wideReads ? buf.length : window;
            }
        } catch (IOException e) {
            r.ioError = e;
        }
        r.bytesConsumed = f.readOffset - startOffset;
        return r;
    }

    /**
     * Delivers the held incomplete last line (at most maxLineBytes of it) as a line ending at the end of the file. If
     * the file grew behind that line instead — between the read that ended in it and that read's look at the file's
     * size — complete lines found there are delivered as lines and the rest is left to a read ({@code eof} false), as
     * is a line that grew past maxLineBytes: lines are never joined into one, nor skipped as the tail of a cut one.
     */
    ReadResult flushPartial(TrackedFile f) {
        ReadResult r = new ReadResult(f, ReadResult.Kind.FLUSH);
        long startOffset = f.readOffset;
        try {
            long size = f.channel.size();
            if (size > f.readOffset) {
                if (f.scanOffset >= 0 && !f.keepHead) {
                    f.tracker.skip(size);
                    f.readOffset = size;
                } else {
                    int n = readAt(f.channel, (int) Math.min(maxLineBytes, size - f.readOffset), f.readOffset);
                    if (n > 0 && f.scanOffset < 0 && (n < size - f.readOffset || scanner.indexOf(0, n) >= 0)) {
                        splitAndDeliver(f, f.readOffset, n, r);
                        r.bytesConsumed = f.readOffset - startOffset;
                        return r;
                    }
                    if (n > 0) {
                        boolean cut = size - f.readOffset > maxLineBytes;
                        int end = !cut && buf[n - 1] == '\r' ? n - 1 : n;
                        batch.clear();
                        batch.add(0, end, cut, false);
                        deliver(f, f.readOffset, size, r);
                    }
                }
                if (f.readOffset == size) {
                    f.scanOffset = -1;
                }
            }
            r.size = size;
            r.eof = true;
        } catch (IOException e) {
            r.ioError = e;
        }
        r.bytesConsumed = f.readOffset - startOffset;
        return r;
    }

    private void atEnd(TrackedFile f, ReadResult r) throws IOException {
        r.eof = true;
        r.size = f.channel.size();
    }

    /** Scans {@code n} bytes read at scanOffset for the end of the long (or misaligned) line. */
    private boolean finishLongLine(TrackedFile f, int n, ReadResult r) throws IOException {
        int nl = scanner.indexOf(0, n);
        if (nl < 0) {
            f.scanOffset += n;
            return true;
        }
        long lineEnd = f.scanOffset + nl + 1;
        if (f.keepHead) {
            int head = readAt(f.channel, maxLineBytes, f.readOffset);
            batch.clear();
            batch.add(0, head, true, false);
            if (!deliver(f, f.readOffset, lineEnd, r)) {
                return false;
            }
        } else {
            f.tracker.skip(lineEnd);
            f.readOffset = lineEnd;
        }
        f.scanOffset = -1;
        return true;
    }

    /** Splits buf[0, n) (read at {@code pos}) into lines and delivers them; false if delivery stopped early. */
    private boolean splitAndDeliver(TrackedFile f, long pos, int n, ReadResult r) {
        batch.clear();
        int chunkStart = 0;
        int lineStart = 0;
        int nl;
        while ((nl = scanner.indexOf(lineStart, n)) >= 0) {
            int len = nl - lineStart;
            boolean full;
            if (len > maxLineBytes) {
                full = batch.add(lineStart, lineStart + maxLineBytes, true, false);
            } else {
                full = batch.add(lineStart, len > 0 && buf[nl - 1] == '\r' ? nl - 1 : nl, false, scanner.asciiBefore());
            }
            lineStart = nl + 1;
            if (full) {
                if (!deliver(f, pos + chunkStart, pos + lineStart, r)) {
                    return false;
                }
                batch.clear();
                chunkStart = lineStart;
            }
        }
        return batch.count() == 0 || deliver(f, pos + chunkStart, pos + lineStart, r);
    }

    /** Hands the batch to the sink as one chunk; on success advances readOffset to {@code end}. */
    private boolean deliver(TrackedFile f, long start, long end, ReadResult r) {
        if (inFlight.full()) {
            r.backpressured = true;
            return false;
        }
        CommitTracker.Range range = f.tracker.register(end, end - start);
        Chunk chunk = new Chunk(f.view, batch, start, end, clock.currentTimeMillis(), f.tracker, range);
        try {
            f.source.sink.accept(chunk);
        } catch (Throwable t) { // NOPMD: a sink failure of any kind must not kill the reader; lines are offered again
            chunk.detach();
            f.tracker.cancel(range);
            r.sinkError = t;
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        chunk.detach();
        f.readOffset = end;
        r.lines += batch.count();
        if (batch.truncatedCount() > 0) {
            f.truncatedLines += batch.truncatedCount();
            r.truncated += batch.truncatedCount();
        }
        return true;
    }

    /** Reads up to {@code len} bytes at {@code pos} into buf[0..), until full or the end of the file. */
    private int readAt(FileChannel ch, int len, long pos) throws IOException {
        bb.clear();
        bb.limit(len);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, pos + total);
            if (n <= 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Lets a long read stop promptly when the tailer stops. */
    interface Stopping {
        boolean stopping();
    }
}
