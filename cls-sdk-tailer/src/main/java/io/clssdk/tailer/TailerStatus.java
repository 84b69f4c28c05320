package io.clssdk.tailer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A snapshot of a {@link Tailer}, from {@link Tailer#status()}. Immutable value; thread-safe. */
public final class TailerStatus {
    private final boolean running;
    private final List<FileStatus> files;
    private final int openFiles;
    private final long inFlightBytes;
    private final long truncatedLines;
    private final String checkpointProblem;
    private final long lostFiles;
    private final long lostBytes;
    private final DiscoveryStatus discovery;

    private TailerStatus(
            boolean running,
            List<FileStatus> files,
            int openFiles,
            long inFlightBytes,
            long truncatedLines,
            String checkpointProblem,
            long lostFiles,
            DiscoveryStatus discovery,
            long lostBytes) {
        this.lostBytes = lostBytes;
        this.running = running;
        this.files = Collections.unmodifiableList(new ArrayList<>(files));
        this.openFiles = openFiles;
        this.inFlightBytes = inFlightBytes;
        this.truncatedLines = truncatedLines;
        this.checkpointProblem = checkpointProblem;
        this.lostFiles = lostFiles;
        this.discovery = discovery;
    }

    /**
     * Creates a snapshot value (the tailer creates these; public for tests of code that reads status).
     *
     * @param checkpointProblem what is wrong with checkpointing (see {@link #checkpointProblem()}), or null
     */
    public static TailerStatus of(
            boolean running,
            List<FileStatus> files,
            int openFiles,
            long inFlightBytes,
            long truncatedLines,
            String checkpointProblem) {
        return of(running, files, openFiles, inFlightBytes, truncatedLines, checkpointProblem, 0);
    }

    /**
     * Creates a snapshot value with a count of {@linkplain #lostFiles() lost files} (the tailer creates these; public
     * for tests of code that reads status).
     */
    public static TailerStatus of(
            boolean running,
            List<FileStatus> files,
            int openFiles,
            long inFlightBytes,
            long truncatedLines,
            String checkpointProblem,
            long lostFiles) {
        return new TailerStatus(
                running,
                Objects.requireNonNull(files, "files"),
                openFiles,
                inFlightBytes,
                truncatedLines,
                checkpointProblem,
                lostFiles,
                DiscoveryStatus.NONE,
                0);
    }

    /** A copy of this snapshot with {@code discovery} as its {@link #discovery()}. */
    public TailerStatus withDiscovery(DiscoveryStatus discovery) {
        return copy(Objects.requireNonNull(discovery, "discovery"), lostBytes);
    }

    /** A copy of this snapshot with {@code lostBytes} as its {@link #lostBytes()}. */
    public TailerStatus withLostBytes(long lostBytes) {
        return copy(discovery, lostBytes);
    }

    private TailerStatus copy(DiscoveryStatus discovery, long lostBytes) {
        return new TailerStatus(
                running,
                files,
                openFiles,
                inFlightBytes,
                truncatedLines,
                checkpointProblem,
                lostFiles,
                discovery,
                lostBytes);
    }

    /**
     * Bytes of deleted files released before their lines were delivered, since start: a delivery outage outlasted
     * {@link TailerOptions#maxHeldDeletedFiles()} or {@link TailerOptions#maxHeldDeletedBytes()}. Each such file was
     * logged at ERROR with its byte range and is counted in {@link #lostFiles()}.
     */
    public long lostBytes() {
        return lostBytes;
    }

    /** True between {@link Tailer#start()} and {@link Tailer#stop}. */
    public boolean running() {
        return running;
    }

    /** Every file being followed or drained, including files closed while idle; unmodifiable. */
    public List<FileStatus> files() {
        return files;
    }

    /** File descriptors the tailer holds open now. */
    public int openFiles() {
        return openFiles;
    }

    /** Bytes handed to sinks and not yet acknowledged (bounded by {@link TailerOptions#maxInFlightBytes()}). */
    public long inFlightBytes() {
        return inFlightBytes;
    }

    /**
     * Bytes on disk not yet delivered and acknowledged, over the files listed: the sum of {@link
     * FileStatus#unsentBytes()}. Above 0 during a delivery outage, however long it lasts.
     */
    public long unsentBytes() {
        long sum = 0;
        for (FileStatus f : files) {
            sum += f.unsentBytes();
        }
        return sum;
    }

    /**
     * Files held because delivery of their lines is failing (not their fault: endpoint unreachable, timeouts,
     * throttling, credentials…): those with {@link FileStatus#deliveryFailingSince()} set. They are not read further
     * and are probed with a backoff until delivery works again.
     */
    public int heldFiles() {
        int n = 0;
        for (FileStatus f : files) {
            if (f.deliveryFailingSince().isPresent()) {
                n++;
            }
        }
        return n;
    }

    /** Lines cut to {@link TailerOptions#maxLineBytes()} since start, over all files. */
    public long truncatedLines() {
        return truncatedLines;
    }

    /**
     * What is wrong with checkpointing, or empty. Any of, joined with {@code "; "}:
     *
     * <ul>
     *   <li>the checkpoint file found at start could not be used (it was moved aside, its new name is in the message,
     *       and files started from their configured start positions); reported until the tailer stops;
     *   <li>checkpoint writes are failing now (for example the directory became read-only, or was deleted and cannot
     *       be re-created): since when, how many attempts and the last error. They are retried every
     *       {@link TailerOptions#checkpointInterval()}, and this clears when one succeeds. Meanwhile a restart would
     *       resume from the last checkpoint written and repeat what was delivered since;
     *   <li>checkpointing stopped: the directory was deleted while the tailer ran and another tailer took the
     *       re-created one. This tailer keeps collecting but writes no checkpoint there any more (it would overwrite
     *       the other's), so its positions are lost when it stops. Permanent; restart with a directory of its own.
     * </ul>
     *
     * A directory deleted while the tailer runs is otherwise re-created, locked again and rewritten at the next
     * checkpoint, and is not reported here (the log says so).
     */
    public Optional<String> checkpointProblem() {
        return Optional.ofNullable(checkpointProblem);
    }

    /**
     * Files since start that had a name a source matches but were deleted (or moved out of the watched directories)
     * before the tailer could open them, so none of their lines could be read; each was logged at WARN with its name.
     * A file found this way only by its create event is counted once a full rescan interval has shown it is nowhere
     * to be found. 0 unless files are created and deleted faster than the tailer sees them, or files wait long for a
     * descriptor under {@link TailerOptions#maxOpenFiles()}. Also counts deleted files released with lines not yet
     * delivered beyond {@link TailerOptions#maxHeldDeletedFiles()} / {@link TailerOptions#maxHeldDeletedBytes()} (see
     * {@link #lostBytes()}).
     */
    public long lostFiles() {
        return lostFiles;
    }

    /**
     * How far finding files got: whether a directory walk is in progress (a large tree is walked in the background
     * after {@link Tailer#start()} returns), walks completed, directories watched and listed.
     */
    public DiscoveryStatus discovery() {
        return discovery;
    }

    /** The status of the file whose current path ends with {@code pathSuffix}, if any (convenience for tests). */
    public Optional<FileStatus> file(String pathSuffix) {
        for (FileStatus f : files) {
            if (f.file().path().toString().endsWith(pathSuffix)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "TailerStatus{running=" + running + ", openFiles=" + openFiles + ", inFlightBytes=" + inFlightBytes
                + ", truncatedLines=" + truncatedLines + ", checkpointProblem=" + checkpointProblem + ", lostFiles="
                + lostFiles + ", unsentBytes=" + unsentBytes() + ", heldFiles=" + heldFiles() + ", discovery="
                + discovery + ", files=" + files + '}';
    }
}
