package io.clssdk.tailer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A followed file: its path when the value was taken, the {@link TailSource} that follows it and its identity.
 *
 * <p>The identity is the file system's device and inode numbers plus a fingerprint (a 64-bit hash) of the file's first
 * {@link #fingerprintBytes()} bytes, which grows up to {@link TailerOptions#fingerprintBytes()} as the file grows. A
 * renamed file keeps its identity; a new file at the same path (or a reused inode with other content) has another one.
 * Immutable value; thread-safe.
 */
public final class TailedFile {
    private final Path path;
    private final String sourceName;
    private final long device;
    private final long inode;
    private final int fingerprintBytes;
    private final long fingerprint;

    private TailedFile(Path path, String sourceName, long device, long inode, int fingerprintBytes, long fingerprint) {
        this.path = Objects.requireNonNull(path, "path");
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.device = device;
        this.inode = inode;
        this.fingerprintBytes = fingerprintBytes;
        this.fingerprint = fingerprint;
    }

    /**
     * Creates a value (mainly for tests of sinks).
     *
     * @throws IllegalArgumentException if {@code fingerprintBytes} is negative
     */
    public static TailedFile of(
            Path path, String sourceName, long device, long inode, int fingerprintBytes, long fingerprint) {
        if (fingerprintBytes < 0) {
            throw new IllegalArgumentException("fingerprintBytes must be >= 0, got " + fingerprintBytes);
        }
        return new TailedFile(path, sourceName, device, inode, fingerprintBytes, fingerprint);
    }

    /** The file's path when this value was taken; after a rename rotation, the new name. */
    public Path path() {
        return path;
    }

    /** The {@linkplain TailSource#name() name} of the source that follows the file. */
    public String sourceName() {
        return sourceName;
    }

    /** The device number ({@code st_dev}); 0 where the file system does not report one. */
    public long device() {
        return device;
    }

    /** The inode number ({@code st_ino}). */
    public long inode() {
        return inode;
    }

    /** How many leading bytes {@link #fingerprint()} covers (0 for an empty file). */
    public int fingerprintBytes() {
        return fingerprintBytes;
    }

    /** A 64-bit hash of the first {@link #fingerprintBytes()} bytes. */
    public long fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TailedFile)) {
            return false;
        }
        TailedFile that = (TailedFile) o;
        return device == that.device
                && inode == that.inode
                && fingerprintBytes == that.fingerprintBytes
                && fingerprint == that.fingerprint
                && path.equals(that.path)
                && sourceName.equals(that.sourceName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, sourceName, device, inode, fingerprintBytes, fingerprint);
    }

    @Override
    public String toString() {
        return "TailedFile{" + path + ", source=" + sourceName + ", dev=" + device + ", ino=" + inode + ", fingerprint="
                + Long.toHexString(fingerprint) + "/" + fingerprintBytes + "B}";
    }
}
