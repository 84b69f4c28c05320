package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.internal.file.FileKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one breadth-first walk over directories: the paths still to look at, the real directories (file keys)
 * already listed, so that a directory reached again through another symbolic-link path is listed once per walk, and the
 * directory being listed, whose listing may go on over several slices. Breadth first, a directory is first reached by
 * its shortest path, the one most depth limits allow. Engine-thread only.
 */
final class DirectoryWalk {
    private static final Logger log = LoggerFactory.getLogger(DirectoryWalk.class);

    /** Files this walk finds count as found at start-up (Backtracking applies to them). */
    final boolean startUp;

    private final ArrayDeque<Path> queue = new ArrayDeque<>();
    private final Set<FileKey> listed = new HashSet<>();
    private Path listing;
    private DirectoryStream<Path> stream;
    private Iterator<Path> entries;

    DirectoryWalk(boolean startUp) {
        this.startUp = startUp;
    }

    void add(Path dir) {
        queue.add(dir);
    }

    /** True when nothing is left to look at and no listing is open. */
    boolean done() {
        return queue.isEmpty() && stream == null;
    }

    /** The next directory to look at, or null if none is queued. */
    Path next() {
        return queue.poll();
    }

    /** Records that the real directory {@code key} is listed now; false if this walk listed it already. */
    boolean firstVisit(FileKey key) {
        return listed.add(key);
    }

    /** Begins listing {@code dir}; false if it cannot be listed. */
    boolean open(Path dir) {
        try {
            stream = Files.newDirectoryStream(dir);
            entries = stream.iterator();
            listing = dir;
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("cannot list {}: {}", dir, e.toString());
            return false;
        }
    }

    /** True while a directory's listing is open. */
    boolean listing() {
        return stream != null;
    }

    /** The next entry of the directory being listed, or null at its end (the listing is closed then). */
    Path nextEntry() {
        try {
            if (entries.hasNext()) {
                return entries.next();
            }
        } catch (RuntimeException e) { // DirectoryIteratorException: the directory went away, or an I/O error
            log.debug("cannot list {} to its end: {}", listing, e.toString());
        }
        close();
        return null;
    }

    /** Closes the listing in progress, if any. */
    void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                log.debug("closing the listing of {}: {}", listing, e.toString());
            }
            stream = null;
            entries = null;
            listing = null;
        }
    }

    /** Starts over with nothing queued or visited (an event walk, once it ran dry). */
    void reset() {
        close();
        queue.clear();
        listed.clear();
    }
}
