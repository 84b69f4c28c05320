package io.clssdk.tailer.internal.engine;

/** What one reader task did, reported back to the engine thread. */
final class ReadResult {
    enum Kind {
        READ,
        FLUSH,
        IDLE,
        CLOSED,
        /** The sink was told the file is read again from its committed offset ({@link DeliveryHolds}). */
        REWIND
    }

    final TrackedFile file;
    final Kind kind;
    /** Reached the end of the file (as opposed to stopping for budget, backpressure or a failure). */
    boolean eof;
    /** The file's size when the end was reached. */
    long size = -1;

    long bytesConsumed;
    int lines;
    /** Lines cut to maxLineBytes. */
    int truncated;

    boolean backpressured;
    /** The sink threw; the lines will be offered again after a backoff. */
    Throwable sinkError;
    /** Reading failed. */
    Exception ioError;

    ReadResult(TrackedFile file, Kind kind) {
        this.file = file;
        this.kind = kind;
    }
}
