package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a file by identity among the entries of the directory it was last seen in: where a file went that was renamed
 * while the tailer held no descriptor for it (so {@code /proc/self/fd} cannot tell). Costs one directory listing and
 * one {@code stat} per entry; used only when such a file loses its path, and at start.
 */
final class Siblings {
    private static final Logger log = LoggerFactory.getLogger(Siblings.class);

    /** A regular file found with the identity asked for. */
    static final class Found {
        final Path path;
        final FileStat stat;
        final long size;

        Found(Path path, FileStat stat) {
            this.path = path;
            this.stat = stat;
            this.size = stat.size();
        }
    }

    private Siblings() {}

    /** The entry of {@code lastPath}'s directory that is the regular file {@code key}, or null. */
    static Found find(Path lastPath, FileKey key) {
        Path dir = lastPath.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                FileStat st;
                try {
                    st = FileStat.of(p);
                } catch (IOException e) {
                    continue; // gone meanwhile, or a dangling link
                }
                if (st.regularFile() && st.key().equals(key)) {
                    return new Found(p, st);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("cannot look for {} in {}: {}", key, dir, e.toString());
        }
        return null;
    }
}
