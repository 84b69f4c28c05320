package io.clssdk.tailer.internal.checkpoint;

import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.Fingerprint;

/** One file's committed position: identity, last path, source, offset and when the file was last seen. Immutable. */
public final class CheckpointEntry {
    private final FileKey key;
    private final Fingerprint fingerprint;
    private final String path;
    private final String source;
    private final long offset;
    private final long lastSeenMillis;

    public CheckpointEntry(
            FileKey key, Fingerprint fingerprint, String path, String source, long offset, long lastSeenMillis) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.path = path;
        this.source = source;
        this.offset = offset;
        this.lastSeenMillis = lastSeenMillis;
    }

    public FileKey key() {
        return key;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public String path() {
        return path;
    }

    public String source() {
        return source;
    }

    public long offset() {
        return offset;
    }

    public long lastSeenMillis() {
        return lastSeenMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CheckpointEntry)) {
            return false;
        }
        CheckpointEntry e = (CheckpointEntry) o;
        return key.equals(e.key)
                && fingerprint.equals(e.fingerprint)
                && path.equals(e.path)
                && source.equals(e.source)
                && offset == e.offset
                && lastSeenMillis == e.lastSeenMillis;
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return path + " (" + key + ", " + fingerprint + ") @" + offset;
    }
}
