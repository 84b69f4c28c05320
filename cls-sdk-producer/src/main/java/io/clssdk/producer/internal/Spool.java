package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.producer.SpoolOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Checksum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's disk spool: every sealed batch is appended to the current segment as a record ({@link SpoolScanner}
 * describes the format) before it is handed to the sender, and marked done in its segment's ack file when all its logs
 * have a final outcome; a segment whose records are all done is deleted (the current one once the next starts, or at
 * close). At start, the records not marked done are replayed ({@link #pending()}). One lock (this object) guards the
 * segments; writes come from sealing threads, acks from I/O threads, forcing from the fsync thread.
 *
 * <p>A directory is used by one producer at a time: {@code spool.lock}, held with {@link FileChannel#tryLock()}.
 */
final class Spool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    static final String LOCK_FILE = "spool.lock";

    private final SpoolOptions options;
    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ArrayDeque<SpoolSegment> segments = new ArrayDeque<>();
    private final List<SpoolEntry> pending;
    private final Checksum crc = Crc32c.create();
    private final ByteBuffer prefix = ByteBuffer.allocate(SpoolScanner.PREFIX_BYTES);
    private final SpoolSync sync;
    final LongAdder droppedLogs = new LongAdder();
    /** Records whose batch failed transiently, to be sent again; not filled once the producer is closing. */
    final Queue<SpoolEntry> kept = new ConcurrentLinkedQueue<>();

    private volatile boolean closing;
    private SpoolSegment current;
    private volatile long totalBytes;
    private long writeErrors;
    private boolean closed;

    private Spool(SpoolOptions options, FileChannel lockChannel, FileLock lock) throws IOException {
        this.options = options;
        this.directory = options.directory();
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pending = load();
        this.current = newSegment(segments.isEmpty() ? 1 : segments.peekLast().id + 1);
        this.sync = options.fsync() == SpoolOptions.Fsync.INTERVAL ? new SpoolSync(this, options) : null;
    }

    /**
     * Opens the spool in {@code options.directory()}, creating it (mode 0700 where POSIX permissions exist), locking
     * it and reading what an earlier producer left.
     *
     * @throws IllegalStateException naming the directory if another producer holds it, or it cannot be used
     */
    static Spool open(SpoolOptions options) {
        Path dir = options.directory();
        FileChannel ch = null;
        try {
            SpoolFiles.createPrivateDirectory(dir);
            ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("the disk spool directory " + dir + " is in use by another producer"
                        + " (its lock file " + LOCK_FILE + " is held); give each producer a directory of its own");
            }
            return new Spool(options, ch, lock);
        } catch (IOException e) {
            SpoolFiles.closeQuietly(ch);
            throw new IllegalStateException("cannot use the disk spool directory " + dir + ": " + e, e);
        } catch (RuntimeException e) {
            SpoolFiles.closeQuietly(ch);
            throw e;
        }
    }

    private List<SpoolEntry> load() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().matches("[0-9]{16}\\.seg"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        List<SpoolEntry> found = new ArrayList<>();
        for (Path p : files) {
            SpoolSegment s = new SpoolSegment(directory, SpoolSegment.idOf(p));
            List<SpoolEntry> live = SpoolScanner.scan(s);
            if (s.fullyAcked()) {
                s.delete();
            } else {
                segments.addLast(s);
                totalBytes += s.bytes;
                found.addAll(live);
            }
        }
        if (!found.isEmpty()) {
            LOG.info(
                    "Disk spool {} holds {} batches ({} bytes) an earlier producer did not deliver; replaying them",
                    directory,
                    found.size(),
                    totalBytes);
        }
        return found;
    }

    private SpoolSegment newSegment(long id) throws IOException {
        SpoolSegment s = new SpoolSegment(directory, id);
        s.dataChannel();
        segments.addLast(s);
        return s;
    }

    /** The records an earlier producer left undelivered, oldest first (read once, at start). */
    List<SpoolEntry> pending() {
        return pending;
    }

    /** Bytes the segment files hold. */
    long bytes() {
        return totalBytes;
    }

    /**
     * Waits until the spool holds less than maxBytes (policy BLOCK), at most {@code maxWaitNanos}.
     *
     * @throws ClsClientException BUFFER_FULL if it stayed full, INTERRUPTED if interrupted
     */
    void awaitSpace(long maxWaitNanos) {
        if (totalBytes < options.maxBytes() || options.whenFull() != SpoolOptions.WhenFull.BLOCK) {
            return;
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        synchronized (this) {
            while (totalBytes >= options.maxBytes() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ClsClientException(
                            ClsClientException.Reason.BUFFER_FULL,
                            "the disk spool " + directory + " is full (" + totalBytes + " of " + options.maxBytes()
                                    + " bytes hold undelivered logs) and no space came free within maxBlock");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClsClientException(
                            ClsClientException.Reason.INTERRUPTED, "interrupted while waiting for disk spool space", e);
                }
            }
        }
    }

    /**
     * Appends sealed batch {@code b} as a record and returns its entry; null (the batch then lives in memory only) if
     * the spool is closed or the write failed, which is logged.
     */
    synchronized SpoolEntry write(Batch b, long nowMillis) {
        if (closed) {
            return null;
        }
        byte[] topic = b.partition.topicId.getBytes(StandardCharsets.UTF_8);
        byte[] key = b.partition.hashKey == null ? null : b.partition.hashKey.getBytes(StandardCharsets.UTF_8);
        byte[] flow = b.contextFlow().getBytes(StandardCharsets.UTF_8);
        ByteBuffer header =
                ByteBuffer.allocate(1 + 8 + 4 + 6 + topic.length + (key == null ? 0 : key.length) + flow.length);
        header.put(SpoolScanner.VERSION).putLong(nowMillis).putInt(b.count());
        SpoolScanner.putString(header, topic);
        SpoolScanner.putString(header, key);
        SpoolScanner.putString(header, flow);
        header.flip();
        ByteBuffer body = ByteBuffer.wrap(b.buf, b.bodyStart(), b.bodyLength());
        int length = header.remaining() + body.remaining();
        crc.reset();
        crc.update(header.array(), 0, header.limit());
        crc.update(b.buf, b.bodyStart(), b.bodyLength());
        prefix.clear();
        prefix.putInt(length).putInt((int) crc.getValue()).flip();
        try {
            makeRoom(SpoolScanner.PREFIX_BYTES + length);
            SpoolSegment s = current;
            long offset = s.bytes;
            FileChannel ch = s.dataChannel();
            ch.position(offset); // after a write cut short by an interrupt, overwrite its remains
            ByteBuffer[] parts = {prefix, header, body};
            long total = SpoolScanner.PREFIX_BYTES + length;
            for (long written = 0; written < total; ) {
                written += ch.write(parts);
            }
            s.bytes += total;
            s.records++;
            s.liveLogs += b.count();
            totalBytes += total;
            if (options.fsync() == SpoolOptions.Fsync.EVERY_BATCH) {
                ch.force(false);
            }
            if (s.bytes >= options.segmentBytes()) {
                roll();
            }
            long bodyPosition = offset + SpoolScanner.PREFIX_BYTES + header.limit();
            return new SpoolEntry(
                    s,
                    offset,
                    b.count(),
                    b.partition.topicId,
                    b.partition.hashKey,
                    b.contextFlow(),
                    bodyPosition,
                    b.bodyLength(),
                    false);
        } catch (IOException e) {
            if (Long.bitCount(++writeErrors) == 1) { // 1st, 2nd, 4th, ... failure
                LOG.error(
                        "Cannot write a batch to the disk spool {} ({} failures so far); it is kept in memory only",
                        directory,
                        writeErrors,
                        e);
            }
            return null;
        }
    }

    /** Starts a new current segment; the old one is forced (unless fsync is NEVER) and deleted if all done. */
    private void roll() throws IOException {
        SpoolSegment old = current;
        if (options.fsync() != SpoolOptions.Fsync.NEVER) {
            old.force();
        }
        current = newSegment(old.id + 1);
        deleteIfDone(old);
    }

    /** Policy DROP_OLDEST: deletes the oldest segments until {@code bytes} more fit. */
    private void makeRoom(long bytes) throws IOException {
        if (options.whenFull() != SpoolOptions.WhenFull.DROP_OLDEST) {
            return;
        }
        while (totalBytes + bytes > options.maxBytes() && segments.peekFirst() != current) {
            SpoolSegment oldest = segments.pollFirst();
            droppedLogs.add(oldest.liveLogs);
            LOG.error(
                    "The disk spool {} is full ({} of {} bytes): deleted its oldest segment {} with {} undelivered"
                            + " logs (whenFull=DROP_OLDEST)",
                    directory,
                    totalBytes,
                    options.maxBytes(),
                    oldest,
                    oldest.liveLogs);
            totalBytes -= oldest.bytes;
            oldest.delete();
        }
    }

    /**
     * Every log of the batch of {@code e} has a final outcome: marks its record done unless some log failed in a way
     * a later attempt could cure ({@link SpoolEntry#keep}). Once per entry.
     */
    void settle(SpoolEntry e) {
        if (!e.settleOnce()) {
            return;
        }
        if (e.keep) {
            if (!closing && !e.segment.deleted) {
                kept.add(e.again()); // sent again by this process (Accumulator.resendKept)
            }
            return;
        }
        synchronized (this) {
            SpoolSegment s = e.segment;
            if (s.deleted || closed) {
                return;
            }
            try {
                s.appendAck(e.offset);
                s.acked++;
                s.liveLogs -= e.logs;
                if (s != current) {
                    deleteIfDone(s);
                }
            } catch (IOException x) {
                LOG.warn(
                        "Cannot mark a batch done in the disk spool {}; it will be sent again at the next start",
                        directory,
                        x);
            }
        }
    }

    private void deleteIfDone(SpoolSegment s) throws IOException {
        if (s.fullyAcked() && !s.deleted) {
            segments.remove(s);
            totalBytes -= s.bytes;
            s.delete();
            notifyAll();
        }
    }

    /** The body of a record, at {@code at} in a new array (an I/O thread, before an attempt). */
    byte[] load(SpoolEntry e, int at) {
        try {
            return e.segment.read(e.bodyPosition, e.bodyLength, at);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** The producer is closing: what fails from now on stays in the spool for the next start. */
    void closing() {
        closing = true;
    }

    /** Forces the current segment to the device (the fsync thread). */
    void force() {
        SpoolSegment s;
        synchronized (this) {
            if (closed) {
                return;
            }
            s = current;
        }
        try {
            s.force();
        } catch (IOException e) {
            LOG.debug("Forcing disk spool segment {} failed", s, e); // closed by a roll meanwhile
        }
    }

    /** Forces and closes every segment (deleting the current one if all done) and releases the directory. */
    @Override
    public void close() {
        if (sync != null) {
            sync.stop();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                for (SpoolSegment s : segments) {
                    if (options.fsync() != SpoolOptions.Fsync.NEVER) {
                        s.force();
                    }
                    s.close();
                }
                if (current.fullyAcked()) {
                    totalBytes -= current.bytes;
                    current.delete();
                }
            } catch (IOException e) {
                LOG.warn("Closing the disk spool {} failed", directory, e);
            } finally {
                closed = true;
                notifyAll();
                SpoolFiles.release(lock, lockChannel);
            }
        }
    }

    @Override
    public String toString() {
        return "Spool{" + directory + ", bytes=" + totalBytes + '}';
    }
}
