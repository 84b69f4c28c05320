package io.clssdk.tailer.internal.checkpoint;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.FileStat;
import io.clssdk.tailer.internal.file.Fingerprint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint file {@code checkpoints.json}: a JSON document with a format name and version and one entry per file.
 * Written atomically (a temporary file is written and forced to disk, renamed over the old file, and the directory is
 * forced), so a crash at any moment leaves either the old or the new file. A file that cannot be read or parsed is
 * reported, moved aside as {@code checkpoints.json.corrupt-<millis>} and never silently replaced. A lock file keeps a
 * second tailer out of the directory; deleting the directory takes the lock file with it, so {@link #relockIfLost}
 * checks that the locked file is still the one at its path and takes the lock again when it is not.
 *
 * <p>Each entry stores its path twice: {@code path}, readable text, and {@code pathUri}, the path's {@code file:} URI
 * with its bytes percent-escaped, which round-trips whatever the JVM's file-name encoding (see {@link
 * CheckpointEntry}). {@code pathUri} was added without changing the version: files without it still load (their path
 * is decoded from {@code path}), and a version that does not know it ignores it. An entry whose name this JVM cannot
 * turn into a Path is logged and kept without a path. Not thread-safe: one engine thread uses it.
 */
public final class CheckpointStore implements AutoCloseable {
    public static final String FILE_NAME = "checkpoints.json";
    static final String FORMAT = "cls-sdk-tailer-checkpoints";
    static final int VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String LOCK_NAME = "checkpoints.lock";

    private final Path dir;
    private final Path file;
    private final Path temp;
    private final Path lockFile;
    private FileChannel lockChannel;
    private FileLock lock;
    /** The identity of the lock file when the lock was taken; null while no lock is held. */
    private FileKey lockKey;

    public CheckpointStore(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
        this.temp = dir.resolve(FILE_NAME + ".tmp");
        this.lockFile = dir.resolve(LOCK_NAME);
    }

    /** Another tailer (another process, or another tailer in this JVM) holds the lock of the directory. */
    public static final class InUseException extends IOException {
        private static final long serialVersionUID = 1L;

        InUseException(Path dir) {
            super("checkpoint directory " + dir + " is in use by another tailer");
        }
    }

    /** What {@link #open} found. */
    public static final class Loaded {
        private final List<CheckpointEntry> entries;
        private final String problem;

        Loaded(List<CheckpointEntry> entries, String problem) {
            this.entries = entries;
            this.problem = problem;
        }

        public List<CheckpointEntry> entries() {
            return entries;
        }

        /** Why the file found could not be used, or null. */
        public String problem() {
            return problem;
        }
    }

    /**
     * Creates the directory, takes the lock and reads the checkpoint file.
     *
     * @param nowMillis used to name a corrupt file moved aside
     * @throws InUseException if another tailer holds the directory
     * @throws IOException if the directory cannot be used or a bad checkpoint file cannot be moved aside
     */
    public Loaded open(long nowMillis) throws IOException {
        Files.createDirectories(dir);
        lock();
        Files.deleteIfExists(temp); // a write that crashed before its rename; the main file is intact
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(Collections.<CheckpointEntry>emptyList(), null);
        } catch (IOException e) {
            return setAside("cannot be read: " + e, nowMillis);
        }
        try {
            return new Loaded(parse(bytes), null);
        } catch (IOException | RuntimeException e) {
            return setAside("is corrupt: " + e.getMessage(), nowMillis);
        }
    }

    private void lock() throws IOException {
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
            if (l != null) {
                lockKey = FileStat.of(lockFile).key();
            }
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            throw new InUseException(dir);
        }
        lockChannel = ch;
        lock = l;
    }

    /**
     * Makes sure this store still holds the lock of its directory. Deleting the directory (or replacing it, or the
     * lock file) leaves the lock on a file no other tailer can see, so a second tailer could start there. Then this
     * re-creates the directory and takes the lock again. A directory that cannot be looked at (permissions) is not
     * taken for lost: the lock held is kept and writes report the problem.
     *
     * @return true if the lock was taken again (the checkpoint file must be written again: it went with the directory)
     * @throws InUseException if another tailer took the re-created directory meanwhile
     * @throws IOException if the directory cannot be re-created or locked now (try again later)
     */
    public boolean relockIfLost() throws IOException {
        if (lockKey != null && !lockLost()) {
            return false;
        }
        releaseLock();
        try {
            Files.createDirectories(dir);
            lock();
        } catch (InUseException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(
                    "checkpoint directory " + dir + " was deleted or replaced and cannot be re-created: " + e, e);
        }
        log.warn(
                "checkpoint directory {} or its lock file was deleted or replaced; re-created it and took the lock"
                        + " again",
                dir);
        return true;
    }

    private boolean lockLost() throws IOException {
        try {
            return !FileStat.of(lockFile).key().equals(lockKey);
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            // ENOTDIR (the directory was replaced by a file) surfaces as a plain FileSystemException: look at the
            // directory itself to tell that from a lock file we may not look at.
            FileStat d;
            try {
                d = FileStat.of(dir);
            } catch (NoSuchFileException gone) {
                return true;
            }
            if (!d.directory()) {
                return true;
            }
            throw e;
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("releasing the checkpoint lock: {}", e.toString());
        }
        lock = null;
        lockChannel = null;
        lockKey = null;
    }

    private Loaded setAside(String problem, long nowMillis) throws IOException {
        Path aside = dir.resolve(FILE_NAME + ".corrupt-" + nowMillis);
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            throw new IOException(
                    "checkpoint file " + file + " " + problem + ", and moving it aside to " + aside + " failed (" + e
                            + "); fix or remove it to start",
                    e);
        }
        String message = "checkpoint file " + file + " " + problem + "; moved it to " + aside
                + " and started every file from its source's start position";
        log.error(message);
        return new Loaded(Collections.<CheckpointEntry>emptyList(), message);
    }

    static List<CheckpointEntry> parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException("format is not " + FORMAT);
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IOException("unsupported version " + root.path("version") + " (expected " + VERSION + ")");
        }
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) {
            throw new IOException("files is not an array");
        }
        List<CheckpointEntry> entries = new ArrayList<>(files.size());
        for (JsonNode f : files) {
            FileKey key = new FileKey(number(f, "dev"), number(f, "ino"));
            String pathText = text(f, "path");
            String pathUri = f.has("pathUri") ? text(f, "pathUri") : null;
            entries.add(new CheckpointEntry(
                    key,
                    new Fingerprint(
                            (int) number(f, "fingerprintBytes"), Long.parseUnsignedLong(text(f, "fingerprint"), 16)),
                    toPath(key, pathText, pathUri),
                    pathText,
                    pathUri,
                    text(f, "source"),
                    number(f, "offset"),
                    number(f, "lastSeenMillis")));
        }
        return entries;
    }

    /**
     * The stored name as a Path, or null (logged) if this JVM cannot represent it. Entries without {@code pathUri}
     * were written by an older version: their text is decoded with this JVM's file-name encoding, which fails (under
     * {@code LC_ALL=C}, for a non-ASCII name) or, if the writer's encoding differed, may name other bytes; they keep
     * no URI (written back as they were), since one derived here could be wrong.
     */
    private static Path toPath(FileKey key, String pathText, String pathUri) {
        try {
            return pathUri != null ? Paths.get(new URI(pathUri)) : Paths.get(pathText);
        } catch (URISyntaxException | RuntimeException e) {
            log.warn(
                    "checkpoint entry {} ({}): this JVM cannot make a path of its file name"
                            + " (file-name encoding {}): {}. Its offset still applies if a rule finds the file; a file"
                            + " renamed away from that name while the tailer was stopped is not looked for",
                    key,
                    pathUri != null ? pathUri : pathText,
                    System.getProperty("sun.jnu.encoding"),
                    e.toString());
            return null;
        }
    }

    private static long number(JsonNode f, String field) throws IOException {
        JsonNode n = f.get(field);
        if (n == null || !n.canConvertToLong()) {
            throw new IOException("entry " + f + " has no numeric " + field);
        }
        return n.asLong();
    }

    private static String text(JsonNode f, String field) throws IOException {
        JsonNode n = f.get(field);
        if (n == null || !n.isTextual()) {
            throw new IOException("entry " + f + " has no text " + field);
        }
        return n.asText();
    }

    /**
     * Replaces the checkpoint file with {@code entries}, atomically and durably.
     *
     * @throws IOException if writing fails (the previous file is then intact)
     */
    public void write(List<CheckpointEntry> entries, long nowMillis) throws IOException {
        byte[] bytes = serialize(entries, nowMillis);
        try (FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
    }

    static byte[] serialize(List<CheckpointEntry> entries, long nowMillis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + entries.size() * 200);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeNumberField("writtenAtMillis", nowMillis);
            g.writeArrayFieldStart("files");
            for (CheckpointEntry e : entries) {
                g.writeStartObject();
                g.writeNumberField("dev", e.key().device());
                g.writeNumberField("ino", e.key().inode());
                g.writeNumberField("fingerprintBytes", e.fingerprint().length());
                g.writeStringField(
                        "fingerprint", Long.toHexString(e.fingerprint().hash()));
                g.writeStringField("path", e.pathText());
                if (e.pathUri() != null) {
                    g.writeStringField("pathUri", e.pathUri());
                }
                g.writeStringField("source", e.source());
                g.writeNumberField("offset", e.offset());
                g.writeNumberField("lastSeenMillis", e.lastSeenMillis());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not every platform can open or force a directory; the rename itself is still atomic.
            log.debug("cannot force directory {}: {}", dir, e.toString());
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the directory lock. */
    @Override
    public void close() {
        releaseLock();
    }
}
