package io.clssdk.tailer.internal.read;

import io.clssdk.tailer.LineChunk;
import io.clssdk.tailer.TailedFile;
import io.clssdk.tailer.internal.file.CommitTracker;

/**
 * The {@link LineChunk} handed to a sink: a view of a reader's {@link LineBatch} while the sink's {@code accept} runs,
 * and afterwards only the metadata and the acknowledgement handle.
 */
public final class Chunk implements LineChunk {
    private final TailedFile file;
    private final int lineCount;
    private final long startOffset;
    private final long endOffset;
    private final long readTimeMillis;
    private final CommitTracker tracker;
    private final CommitTracker.Range range;
    private volatile LineBatch batch;

    public Chunk(
            TailedFile file,
            LineBatch batch,
            long startOffset,
            long endOffset,
            long readTimeMillis,
            CommitTracker tracker,
            CommitTracker.Range range) {
        this.file = file;
        this.batch = batch;
        this.lineCount = batch.count();
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.readTimeMillis = readTimeMillis;
        this.tracker = tracker;
        this.range = range;
    }

    /** Ends the sink's access to the reader's buffer. */
    public void detach() {
        batch = null;
    }

    private LineBatch batch() {
        LineBatch b = batch;
        if (b == null) {
            throw new IllegalStateException("the chunk's bytes are only valid during TailSink.accept");
        }
        return b;
    }

    @Override
    public TailedFile file() {
        return file;
    }

    @Override
    public byte[] buffer() {
        return batch().buffer();
    }

    @Override
    public int lineCount() {
        return lineCount;
    }

    @Override
    public int lineStart(int i) {
        return batch().start(i);
    }

    @Override
    public int lineEnd(int i) {
        return batch().end(i);
    }

    @Override
    public boolean truncated(int i) {
        return batch().truncated(i);
    }

    /**
     * True when the reader saw that line {@code i} is 7-bit ASCII while looking for its end, so a parser need not scan
     * it again; false when not or unknown. Valid only during {@code accept}, like the line positions.
     */
    public boolean knownAscii(int i) {
        return batch().ascii(i);
    }

    @Override
    public long startOffset() {
        return startOffset;
    }

    @Override
    public long endOffset() {
        return endOffset;
    }

    @Override
    public long readTimeMillis() {
        return readTimeMillis;
    }

    @Override
    public void acknowledge() {
        tracker.acknowledge(range);
    }

    @Override
    public void retryLater(String reason) {
        tracker.fail(range, reason);
    }

    @Override
    public String toString() {
        return "LineChunk{" + file.path() + " [" + startOffset + ", " + endOffset + "), " + lineCount + " lines}";
    }
}
