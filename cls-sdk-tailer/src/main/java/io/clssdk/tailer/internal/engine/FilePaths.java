package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Chooses the one path a file reached by several matching paths (a symbolic link to a log file next to it, a hard
 * link) is reported under, so that the file table does not see it "renamed" back and forth between its aliases on
 * every scan. The choice: a path that is not itself a symbolic link (writes raise events under the name the file really
 * has in its directory, and an event under another name would move the file there), so a link is resolved at once to
 * its target when a rule matches the target too; else the path chosen before while it still leads to the file; else the
 * first found. A file reached by one path costs one extra look (is it a link?) when first found, none on later scans.
 * Engine-thread only.
 */
final class FilePaths {
    /** The path chosen for each file: by the last complete scan pass and by events since. */
    private Map<FileKey, Path> chosen = new HashMap<>();
    /** The paths chosen during the scan pass in progress, or null between passes. */
    private Map<FileKey, Path> pass;
    /** Whether some source's rules match a path. */
    private final Predicate<Path> matched;

    FilePaths(Predicate<Path> matched) {
        this.matched = matched;
    }

    void passStarted() {
        pass = new HashMap<>();
    }

    /** Files the finished pass did not find are forgotten. */
    void passFinished() {
        if (pass != null) {
            chosen = pass;
            pass = null;
        }
    }

    /**
     * The path to report the file {@code key}, just found at {@code path}, under; null if it is an alias of a path
     * already reported in this pass.
     */
    Path choose(Path path, FileKey key) {
        Path before = pass != null ? pass.get(key) : null;
        if (before != null) {
            if (before.equals(path)) {
                return path;
            }
            if (symbolicLink(before) && !symbolicLink(path)) {
                return record(key, path); // the real name turned up after a link to it
            }
            return null;
        }
        Path stable = chosen.get(key);
        if (stable != null) {
            if (!stable.equals(path) && leadsTo(stable, key) && !(symbolicLink(stable) && !symbolicLink(path))) {
                return record(key, stable);
            }
        } else if (symbolicLink(path)) {
            Path target = realPath(path);
            if (target != null && !target.equals(path) && matched.test(target)) {
                return record(key, target);
            }
        }
        return record(key, path);
    }

    private Path record(FileKey key, Path path) {
        if (pass != null) {
            pass.put(key, path);
        }
        chosen.put(key, path);
        return path;
    }

    private static boolean symbolicLink(Path path) {
        return Files.isSymbolicLink(path);
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean leadsTo(Path path, FileKey key) {
        try {
            return FileStat.of(path).key().equals(key);
        } catch (IOException e) {
            return false;
        }
    }
}
