package io.clssdk.tailer;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A snapshot of one followed file, part of {@link TailerStatus}. Immutable value; thread-safe. */
public final class FileStatus {
    /** What the tailer is doing with a file. */
    public enum State {
        /** Open (or about to be reopened) and followed at its path. */
        ACTIVE,
        /** Renamed away from its path: read to the end until it stays quiet for the rotation quiet period. */
        ROTATED_DRAINING,
        /** Deleted while open: read to the end, then released. */
        DELETED_DRAINING,
        /**
         * Closed after {@linkplain TailSource#fileTimeout() inactivity} or to stay under
         * {@linkplain TailerOptions#maxOpenFiles() the open-file cap}; reopened (after checking its identity) when
         * written again.
         */
        CLOSED_IDLE
    }

    private final TailedFile file;
    private final State state;
    private final long readOffset;
    private final long committedOffset;
    private final long size;
    private final long truncatedLines;
    private final String problem;
    private final Long deliveryFailingSince;
    private final String lastDeliveryError;

    private FileStatus(
            TailedFile file,
            State state,
            long readOffset,
            long committedOffset,
            long size,
            long truncated,
            String problem,
            Long deliveryFailingSince,
            String lastDeliveryError) {
        this.file = Objects.requireNonNull(file, "file");
        this.state = Objects.requireNonNull(state, "state");
        this.readOffset = readOffset;
        this.committedOffset = committedOffset;
        this.size = size;
        this.truncatedLines = truncated;
        this.problem = problem;
        this.deliveryFailingSince = deliveryFailingSince;
        this.lastDeliveryError = lastDeliveryError;
    }

    /** Creates a snapshot value (the tailer creates these; public for tests of code that reads status). */
    public static FileStatus of(
            TailedFile file, State state, long readOffset, long committedOffset, long size, long truncatedLines) {
        return new FileStatus(file, state, readOffset, committedOffset, size, truncatedLines, null, null, null);
    }

    /**
     * Creates a snapshot value with a {@linkplain #problem() problem} (the tailer creates these; public for tests).
     *
     * @param problem why the file is not being read now, or null
     */
    public static FileStatus of(
            TailedFile file,
            State state,
            long readOffset,
            long committedOffset,
            long size,
            long truncatedLines,
            String problem) {
        return new FileStatus(file, state, readOffset, committedOffset, size, truncatedLines, problem, null, null);
    }

    /**
     * A copy with the delivery state (the tailer creates these; public for tests).
     *
     * @param failingSinceMillis when delivery of the file's lines started failing (epoch millis), or null if it works
     * @param lastError the last delivery failure, or null
     */
    public FileStatus withDelivery(Long failingSinceMillis, String lastError) {
        return new FileStatus(
                file, state, readOffset, committedOffset, size, truncatedLines, problem, failingSinceMillis, lastError);
    }

    /** The file, with its current path and identity. */
    public TailedFile file() {
        return file;
    }

    public State state() {
        return state;
    }

    /** The offset up to which lines were handed to the sink (a held partial last line is not included). */
    public long readOffset() {
        return readOffset;
    }

    /** The offset up to which every chunk was acknowledged; what the next checkpoint records. -1 if none yet. */
    public long committedOffset() {
        return committedOffset;
    }

    /** The file's size when the snapshot was taken. */
    public long size() {
        return size;
    }

    /** Bytes not yet acknowledged: {@code size - committedOffset} (at least 0). */
    public long lagBytes() {
        return Math.max(0, size - Math.max(0, committedOffset));
    }

    /**
     * Bytes on disk not yet delivered and acknowledged: {@code size - committedOffset} (at least 0), the same as {@link
     * #lagBytes()}. Above 0 during a delivery outage: the tailer keeps them and sends them once delivery works.
     */
    public long unsentBytes() {
        return lagBytes();
    }

    /**
     * When delivery of this file's lines started failing for a reason that is not theirs (endpoint unreachable,
     * delivery timeout, throttling, credentials…), in milliseconds since the epoch; empty while delivery works. While
     * set, the file is held at its committed offset and probed with a backoff (1 s doubling to 30 s).
     */
    public OptionalLong deliveryFailingSince() {
        return deliveryFailingSince == null ? OptionalLong.empty() : OptionalLong.of(deliveryFailingSince);
    }

    /** The last delivery failure of this file while {@link #deliveryFailingSince()} is set, else empty. */
    public Optional<String> lastDeliveryError() {
        return Optional.ofNullable(lastDeliveryError);
    }

    /** Lines of this file cut to {@link TailerOptions#maxLineBytes()} so far. */
    public long truncatedLines() {
        return truncatedLines;
    }

    /**
     * Why the file is not being read now, or empty. Either it waits for a descriptor ({@link
     * TailerOptions#maxOpenFiles()} are in use; it gets the next free one, in the order files were found), or it
     * cannot be opened (the message names the error, e.g. permission denied; it was logged at WARN and is retried on
     * the file's next change and at every rescan). Until it is first opened its read offset is 0.
     */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FileStatus)) {
            return false;
        }
        FileStatus that = (FileStatus) o;
        return readOffset == that.readOffset
                && committedOffset == that.committedOffset
                && size == that.size
                && truncatedLines == that.truncatedLines
                && file.equals(that.file)
                && state == that.state
                && Objects.equals(problem, that.problem)
                && Objects.equals(deliveryFailingSince, that.deliveryFailingSince)
                && Objects.equals(lastDeliveryError, that.lastDeliveryError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                file,
                state,
                readOffset,
                committedOffset,
                size,
                truncatedLines,
                problem,
                deliveryFailingSince,
                lastDeliveryError);
    }

    @Override
    public String toString() {
        return "FileStatus{" + file.path() + " " + state + ", read=" + readOffset + ", committed=" + committedOffset
                + ", size=" + size + ", lag=" + lagBytes() + ", truncatedLines=" + truncatedLines
                + (problem != null ? ", problem=" + problem : "")
                + (deliveryFailingSince != null ? ", deliveryFailingSince=" + deliveryFailingSince : "")
                + (lastDeliveryError != null ? ", lastDeliveryError=" + lastDeliveryError : "") + '}';
    }
}
