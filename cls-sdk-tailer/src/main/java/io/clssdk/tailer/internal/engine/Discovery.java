package io.clssdk.tailer.internal.engine;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.clssdk.tailer.DiscoveryStatus;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import io.clssdk.tailer.internal.path.PathRule;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the files of every source: walks the directories the rules can reach, registers each with one
 * {@link WatchService}, and turns watch events into calls on a {@link Listener}. Engine-thread only, except
 * {@link #watchService()}, which the watcher thread blocks on.
 *
 * <p>Walks. A scan pass ({@link #startScan}) walks every rule's root breadth first, following symbolic links; new
 * directories reported by events are walked too, before the pass goes on. Walking happens in bounded slices
 * ({@link #step}) that the engine interleaves with its other work, so a large tree never holds up start-up, status
 * requests or new lines. The start-up walk never stops inside a directory: a directory is watched and listed in one
 * go, so every event from it names a file the walk already reported, and a file first seen through an event is truly
 * new (it is read from its beginning, not from its Backtracking position).
 *
 * <p>One path per real directory and per file. A directory reached through several symbolic-link paths is one real
 * directory (its file key): it is listed once per walk, watched once, and its files are reported under one path, the
 * first one found (breadth first, roots in source priority order) for as long as that path still leads to it. A file
 * reached through several matching paths is reported under one of them ({@link FilePaths}).
 *
 * <p>Special places ({@link SpecialPlaces}): a walk does not enter {@code /proc}, {@code /sys}, {@code /dev} or a
 * pseudo or device file system unless a rule's root lies in one, and files on pseudo file systems are never followed.
 */
final class Discovery implements Closeable {
    /**
     * The work of asking the watch service to watch a directory, in units of a directory entry looked at: measured at
     * 5-20 ms per new watch against some 0.1 ms per entry on a loaded 2-core machine (the JDK's watch service hands
     * each registration to its poller thread and waits for it).
     */
    static final int WATCH_COST = 50;

    /** Receives what discovery finds. */
    interface Listener {
        /**
         * A regular file that belongs to {@code source} (the highest-priority source matching it).
         *
         * @param startUp true if the start-up walk found it (it existed when the tailer started)
         */
        void candidate(Path file, SourceSpec source, boolean startUp);

        /**
         * A file appeared in a watched directory (a create event, or the new name of a rename), before {@link
         * #candidate} is called for it if a source matches it. Called for the directory's first path only (a directory
         * reached through several links is one watch).
         *
         * @param source the source matching {@code file}, or null
         * @param renamedFrom the name deleted (or renamed away) in the same directory right before, with no other
         *     create or delete in between (Linux queues the two halves of a rename together), or null. Not proof of a
         *     rename: Java's watch service does not pass the kernel's rename cookie.
         */
        void appeared(Path file, SourceSpec source, Path renamedFrom);

        /** Something at {@code path} was written to. */
        void modified(Path path);

        /** {@code path} was deleted or renamed away. */
        void removed(Path path);

        /** Events were lost: everything must be looked at again. */
        void overflow();

        /** A scan pass finished ({@code startUp}: the start-up walk); every file it found was reported. */
        void scanDone(boolean startUp);
    }

    private final List<SourceSpec> sources;
    private final WatchService watch;
    private final WatchedDirectories watched;
    private final FilePaths filePaths = new FilePaths(path -> bestSource(path) != null);
    private final SpecialPlaces special;
    /** Directories that appeared (events); walked before the scan pass goes on. */
    private final DirectoryWalk eventWalk = new DirectoryWalk(false);

    private DirectoryWalk pass;
    private long passNumber;
    private long directoriesListed;
    private long scansCompleted;
    /** Per watched directory: the name of the last create-or-delete event if it was a delete (half of a rename). */
    private final Map<WatchKey, Path> departed = new HashMap<>();

    Discovery(List<SourceSpec> sources, WatchService watch) {
        List<SourceSpec> byPriority = new ArrayList<>(sources);
        byPriority.sort(Comparator.comparingInt((SourceSpec s) -> s.priority).reversed());
        this.sources = byPriority;
        this.watch = watch;
        this.watched = new WatchedDirectories(watch);
        List<PathRule> rules = new ArrayList<>();
        for (SourceSpec s : byPriority) {
            rules.addAll(s.rules.rules());
        }
        this.special = new SpecialPlaces(rules);
    }

    WatchService watchService() {
        return watch;
    }

    int watchedDirectories() {
        return watched.size();
    }

    DiscoveryStatus status() {
        return DiscoveryStatus.of(pass != null, scansCompleted, watched.size(), directoriesListed);
    }

    /** True while a scan pass is in progress. */
    boolean scanning() {
        return pass != null;
    }

    /** True while a scan pass or the walk of new directories has work left ({@link #step} should be called). */
    boolean walking() {
        return pass != null || !eventWalk.done();
    }

    /**
     * Starts a scan pass over every rule's root, highest-priority source first; does nothing while one is in progress.
     *
     * @param startUp the start-up walk: files it finds existed when the tailer started
     */
    void startScan(boolean startUp) {
        if (pass != null) {
            return;
        }
        pass = new DirectoryWalk(startUp);
        passNumber++;
        special.passStarted();
        filePaths.passStarted();
        for (SourceSpec s : sources) {
            for (PathRule rule : s.rules.rules()) {
                pass.add(rule.root());
            }
        }
    }

    /**
     * Walks for about {@code budget} units of work (a directory, and each entry looked at, is one unit; a new watch is
     * {@link #WATCH_COST}), new directories first, then the scan pass. The start-up walk lists each directory it begins
     * to its end (see the class comment); other walks may stop inside a large directory and go on in the next slice.
     * Calls {@link Listener#scanDone} when the pass ends.
     *
     * @return whether walking remains
     */
    boolean step(int budget, Listener listener) {
        int spent = 0;
        while (spent < budget && walking()) {
            DirectoryWalk walk = eventWalk.done() ? pass : eventWalk;
            if (walk.listing()) {
                spent += listSome(walk, budget - spent, listener);
            } else {
                Path dir = walk.next();
                if (dir != null) {
                    spent += visit(dir, walk, listener);
                }
            }
            if (walk.done()) {
                if (walk == eventWalk) {
                    eventWalk.reset(); // directories may appear again later, under the same identity
                } else {
                    finishPass(listener);
                }
            }
        }
        return walking();
    }

    private void finishPass(Listener listener) {
        boolean startUp = pass.startUp;
        pass = null;
        scansCompleted++;
        watched.prune(passNumber);
        filePaths.passFinished();
        listener.scanDone(startUp);
    }

    /** The highest-priority source whose rules match {@code file}, or null. */
    SourceSpec bestSource(Path file) {
        for (SourceSpec s : sources) {
            if (s.rules.matches(file)) {
                return s;
            }
        }
        return null;
    }

    /** Handles the events of one watch key. */
    void handle(WatchKey key, List<WatchEvent<?>> events, Listener listener) {
        List<Path> dirs = watched.paths(key);
        if (dirs == null) {
            return;
        }
        for (WatchEvent<?> ev : events) {
            if (ev.kind() == OVERFLOW) {
                departed.remove(key);
                listener.overflow();
                continue;
            }
            Path name = (Path) ev.context();
            Path from = null;
            if (ev.kind() == ENTRY_CREATE || ev.kind() == ENTRY_DELETE) {
                from = departed.remove(key);
                if (ev.kind() == ENTRY_DELETE) {
                    departed.put(key, name);
                } else if (name.equals(from) || ev.count() > 1) {
                    from = null; // the same name again is a new file, not a rename
                }
            }
            boolean first = true;
            for (Path dir : new ArrayList<>(dirs)) {
                Path child = dir.resolve(name);
                if (ev.kind() == ENTRY_CREATE) {
                    created(child, first ? (from == null ? null : dir.resolve(from)) : null, first, listener);
                } else if (ev.kind() == ENTRY_MODIFY) {
                    listener.modified(child);
                } else if (ev.kind() == ENTRY_DELETE) {
                    listener.removed(child);
                }
                first = false;
            }
        }
    }

    /** Forgets a key whose directory is gone. */
    void invalid(WatchKey key) {
        watched.invalid(key);
        departed.remove(key);
    }

    /**
     * @param renamedFrom see {@link Listener#appeared}
     * @param first true for the first path of the watched directory
     */
    private void created(Path child, Path renamedFrom, boolean first, Listener listener) {
        if (Files.isDirectory(child)) {
            if (mayContain(child)) {
                eventWalk.add(child); // walked by the next step, before the scan pass goes on
            }
        } else {
            SourceSpec s = bestSource(child);
            if (first && (s != null || renamedFrom != null)) {
                listener.appeared(child, s, renamedFrom);
            }
            if (s != null) {
                createdFile(child, s, listener);
            }
        }
    }

    /** A file event: reported unless it is on a pseudo file system or another path to a file reported already. */
    private void createdFile(Path file, SourceSpec source, Listener listener) {
        FileStat st;
        try {
            st = FileStat.of(file);
        } catch (IOException e) {
            listener.candidate(file, source, false); // gone already: the file table works out what that means
            return;
        }
        if (st.regularFile()) {
            report(file, st, source, false, listener);
        }
    }

    /**
     * Watches the directory {@code dir} and begins listing it, once per walk (by its real identity); the start-up walk
     * lists it to its end at once. Returns the units of work done.
     */
    private int visit(Path dir, DirectoryWalk walk, Listener listener) {
        FileStat st;
        try {
            st = FileStat.of(dir);
        } catch (IOException e) {
            return 1;
        }
        if (!st.directory() || !special.mayEnter(dir, st) || !walk.firstVisit(st.key())) {
            return 1;
        }
        WatchedDirectories.Dir known = watched.get(st.key());
        Path path = dir;
        if (known != null && !known.path.equals(dir) && leadsTo(known.path, st.key())) {
            path = known.path; // keep the path it was first found by: its files keep theirs
        }
        if (walk == eventWalk && known != null && path.equals(known.path)) {
            return 1; // watched and listed already: another path to it, or a scan pass got there first
        }
        int cost = watched.watch(path, st.key(), passNumber) ? 1 + WATCH_COST : 1;
        if (!walk.open(path)) {
            return cost;
        }
        directoriesListed++;
        return walk.startUp ? cost + listSome(walk, Integer.MAX_VALUE, listener) : cost;
    }

    /**
     * Looks at up to {@code max} entries of the directory {@code walk} is listing: queues the subdirectories a rule may
     * reach and reports the files a rule matches. Returns the entries looked at.
     */
    private int listSome(DirectoryWalk walk, int max, Listener listener) {
        int entries = 0;
        Path child;
        while (entries < max && (child = walk.nextEntry()) != null) {
            entries++;
            FileStat st;
            try {
                st = FileStat.of(child); // follows links; a dangling link or a vanished entry is skipped
            } catch (IOException e) {
                continue;
            }
            if (st.directory()) {
                if (mayContain(child)) {
                    walk.add(child);
                }
            } else if (st.regularFile()) {
                SourceSpec s = bestSource(child);
                if (s != null) {
                    report(child, st, s, walk.startUp, listener);
                }
            }
        }
        return entries;
    }

    private void report(Path file, FileStat st, SourceSpec source, boolean startUp, Listener listener) {
        if (!special.followable(file, st)) {
            return;
        }
        Path path = filePaths.choose(file, st.key());
        if (path == null) {
            return; // another path to a file reported already in this pass
        }
        SourceSpec s = path.equals(file) ? source : bestSource(path);
        if (s != null) {
            listener.candidate(path, s, startUp);
        }
    }

    /** True if some source's files may lie in {@code dir} or below it. */
    private boolean mayContain(Path dir) {
        for (SourceSpec s : sources) {
            if (s.rules.mayContain(dir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean leadsTo(Path path, FileKey key) {
        try {
            return FileStat.of(path).key().equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        eventWalk.close();
        if (pass != null) {
            pass.close();
        }
        watch.close();
    }
}
