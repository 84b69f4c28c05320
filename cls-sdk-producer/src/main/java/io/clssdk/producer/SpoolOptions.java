package io.clssdk.producer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a producer's disk spool ({@link ProducerOptions.Builder#spool}): every sealed batch is written to
 * segment files in {@link #directory()} before it is sent and marked done there once it reaches a final outcome, so
 * that logs a crash, {@code kill -9} or a close left undelivered are sent by the next producer started on the same
 * directory. Immutable; build with {@link #builder(Path)}, whose {@code build()} names the option out of bounds.
 *
 * <table>
 *   <caption>Options, defaults and bounds</caption>
 *   <tr><th>option</th><th>default</th><th>bounds</th><th>meaning</th></tr>
 *   <tr><td>directory</td><td>(required)</td><td></td><td>created with mode 0700 where POSIX permissions exist; one
 *       producer at a time (a lock file)</td></tr>
 *   <tr><td>maxBytes</td><td>1 GiB</td><td>≥ 2 × segmentBytes</td><td>disk the spool may use; checked when a log is
 *       accepted, so batches already in memory may take it over by up to totalBufferBytes</td></tr>
 *   <tr><td>segmentBytes</td><td>64 MiB</td><td>64 KiB – 1 GiB</td><td>size at which a new segment file starts;
 *       a segment is deleted once every batch in it is done</td></tr>
 *   <tr><td>fsync</td><td>INTERVAL</td><td></td><td>when written batches are forced to the device (matters for a
 *       host crash or power loss, not for a process crash)</td></tr>
 *   <tr><td>fsyncInterval</td><td>1 s</td><td>10 ms – 60 s</td><td>period of {@link Fsync#INTERVAL}; also caps the
 *       producer's linger, since a batch is written when it is sealed: {@code kill -9} loses at most the logs accepted
 *       within the last interval, a host crash (INTERVAL) those within the last two</td></tr>
 *   <tr><td>whenFull</td><td>BLOCK</td><td></td><td>what {@code send()} does while the spool holds maxBytes</td></tr>
 *   <tr><td>onReplayed</td><td>none</td><td></td><td>told the outcome of each batch replayed at start</td></tr>
 * </table>
 */
public final class SpoolOptions {
    static final long MIN_SEGMENT_BYTES = 64 * 1024;
    static final long MAX_SEGMENT_BYTES = 1L << 30;

    /** When written batches are forced to the storage device ({@code FileChannel.force}). */
    public enum Fsync {
        /** After every batch written: a host crash loses no sealed batch; costs one device flush per batch. */
        EVERY_BATCH,
        /** Every {@link #fsyncInterval()}: a host crash loses at most the batches sealed within the interval. */
        INTERVAL,
        /** Left to the operating system: a host crash may lose whatever it had not written yet. */
        NEVER
    }

    /** What happens when a log is accepted while the spool holds {@link #maxBytes()}. */
    public enum WhenFull {
        /**
         * {@code send()} waits up to maxBlock for segments to be delivered and deleted, then fails with BUFFER_FULL
         * (the tailer's streams wait as long as it takes).
         */
        BLOCK,
        /**
         * The oldest segments are deleted until the new batch fits: their undelivered logs are lost, counted in
         * {@link ProducerMetrics#spoolDroppedLogs()} and logged at ERROR. {@code send()} never waits for the disk.
         */
        DROP_OLDEST
    }

    private final Path directory;
    private final long maxBytes;
    private final long segmentBytes;
    private final Fsync fsync;
    private final Duration fsyncInterval;
    private final WhenFull whenFull;
    private final ReplayListener onReplayed;

    private SpoolOptions(Builder b) {
        this.directory = b.directory;
        this.maxBytes = b.maxBytes;
        this.segmentBytes = b.segmentBytes;
        this.fsync = b.fsync;
        this.fsyncInterval = b.fsyncInterval;
        this.whenFull = b.whenFull;
        this.onReplayed = b.onReplayed;
    }

    /** A builder for a spool in {@code directory}, with the defaults of the table above. */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(directory);
        b.maxBytes = maxBytes;
        b.segmentBytes = segmentBytes;
        b.fsync = fsync;
        b.fsyncInterval = fsyncInterval;
        b.whenFull = whenFull;
        b.onReplayed = onReplayed;
        return b;
    }

    /** The spool directory. */
    public Path directory() {
        return directory;
    }

    /** Disk the spool may use, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Size in bytes at which a new segment file starts. */
    public long segmentBytes() {
        return segmentBytes;
    }

    /** When written batches are forced to the device. */
    public Fsync fsync() {
        return fsync;
    }

    /** The period of {@link Fsync#INTERVAL}. */
    public Duration fsyncInterval() {
        return fsyncInterval;
    }

    /** What happens when the spool is full. */
    public WhenFull whenFull() {
        return whenFull;
    }

    /** The listener told of replayed batches' outcomes, or null. */
    public ReplayListener onReplayed() {
        return onReplayed;
    }

    @Override
    public String toString() {
        return "SpoolOptions{directory=" + directory + ", maxBytes=" + maxBytes + ", segmentBytes=" + segmentBytes
                + ", fsync=" + fsync + ", fsyncInterval=" + fsyncInterval + ", whenFull=" + whenFull + '}';
    }

    /** Builds {@link SpoolOptions}. Not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private long maxBytes = 1L << 30;
        private long segmentBytes = 64L * 1024 * 1024;
        private Fsync fsync = Fsync.INTERVAL;
        private Duration fsyncInterval = Duration.ofSeconds(1);
        private WhenFull whenFull = WhenFull.BLOCK;
        private ReplayListener onReplayed;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /** Disk the spool may use (default 1 GiB, at least twice segmentBytes). */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /** Size at which a new segment starts (default 64 MiB, 64 KiB – 1 GiB). */
        public Builder segmentBytes(long segmentBytes) {
            this.segmentBytes = segmentBytes;
            return this;
        }

        /** When written batches are forced to the device (default {@link Fsync#INTERVAL}). */
        public Builder fsync(Fsync fsync) {
            this.fsync = fsync;
            return this;
        }

        /** The period of {@link Fsync#INTERVAL} (default 1 s, 10 ms – 60 s). */
        public Builder fsyncInterval(Duration fsyncInterval) {
            this.fsyncInterval = fsyncInterval;
            return this;
        }

        /** What happens when the spool is full (default {@link WhenFull#BLOCK}). */
        public Builder whenFull(WhenFull whenFull) {
            this.whenFull = whenFull;
            return this;
        }

        /** Told the outcome of each batch replayed at start (default none). */
        public Builder onReplayed(ReplayListener listener) {
            this.onReplayed = listener;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException naming the option that is out of bounds
         */
        public SpoolOptions build() {
            Objects.requireNonNull(fsync, "fsync");
            Objects.requireNonNull(whenFull, "whenFull");
            Objects.requireNonNull(fsyncInterval, "fsyncInterval");
            if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
                throw new IllegalArgumentException("segmentBytes must be in [" + MIN_SEGMENT_BYTES + ", "
                        + MAX_SEGMENT_BYTES + "], got " + segmentBytes);
            }
            if (maxBytes < 2 * segmentBytes) {
                throw new IllegalArgumentException(
                        "maxBytes (" + maxBytes + ") must be at least twice segmentBytes (" + segmentBytes + ")");
            }
            if (fsyncInterval.toMillis() < 10 || fsyncInterval.toMillis() > 60_000) {
                throw new IllegalArgumentException("fsyncInterval must be in [10 ms, 60 s], got " + fsyncInterval);
            }
            return new SpoolOptions(this);
        }
    }
}
