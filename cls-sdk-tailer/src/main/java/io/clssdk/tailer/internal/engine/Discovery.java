package io.clssdk.tailer.internal.engine;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import io.clssdk.tailer.internal.path.PathRule;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files of every source: walks the directories the rules can reach (following symbolic links, skipping a
 * directory already on the current walk's path, which breaks loops), registers each with one {@link WatchService}, and
 * turns watch events into calls on a {@link Listener}. New directories are registered and walked as they appear.
 * Engine-thread only, except {@link #watchService()}, which the watcher thread blocks on.
 */
final class Discovery implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(Discovery.class);

    /** Receives what discovery finds. */
    interface Listener {
        /** A regular file that belongs to {@code source} (the highest-priority source matching it). */
        void candidate(Path file, SourceSpec source);

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
    }

    private final List<SourceSpec> sources;
    private final WatchService watch;
    private final Map<WatchKey, List<Path>> aliases = new HashMap<>();
    /** Per watched directory: the name of the last create-or-delete event if it was a delete (half of a rename). */
    private final Map<WatchKey, Path> departed = new HashMap<>();

    Discovery(List<SourceSpec> sources, WatchService watch) {
        List<SourceSpec> byPriority = new ArrayList<>(sources);
        byPriority.sort(Comparator.comparingInt((SourceSpec s) -> s.priority).reversed());
        this.sources = byPriority;
        this.watch = watch;
    }

    WatchService watchService() {
        return watch;
    }

    int watchedDirectories() {
        return aliases.size();
    }

    /** Walks every rule's root, highest-priority source first, reporting every matching file. */
    void scanAll(Listener listener) {
        for (SourceSpec s : sources) {
            for (PathRule rule : s.rules.rules()) {
                if (Files.isDirectory(rule.root())) {
                    walk(rule.root(), s, new HashSet<FileKey>(), listener);
                }
            }
        }
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
        List<Path> dirs = aliases.get(key);
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
        aliases.remove(key);
        departed.remove(key);
    }

    /**
     * @param renamedFrom see {@link Listener#appeared}
     * @param first true for the first path of the watched directory
     */
    private void created(Path child, Path renamedFrom, boolean first, Listener listener) {
        if (Files.isDirectory(child)) {
            for (SourceSpec s : sources) {
                if (s.rules.mayContain(child)) {
                    walk(child, s, new HashSet<FileKey>(), listener);
                }
            }
        } else {
            SourceSpec s = bestSource(child);
            if (first && (s != null || renamedFrom != null)) {
                listener.appeared(child, s, renamedFrom);
            }
            if (s != null) {
                listener.candidate(child, s);
            }
        }
    }

    private void walk(Path dir, SourceSpec source, Set<FileKey> onPath, Listener listener) {
        FileKey key;
        try {
            key = FileStat.of(dir).key();
        } catch (IOException e) {
            return;
        }
        if (!onPath.add(key)) {
            log.debug("not following {} again: a symbolic link loop leads back to it", dir);
            return;
        }
        register(dir);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (Files.isDirectory(child)) {
                    if (source.rules.mayContain(child)) {
                        walk(child, source, onPath, listener);
                    }
                } else if (source.rules.matches(child) && Files.isRegularFile(child)) {
                    listener.candidate(child, bestSource(child));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("cannot list {}: {}", dir, e.toString());
        }
        onPath.remove(key);
    }

    private void register(Path dir) {
        try {
            WatchKey key = dir.register(watch, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            List<Path> paths = aliases.get(key);
            if (paths == null) {
                paths = new ArrayList<>(1);
                aliases.put(key, paths);
            }
            if (!paths.contains(dir)) {
                paths.add(dir);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot watch {} ({}); it is still listed every rescan interval", dir, e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
