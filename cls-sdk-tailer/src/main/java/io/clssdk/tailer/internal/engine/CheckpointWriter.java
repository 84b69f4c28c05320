package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import io.clssdk.tailer.TailerOptions;
import io.clssdk.tailer.internal.checkpoint.CheckpointEntry;
import io.clssdk.tailer.internal.checkpoint.CheckpointStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the file table into checkpoint entries and writes them when they changed: committed offsets of followed files
 * (entries of files gone longer than the retention are dropped) and entries loaded at start whose files were not seen
 * yet. Before each write it makes sure the directory lock is still held (a deleted directory is re-created and locked
 * again, then rewritten at once). A failed write is reported by {@link CheckpointHealth} and retried at the next
 * checkpoint tick, whether or not anything changed meanwhile. Engine-thread only, except {@link #problem()}.
 */
final class CheckpointWriter {
    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final CheckpointStore store;
    private final FileTable table;
    private final Clock clock;
    private final long retentionMillis;
    private final CheckpointHealth health;
    private long lastSignature = Long.MIN_VALUE;
    /**
     * The stored form ({@code file:} URI) of every path in the last checkpoint built: {@link Path#toUri()} costs a stat
     * (about 15 µs), which would otherwise be paid per file per write.
     */
    private Map<Path, String> uris = new HashMap<>();

    CheckpointWriter(CheckpointStore store, FileTable table, TailerOptions options, Clock clock) {
        this.store = store;
        this.table = table;
        this.clock = clock;
        this.retentionMillis = options.checkpointRetention().toMillis();
        this.health = new CheckpointHealth(store.file(), clock, options.checkpointInterval());
    }

    void open(long nowMillis) throws IOException {
        CheckpointStore.Loaded loaded = store.open(nowMillis);
        health.setAside(loaded.problem());
        table.remember(loaded.entries());
    }

    /** What is wrong with checkpointing now (see {@link CheckpointHealth}), or null. Any thread. */
    String problem() {
        return health.problem();
    }

    /**
     * Writes the checkpoint if anything changed since the last successful write, if the last attempt failed, or always
     * when {@code force}.
     */
    void write(boolean force) {
        if (health.stopped()) {
            return;
        }
        long now = clock.currentTimeMillis();
        dropExpired(now);
        try {
            force |= store.relockIfLost();
        } catch (CheckpointStore.InUseException e) {
            health.takenOver(e);
            return;
        } catch (IOException e) {
            health.failed(e);
            return;
        }
        long signature = signature();
        if (!force && signature == lastSignature && !health.failing()) {
            return;
        }
        List<CheckpointEntry> entries = new ArrayList<>();
        Map<Path, String> nextUris = new HashMap<>();
        for (TrackedFile f : table.files()) {
            long committed = f.tracker.committed();
            if (committed >= 0) {
                long seen = f.schedule.retired() ? f.lastSeenMillis : now;
                String uri = uris.get(f.path);
                if (uri == null) {
                    uri = f.path.toUri().toString();
                }
                nextUris.put(f.path, uri);
                entries.add(new CheckpointEntry(
                        f.key, f.fingerprint, f.path, f.path.toString(), uri, f.source.name, committed, seen));
            }
        }
        uris = nextUris;
        entries.addAll(table.rememberedEntries());
        try {
            store.write(entries, now);
            lastSignature = signature;
            health.succeeded();
        } catch (IOException e) {
            health.failed(e);
        }
    }

    /** The write when the tailer stops: logs an error if it could not be made. */
    void writeFinal() {
        write(true);
        health.finalWriteMissed();
    }

    /** Order-independent digest of everything an entry records, so an unchanged table is not rewritten. */
    private long signature() {
        long sig = table.rememberedEntries().size() * MIX;
        for (TrackedFile f : table.files()) {
            long h = f.tracker.committed() * 31 + System.identityHashCode(f.path);
            h = h * 31 + f.fingerprint.length() + (f.schedule.retired() ? 7 : 0);
            sig += (h ^ f.key.hashCode()) * MIX;
        }
        return sig;
    }

    private void dropExpired(long now) {
        List<TrackedFile> expired = new ArrayList<>();
        for (TrackedFile f : table.files()) {
            if (f.schedule.retired() && f.tracker.settled() && now - f.lastSeenMillis >= retentionMillis) {
                expired.add(f);
            }
        }
        for (TrackedFile f : expired) {
            log.debug("dropping the checkpoint of {}: gone for {} ms", f.path, now - f.lastSeenMillis);
            table.forget(f);
        }
        List<CheckpointEntry> old = new ArrayList<>();
        for (CheckpointEntry e : table.rememberedEntries()) {
            if (now - e.lastSeenMillis() >= retentionMillis) {
                old.add(e);
            }
        }
        for (CheckpointEntry e : old) {
            table.forgetRemembered(e.key());
        }
    }

    void close() {
        store.close();
    }
}
