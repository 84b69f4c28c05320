package io.clssdk.tailer.internal.engine;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import io.clssdk.tailer.internal.file.FileKey;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directories discovery watches, one entry per real directory (identified by its file key, however many symbolic
 * link paths lead to it): its watch key, the one path its events are reported under, and the scan pass that last
 * reached it. The path is the first one the directory was found by and is kept while it still leads there, so the
 * files inside keep their paths from one rescan to the next. Engine-thread only.
 */
final class WatchedDirectories {
    private static final Logger log = LoggerFactory.getLogger(WatchedDirectories.class);

    /** One watched real directory. */
    static final class Dir {
        final FileKey key;
        final WatchKey watchKey;
        Path path;
        long pass;

        Dir(FileKey key, WatchKey watchKey, Path path, long pass) {
            this.key = key;
            this.watchKey = watchKey;
            this.path = path;
            this.pass = pass;
        }
    }

    private final WatchService watch;
    private final Map<FileKey, Dir> byKey = new HashMap<>();
    private final Map<WatchKey, Dir> byWatchKey = new HashMap<>();

    WatchedDirectories(WatchService watch) {
        this.watch = watch;
    }

    /** The watched directory with file key {@code key}, or null. */
    Dir get(FileKey key) {
        Dir d = byKey.get(key);
        return d != null && d.watchKey.isValid() ? d : null;
    }

    /**
     * Watches the real directory {@code key} (if it is not watched yet), reported under {@code path}, and records that
     * scan pass {@code pass} reached it. Returns whether it asked the watch service (a new watch, or a failed attempt):
     * that costs far more than listing a small directory.
     */
    boolean watch(Path path, FileKey key, long pass) {
        Dir d = get(key);
        boolean registered = d == null;
        if (d == null) {
            WatchKey wk;
            try {
                wk = path.register(watch, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            } catch (IOException | RuntimeException e) {
                log.warn("cannot watch {} ({}); it is still listed every rescan interval", path, e.toString());
                return true;
            }
            Dir stale = byWatchKey.remove(wk); // a watch of an inode reused by a new directory
            if (stale != null) {
                byKey.remove(stale.key);
            }
            d = new Dir(key, wk, path, pass);
            byKey.put(key, d);
            byWatchKey.put(wk, d);
        } else if (!d.path.equals(path)) {
            log.debug("directory {} is now reached as {}", d.path, path);
            d.path = path;
        }
        d.pass = pass;
        return registered;
    }

    /**
     * The paths the events of {@code key} are reported under: the directory's one path (a list, so that event handling
     * iterates it the way it always did), or null if the key is not (any more) one of ours.
     */
    List<Path> paths(WatchKey key) {
        Dir d = byWatchKey.get(key);
        return d == null ? null : Collections.singletonList(d.path);
    }

    /** Forgets a key whose directory is gone. */
    void invalid(WatchKey key) {
        Dir d = byWatchKey.remove(key);
        if (d != null && byKey.get(d.key) == d) {
            byKey.remove(d.key);
        }
    }

    /** Stops watching every directory that neither scan pass {@code pass} nor an event since reached. */
    void prune(long pass) {
        for (Dir d : new ArrayList<>(byKey.values())) {
            if (d.pass < pass) {
                log.debug("no longer watching {}: no rule reaches it any more", d.path);
                d.watchKey.cancel();
                byKey.remove(d.key);
                byWatchKey.remove(d.watchKey);
            }
        }
    }

    int size() {
        return byKey.size();
    }
}
