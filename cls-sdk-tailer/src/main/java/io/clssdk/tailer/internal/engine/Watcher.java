package io.clssdk.tailer.internal.engine;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.function.Consumer;

/**
 * The watcher thread: blocks on the watch service and posts each signalled key's events to the engine's queue as a
 * {@link Batch}; the engine thread hands them to {@link Discovery}. Ends when the watch service is closed.
 */
final class Watcher {
    /** The events of one watch key, taken and reset together. */
    static final class Batch {
        final WatchKey key;
        final List<WatchEvent<?>> events;
        /** False if the key is no longer valid (its directory is gone). */
        final boolean valid;

        Batch(WatchKey key, List<WatchEvent<?>> events, boolean valid) {
            this.key = key;
            this.events = events;
            this.valid = valid;
        }
    }

    private final Thread thread;

    Watcher(WatchService watch, Consumer<Object> post) {
        this.thread = new Thread(() -> loop(watch, post), "cls-tailer-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    private static void loop(WatchService watch, Consumer<Object> post) {
        try {
            while (true) {
                WatchKey key = watch.take();
                List<WatchEvent<?>> events = key.pollEvents();
                boolean valid = key.reset();
                post.accept(new Batch(key, events, valid));
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // stopping
        }
    }
}
