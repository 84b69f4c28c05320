package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.FileStatus.State;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tailer's file descriptors, kept under {@code maxOpenFiles}: opening a file checks that the path still leads to
 * the expected identity, and at the cap the least recently active idle file is closed to make room (it is reopened
 * when it changes). Engine-thread only.
 */
final class OpenFiles {
    private static final Logger log = LoggerFactory.getLogger(OpenFiles.class);

    private final int maxOpenFiles;
    private final Collection<TrackedFile> files;
    private int count;

    /** @param files the followed files, from which one is chosen to close at the cap */
    OpenFiles(int maxOpenFiles, Collection<TrackedFile> files) {
        this.maxOpenFiles = maxOpenFiles;
        this.files = files;
    }

    int count() {
        return count;
    }

    /** Opens {@code path} if it still is {@code key}; null when at the cap with nothing to close, or on I/O errors. */
    FileChannel open(Path path, FileKey key) {
        if (count >= maxOpenFiles && !evictOne()) {
            log.debug("open-file cap {} reached; {} waits", maxOpenFiles, path);
            return null;
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            log.debug("cannot open {}: {}", path, e.toString());
            return null;
        }
        count++;
        try {
            if (FileStat.of(path).key().equals(key)) {
                return ch;
            }
        } catch (IOException e) {
            // gone again
        }
        close(ch);
        return null;
    }

    /** Closes {@code f}'s descriptor; {@code state} is what the file becomes. */
    void close(TrackedFile f, State state) {
        close(f.channel);
        f.channel = null;
        f.state = state;
    }

    /** Closes a descriptor this class opened; null is ignored. */
    void close(FileChannel ch) {
        if (ch == null) {
            return;
        }
        count--;
        try {
            ch.close();
        } catch (IOException e) {
            log.debug("closing: {}", e.toString());
        }
    }

    /** Closes the least recently active idle file; false if every open file is busy or draining. */
    private boolean evictOne() {
        TrackedFile victim = null;
        for (TrackedFile f : files) {
            if (f.open() && !f.inFlight && f.state == State.ACTIVE) {
                if (victim == null || f.lastActivityNanos < victim.lastActivityNanos) {
                    victim = f;
                }
            }
        }
        if (victim == null) {
            return false;
        }
        log.debug("closing {} to stay within {} open files", victim.path, maxOpenFiles);
        close(victim, State.CLOSED_IDLE);
        return true;
    }
}
