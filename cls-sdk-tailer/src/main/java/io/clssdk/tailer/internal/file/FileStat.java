package io.clssdk.tailer.internal.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes the tailer needs of a path, following symbolic links: identity, size, and type. Uses the {@code unix}
 * attribute view where present (Linux, macOS) and falls back to {@link BasicFileAttributes#fileKey()}.
 */
public final class FileStat {
    private static final Pattern FILE_KEY = Pattern.compile("\\(dev=([0-9a-fA-F]+),ino=([0-9]+)\\)");
    private static volatile boolean unixView = true;

    private final FileKey key;
    private final long size;
    private final boolean regularFile;
    private final boolean directory;

    private FileStat(FileKey key, long size, boolean regularFile, boolean directory) {
        this.key = key;
        this.size = size;
        this.regularFile = regularFile;
        this.directory = directory;
    }

    /**
     * Reads the attributes of {@code path}.
     *
     * @throws IOException if the path does not exist or cannot be read
     */
    public static FileStat of(Path path) throws IOException {
        if (unixView) {
            try {
                Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,size,isRegularFile,isDirectory");
                return new FileStat(
                        new FileKey(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue()),
                        ((Number) a.get("size")).longValue(),
                        (Boolean) a.get("isRegularFile"),
                        (Boolean) a.get("isDirectory"));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                unixView = false;
            }
        }
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileStat(keyOf(a.fileKey(), path), a.size(), a.isRegularFile(), a.isDirectory());
    }

    private static FileKey keyOf(Object fileKey, Path path) {
        if (fileKey != null) {
            Matcher m = FILE_KEY.matcher(fileKey.toString());
            if (m.matches()) {
                return new FileKey(Long.parseLong(m.group(1), 16), Long.parseLong(m.group(2)));
            }
            return new FileKey(0, fileKey.hashCode() & 0xffffffffL);
        }
        // No file key at all (e.g. some Windows file systems): the path stands in for the inode; the fingerprint still
        // tells a replaced file apart.
        return new FileKey(-1, path.toAbsolutePath().toString().hashCode() & 0xffffffffL);
    }

    public FileKey key() {
        return key;
    }

    public long size() {
        return size;
    }

    public boolean regularFile() {
        return regularFile;
    }

    public boolean directory() {
        return directory;
    }
}
