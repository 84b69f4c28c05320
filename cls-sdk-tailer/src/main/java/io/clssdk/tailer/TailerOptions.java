package io.clssdk.tailer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Engine-wide settings of a {@link Tailer}. Immutable; build with {@link #builder(Path)}, which takes the one required
 * option, the checkpoint directory.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>bounds</th></tr>
 *   <tr><td>checkpointDirectory</td><td>required</td><td>a directory the tailer may create and own</td></tr>
 *   <tr><td>rescanInterval</td><td>30 s</td><td>100 ms .. 1 h</td></tr>
 *   <tr><td>rotationQuietPeriod</td><td>60 s</td><td>0 .. 1 day</td></tr>
 *   <tr><td>maxOpenFiles</td><td>1,024</td><td>1 .. 1,000,000</td></tr>
 *   <tr><td>maxLineBytes</td><td>512 KiB</td><td>16 B .. 64 MiB</td></tr>
 *   <tr><td>partialLineFlushIdle</td><td>3 s</td><td>0 (never) .. 1 day</td></tr>
 *   <tr><td>readBufferBytes</td><td>1 MiB</td><td>&gt; maxLineBytes, .. 256 MiB</td></tr>
 *   <tr><td>maxInFlightBytes</td><td>64 MiB</td><td>1 KiB .. 16 GiB</td></tr>
 *   <tr><td>checkpointInterval</td><td>1 s</td><td>10 ms .. 1 h</td></tr>
 *   <tr><td>checkpointRetention</td><td>1 h</td><td>0 .. 365 days</td></tr>
 *   <tr><td>fingerprintBytes</td><td>1,024</td><td>16 .. 65,536</td></tr>
 *   <tr><td>readerThreads</td><td>1</td><td>1 .. 64</td></tr>
 *   <tr><td>maxHeldDeletedFiles</td><td>100</td><td>0 .. 100,000</td></tr>
 *   <tr><td>maxHeldDeletedBytes</td><td>1 GiB</td><td>0 .. 1 TiB</td></tr>
 * </table>
 *
 * <p>Memory: the tailer holds one read buffer per reader thread, a few hundred bytes per followed file, and never lets
 * sinks hold more than {@code maxInFlightBytes} of unacknowledged lines (plus one chunk), whatever the line lengths or
 * the number of files.
 */
public final class TailerOptions {
    private final Path checkpointDirectory;
    private final Duration rescanInterval;
    private final Duration rotationQuietPeriod;
    private final int maxOpenFiles;
    private final int maxLineBytes;
    private final Duration partialLineFlushIdle;
    private final int readBufferBytes;
    private final long maxInFlightBytes;
    private final Duration checkpointInterval;
    private final Duration checkpointRetention;
    private final int fingerprintBytes;
    private final int readerThreads;
    private final int maxHeldDeletedFiles;
    private final long maxHeldDeletedBytes;

    private TailerOptions(Builder b) {
        this.checkpointDirectory = b.checkpointDirectory;
        this.rescanInterval = b.rescanInterval;
        this.rotationQuietPeriod = b.rotationQuietPeriod;
        this.maxOpenFiles = b.maxOpenFiles;
        this.maxLineBytes = b.maxLineBytes;
        this.partialLineFlushIdle = b.partialLineFlushIdle;
        this.readBufferBytes = b.readBufferBytes;
        this.maxInFlightBytes = b.maxInFlightBytes;
        this.checkpointInterval = b.checkpointInterval;
        this.checkpointRetention = b.checkpointRetention;
        this.fingerprintBytes = b.fingerprintBytes;
        this.readerThreads = b.readerThreads;
        this.maxHeldDeletedFiles = b.maxHeldDeletedFiles;
        this.maxHeldDeletedBytes = b.maxHeldDeletedBytes;
    }

    /**
     * Returns a builder with the defaults above.
     *
     * @param checkpointDirectory where the tailer keeps {@code checkpoints.json} (created if missing). One tailer per
     *     directory: a second one using it fails to start.
     */
    public static Builder builder(Path checkpointDirectory) {
        return new Builder(Objects.requireNonNull(checkpointDirectory, "checkpointDirectory"));
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder(checkpointDirectory);
        b.rescanInterval = rescanInterval;
        b.rotationQuietPeriod = rotationQuietPeriod;
        b.maxOpenFiles = maxOpenFiles;
        b.maxLineBytes = maxLineBytes;
        b.partialLineFlushIdle = partialLineFlushIdle;
        b.readBufferBytes = readBufferBytes;
        b.maxInFlightBytes = maxInFlightBytes;
        b.checkpointInterval = checkpointInterval;
        b.checkpointRetention = checkpointRetention;
        b.fingerprintBytes = fingerprintBytes;
        b.readerThreads = readerThreads;
        return b;
    }

    /** The directory holding {@code checkpoints.json}. */
    public Path checkpointDirectory() {
        return checkpointDirectory;
    }

    /**
     * How often the directories are listed again as a safety net behind file-system events (default 30 s). Events are
     * the primary signal and an event-queue overflow triggers a rescan at once, so the rescan only catches what the
     * platform never reports (for example network file systems); at 30 s, 1,000 idle files cost about 0.05 % of a core.
     * A rescan lists each real directory once (however many symbolic-link paths lead to it) and runs on the engine
     * thread in slices, between which new lines and {@link Tailer#status()} are served; the next one is due this long
     * after the last one ended. Files on pseudo file systems such as {@code /proc} are never followed (see
     * {@link TailSource}).
     */
    public Duration rescanInterval() {
        return rescanInterval;
    }

    /** How long a renamed (rotated) file is followed after its last growth before it is closed (default 60 s). */
    public Duration rotationQuietPeriod() {
        return rotationQuietPeriod;
    }

    /**
     * The most file descriptors the tailer holds (default 1,024). At the cap a renamed file already read to its end, or
     * else the least recently active idle file, is closed to make room (and reopened by identity when it changes); a
     * file for which no descriptor can be freed waits, in the order files were found, and gets the next free one. The
     * cap delays reading, it never drops a file: a waiting file shows its wait in {@link FileStatus#problem()}.
     */
    public int maxOpenFiles() {
        return maxOpenFiles;
    }

    /** Longer lines are cut to this many bytes and flagged as truncated (default 512 KiB, as LogListener). */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * How long an incomplete last line (no {@code \n} yet) waits before it is delivered as a line anyway, and how long a
     * file must be quiet before {@link TailSink#idle} is called (default 3 s; zero never flushes partial lines and never
     * calls {@code idle}).
     */
    public Duration partialLineFlushIdle() {
        return partialLineFlushIdle;
    }

    /**
     * The size of each reader thread's buffer, and of the largest positional read (default 1 MiB). Short lines are read
     * in windows of 256 KiB of it, each split and encoded before the next is read (cheaper for the CPU's cache); a
     * file whose lines run longer than 32 KiB is read in whole buffers.
     */
    public int readBufferBytes() {
        return readBufferBytes;
    }

    /** Above this many unacknowledged bytes the tailer stops reading until acknowledgements arrive (default 64 MiB). */
    public long maxInFlightBytes() {
        return maxInFlightBytes;
    }

    /** How often committed offsets are written, only when they changed (default 1 s). */
    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    /** How long checkpoint entries of files that are gone are kept (default 1 h). */
    public Duration checkpointRetention() {
        return checkpointRetention;
    }

    /** How many leading bytes identify a file together with its device and inode (default 1,024). */
    public int fingerprintBytes() {
        return fingerprintBytes;
    }

    /** Threads reading files and calling sinks (default 1). */
    public int readerThreads() {
        return readerThreads;
    }

    /**
     * How many deleted files the tailer keeps open while they hold lines not yet delivered (during a delivery outage),
     * default 100, 0 .. 100,000. A deleted file's bytes live only as long as the tailer holds it open; beyond this
     * bound (or {@link #maxHeldDeletedBytes()}) the file deleted first is released: its undelivered byte range is logged
     * at ERROR and counted in {@link TailerStatus#lostFiles()} and {@link TailerStatus#lostBytes()}. Counted are deleted
     * files with bytes not yet acknowledged, whether their delivery is failing or they are still being drained; 0
     * releases a deleted file as soon as it is found deleted.
     */
    public int maxHeldDeletedFiles() {
        return maxHeldDeletedFiles;
    }

    /**
     * How many undelivered bytes of deleted files the tailer keeps on disk by holding them open, default 1 GiB, 0 .. 1
     * TiB (see {@link #maxHeldDeletedFiles()}).
     */
    public long maxHeldDeletedBytes() {
        return maxHeldDeletedBytes;
    }

    @Override
    public String toString() {
        return "TailerOptions{checkpointDirectory=" + checkpointDirectory + ", rescanInterval=" + rescanInterval
                + ", rotationQuietPeriod=" + rotationQuietPeriod + ", maxOpenFiles=" + maxOpenFiles + ", maxLineBytes="
                + maxLineBytes + ", partialLineFlushIdle=" + partialLineFlushIdle + ", readBufferBytes="
                + readBufferBytes + ", maxInFlightBytes=" + maxInFlightBytes + ", checkpointInterval="
                + checkpointInterval + ", checkpointRetention=" + checkpointRetention + ", fingerprintBytes="
                + fingerprintBytes + ", readerThreads=" + readerThreads + '}';
    }

    /** Builds {@link TailerOptions}; {@link #build()} checks the bounds and names the option that is out of them. */
    public static final class Builder {
        private final Path checkpointDirectory;
        private Duration rescanInterval = Duration.ofSeconds(30);
        private Duration rotationQuietPeriod = Duration.ofSeconds(60);
        private int maxOpenFiles = 1024;
        private int maxLineBytes = 512 * 1024;
        private Duration partialLineFlushIdle = Duration.ofSeconds(3);
        private int readBufferBytes = 1024 * 1024;
        private long maxInFlightBytes = 64L * 1024 * 1024;
        private Duration checkpointInterval = Duration.ofSeconds(1);
        private Duration checkpointRetention = Duration.ofHours(1);
        private int fingerprintBytes = 1024;
        private int readerThreads = 1;
        private int maxHeldDeletedFiles = 100;
        private long maxHeldDeletedBytes = 1L << 30;

        private Builder(Path checkpointDirectory) {
            this.checkpointDirectory = checkpointDirectory;
        }

        public Builder rescanInterval(Duration rescanInterval) {
            this.rescanInterval = rescanInterval;
            return this;
        }

        public Builder rotationQuietPeriod(Duration rotationQuietPeriod) {
            this.rotationQuietPeriod = rotationQuietPeriod;
            return this;
        }

        public Builder maxOpenFiles(int maxOpenFiles) {
            this.maxOpenFiles = maxOpenFiles;
            return this;
        }

        public Builder maxLineBytes(int maxLineBytes) {
            this.maxLineBytes = maxLineBytes;
            return this;
        }

        public Builder partialLineFlushIdle(Duration partialLineFlushIdle) {
            this.partialLineFlushIdle = partialLineFlushIdle;
            return this;
        }

        public Builder readBufferBytes(int readBufferBytes) {
            this.readBufferBytes = readBufferBytes;
            return this;
        }

        public Builder maxInFlightBytes(long maxInFlightBytes) {
            this.maxInFlightBytes = maxInFlightBytes;
            return this;
        }

        public Builder checkpointInterval(Duration checkpointInterval) {
            this.checkpointInterval = checkpointInterval;
            return this;
        }

        public Builder checkpointRetention(Duration checkpointRetention) {
            this.checkpointRetention = checkpointRetention;
            return this;
        }

        public Builder fingerprintBytes(int fingerprintBytes) {
            this.fingerprintBytes = fingerprintBytes;
            return this;
        }

        public Builder readerThreads(int readerThreads) {
            this.readerThreads = readerThreads;
            return this;
        }

        public Builder maxHeldDeletedFiles(int maxHeldDeletedFiles) {
            this.maxHeldDeletedFiles = maxHeldDeletedFiles;
            return this;
        }

        public Builder maxHeldDeletedBytes(long maxHeldDeletedBytes) {
            this.maxHeldDeletedBytes = maxHeldDeletedBytes;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException naming the option that is out of bounds
         */
        public TailerOptions build() {
            between(rescanInterval, "rescanInterval", Duration.ofMillis(100), Duration.ofHours(1));
            between(rotationQuietPeriod, "rotationQuietPeriod", Duration.ZERO, Duration.ofDays(1));
            between(partialLineFlushIdle, "partialLineFlushIdle", Duration.ZERO, Duration.ofDays(1));
            between(checkpointInterval, "checkpointInterval", Duration.ofMillis(10), Duration.ofHours(1));
            between(checkpointRetention, "checkpointRetention", Duration.ZERO, Duration.ofDays(365));
            between(maxOpenFiles, "maxOpenFiles", 1, 1_000_000);
            between(maxLineBytes, "maxLineBytes", 16, 64 << 20);
            between(readBufferBytes, "readBufferBytes", maxLineBytes + 1L, 256 << 20);
            between(maxInFlightBytes, "maxInFlightBytes", 1024, 16L << 30);
            between(fingerprintBytes, "fingerprintBytes", 16, 65536);
            between(readerThreads, "readerThreads", 1, 64);
            between(maxHeldDeletedFiles, "maxHeldDeletedFiles", 0, 100_000);
            between(maxHeldDeletedBytes, "maxHeldDeletedBytes", 0, 1L << 40);
            return new TailerOptions(this);
        }

        private static void between(Duration d, String name, Duration min, Duration max) {
            Objects.requireNonNull(d, name);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + d);
            }
        }

        private static void between(long v, String name, long min, long max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
            }
        }
    }
}
