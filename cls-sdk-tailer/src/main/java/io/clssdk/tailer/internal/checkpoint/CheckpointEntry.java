package io.clssdk.tailer.internal.checkpoint;

import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.Fingerprint;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file's committed position: identity, last path, source, offset and when the file was last seen. Immutable.
 *
 * <p>The path is kept in two forms. Java turns a file name's bytes into a String with the JVM's file-name encoding
 * ({@code sun.jnu.encoding}, taken from the locale), so {@link Path#toString()} does not round-trip: under
 * {@code LC_ALL=C} a non-ASCII name decodes to replacement characters, and a String holding non-ASCII characters
 * cannot be turned into a Path at all. {@link #pathUri()} is the path's {@code file:} URI, in which the default file
 * system percent-escapes the name's raw bytes; {@code Paths.get(URI)} rebuilds exactly those bytes whatever the
 * encoding of the JVM that reads it. {@link #pathText()} is the readable form, for people and log lines, and the only
 * form checkpoint files written before the URI was stored have.
 */
public final class CheckpointEntry {
    private final FileKey key;
    private final Fingerprint fingerprint;
    private final Path path;
    private final String pathText;
    private final String pathUri;
    private final String source;
    private final long offset;
    private final long lastSeenMillis;

    /** An entry for a file followed now ({@link Path#toUri()} costs a stat: callers writing often cache it). */
    public CheckpointEntry(
            FileKey key, Fingerprint fingerprint, Path path, String source, long offset, long lastSeenMillis) {
        this(key, fingerprint, path, path.toString(), path.toUri().toString(), source, offset, lastSeenMillis);
    }

    /**
     * An entry with its path in every form.
     *
     * @param path the path, or null if this JVM cannot make a Path of the stored name (entries read from a file)
     * @param pathText {@link Path#toString()}, or the stored text
     * @param pathUri {@code path.toUri().toString()}; null in entries read from a file written before it was stored
     */
    public CheckpointEntry(
            FileKey key,
            Fingerprint fingerprint,
            Path path,
            String pathText,
            String pathUri,
            String source,
            long offset,
            long lastSeenMillis) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.path = path;
        this.pathText = pathText;
        this.pathUri = pathUri;
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

    /**
     * The file's last path, byte for byte; null if this JVM cannot represent the stored name (an entry written
     * without {@link #pathUri()}, by a JVM whose file-name encoding differed; or a damaged URI). Such an entry still
     * applies to its file when a rule finds the file, since files are matched by identity.
     */
    public Path path() {
        return path;
    }

    /** The path as text, for people: non-ASCII names may be lossy. */
    public String pathText() {
        return pathText;
    }

    /** The path's {@code file:} URI with its bytes percent-escaped, or null (written by an older version). */
    public String pathUri() {
        return pathUri;
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
                && pathText.equals(e.pathText)
                && Objects.equals(pathUri, e.pathUri)
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
        return pathText + " (" + key + ", " + fingerprint + ") @" + offset;
    }
}
