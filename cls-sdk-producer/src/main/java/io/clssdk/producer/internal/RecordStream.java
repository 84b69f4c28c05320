package io.clssdk.producer.internal;

import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.Limits;
import io.clssdk.core.spi.LogDecoder;
import io.clssdk.producer.EncodedLogStream;
import io.clssdk.producer.OutcomeListener;
import io.clssdk.producer.SendCallback;

/**
 * An {@link EncodedLogStream} over any producer that takes records: each encoded log is decoded back into a {@link
 * LogRecord} and handed to a {@link Sink} (by default {@code ClsProducer.send}), its outcome reported to its listener
 * as one log. What a plain {@code send()} cannot carry — the stream's file name and tags, which are log-group
 * metadata — is the sink's business: {@code ClsProducer}'s default sends without it. {@link #flush()} does nothing: each
 * log is already with the producer, whose linger sends it ({@code ClsProducer.flush()} would block the file reader until
 * every log completed). Not thread-safe: one owner appends.
 */
public final class RecordStream implements EncodedLogStream {
    /** Where decoded logs go. */
    @FunctionalInterface
    public interface Sink {
        /** Sends {@code record}; its outcome must reach {@code callback} exactly once. */
        void send(LogRecord record, SendCallback callback);
    }

    private final Sink sink;
    private volatile boolean closed;

    public RecordStream(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void append(byte[] log, int length, int valueBytes, OutcomeListener target) {
        if (closed) {
            throw new IllegalStateException("this log stream is closed");
        }
        LogRecord record = LogDecoder.decode(log, 0, length);
        sink.send(record, result -> target.completed(result, 1));
    }

    @Override
    public boolean fitsOneRequest(int length, int valueBytes) {
        return length <= Limits.MAX_BODY_BYTES - 4096 && valueBytes <= Limits.MAX_REQUEST_VALUE_BYTES;
    }

    @Override
    public void flush() {
        // each log went to the producer in append(); its linger sends it
    }

    @Override
    public void close() {
        closed = true;
    }
}
