package io.clssdk.tailer;

/**
 * How far the tailer got finding files, part of {@link TailerStatus}. The tailer walks the directories its rules can
 * reach at start-up and again every {@linkplain TailerOptions#rescanInterval() rescan interval}; a large tree is walked
 * in the background, so this tells whether a walk is still going on and how much it did. Immutable value; thread-safe.
 */
public final class DiscoveryStatus {
    /** Before the tailer started: nothing walked, nothing watched. */
    public static final DiscoveryStatus NONE = new DiscoveryStatus(false, 0, 0, 0);

    private final boolean scanning;
    private final long scansCompleted;
    private final int watchedDirectories;
    private final long directoriesListed;

    private DiscoveryStatus(boolean scanning, long scansCompleted, int watchedDirectories, long directoriesListed) {
        this.scanning = scanning;
        this.scansCompleted = scansCompleted;
        this.watchedDirectories = watchedDirectories;
        this.directoriesListed = directoriesListed;
    }

    /**
     * Creates a snapshot value (the tailer creates these; public for tests of code that reads status).
     *
     * @param scanning whether a walk over every rule's directories is in progress
     * @param scansCompleted walks over every rule's directories finished since start, the start-up walk included
     * @param watchedDirectories directories with a file-system watch now
     * @param directoriesListed directory listings since start, over all walks
     */
    public static DiscoveryStatus of(
            boolean scanning, long scansCompleted, int watchedDirectories, long directoriesListed) {
        return new DiscoveryStatus(scanning, scansCompleted, watchedDirectories, directoriesListed);
    }

    /** True while a walk over every rule's directories (the start-up walk or a periodic rescan) is in progress. */
    public boolean scanning() {
        return scanning;
    }

    /**
     * Walks over every rule's directories finished since start, the start-up walk included: 0 until the start-up walk is
     * done, after which every file that existed when the tailer started has been found.
     */
    public long scansCompleted() {
        return scansCompleted;
    }

    /** Directories the tailer watches for file-system events now. */
    public int watchedDirectories() {
        return watchedDirectories;
    }

    /** Directory listings since start, over all walks (a measure of the work discovery did). */
    public long directoriesListed() {
        return directoriesListed;
    }

    @Override
    public String toString() {
        return "DiscoveryStatus{scanning=" + scanning + ", scansCompleted=" + scansCompleted + ", watchedDirectories="
                + watchedDirectories + ", directoriesListed=" + directoriesListed + '}';
    }
}
