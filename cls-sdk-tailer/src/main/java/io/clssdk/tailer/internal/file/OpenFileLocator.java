package io.clssdk.tailer.internal.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds out what happened to an open file whose path no longer leads to it: on Linux, {@code /proc/self/fd} lists this
 * process's descriptors; the one whose target has the file's (device, inode) names the file's current path, or ends
 * with {@code " (deleted)"} when the last link is gone. Elsewhere the answer is {@link Fate#UNKNOWN}.
 */
public final class OpenFileLocator {
    private static final Path FD_DIR = Paths.get("/proc/self/fd");
    private static final String DELETED = " (deleted)";

    /** What became of the file. */
    public enum Fate {
        RENAMED,
        DELETED,
        UNKNOWN
    }

    private final Fate fate;
    private final Path newPath;

    private OpenFileLocator(Fate fate, Path newPath) {
        this.fate = fate;
        this.newPath = newPath;
    }

    /** Looks up the open file with {@code key}. Costs one {@code stat} per open descriptor of the process. */
    public static OpenFileLocator locate(FileKey key) {
        if (!Files.isDirectory(FD_DIR)) {
            return new OpenFileLocator(Fate.UNKNOWN, null);
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FD_DIR)) {
            for (Path fd : fds) {
                OpenFileLocator found = check(fd, key);
                if (found != null) {
                    return found;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new OpenFileLocator(Fate.UNKNOWN, null);
        }
        return new OpenFileLocator(Fate.UNKNOWN, null);
    }

    private static OpenFileLocator check(Path fd, FileKey key) {
        try {
            if (!FileStat.of(fd).key().equals(key)) {
                return null;
            }
            String target = Files.readSymbolicLink(fd).toString();
            if (target.endsWith(DELETED)) {
                return new OpenFileLocator(Fate.DELETED, null);
            }
            Path p = Paths.get(target);
            // A path that still leads to the same inode is a rename target; anything else means the link is gone.
            if (FileStat.of(p).key().equals(key)) {
                return new OpenFileLocator(Fate.RENAMED, p);
            }
            return new OpenFileLocator(Fate.DELETED, null);
        } catch (IOException | RuntimeException e) {
            return null; // closed meanwhile, a socket, or not ours
        }
    }

    public Fate fate() {
        return fate;
    }

    /** The current path when {@link #fate()} is {@link Fate#RENAMED}, else null. */
    public Path newPath() {
        return newPath;
    }
}
