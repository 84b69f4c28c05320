package io.clssdk.producer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * One segment of the disk spool: a data file of batch records ({@code <id>.seg}) and its ack file ({@code <id>.ack}),
 * the 8-byte offsets of the records marked done. Guarded by the {@link Spool}'s lock, except {@link #read}, which
 * positional reads make safe on any thread.
 */
final class SpoolSegment {
    final long id;
    final Path data;
    final Path acks;
    private FileChannel dataChannel;
    private FileChannel ackChannel;
    long bytes;
    int records;
    int acked;
    /** Logs of the records not yet acked (what deleting the segment would lose). */
    long liveLogs;

    volatile boolean deleted;

    SpoolSegment(Path directory, long id) {
        this.id = id;
        String name = String.format(Locale.ROOT, "%016d", id);
        this.data = directory.resolve(name + ".seg");
        this.acks = directory.resolve(name + ".ack");
    }

    static long idOf(Path data) {
        String name = data.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".seg".length()));
    }

    /**
     * The data file's channel, positioned at its end; opened again if an interrupted thread closed it (a thread
     * interrupted in a channel operation closes the channel).
     */
    synchronized FileChannel dataChannel() throws IOException {
        if (deleted) {
            throw new IOException("spool segment " + data + " was deleted");
        }
        if (dataChannel == null || !dataChannel.isOpen()) {
            boolean first = dataChannel == null;
            dataChannel = FileChannel.open(
                    data, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (first) {
                bytes = dataChannel.size();
            }
            dataChannel.position(bytes);
        }
        return dataChannel;
    }

    void appendAck(long offset) throws IOException {
        if (ackChannel == null || !ackChannel.isOpen()) {
            ackChannel = FileChannel.open(acks, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ackChannel.position(ackChannel.size());
        }
        ByteBuffer b = ByteBuffer.allocate(8).putLong(0, offset);
        while (b.hasRemaining()) {
            ackChannel.write(b);
        }
    }

    /** Reads {@code length} bytes at {@code position} of the data file into a new array at {@code at} (any thread). */
    byte[] read(long position, int length, int at) throws IOException {
        FileChannel ch = dataChannel();
        byte[] out = new byte[at + length];
        ByteBuffer b = ByteBuffer.wrap(out, at, length);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position() - at) < 0) {
                throw new IOException("spool segment " + data + " ends before " + (position + length));
            }
        }
        return out;
    }

    void force() throws IOException {
        if (dataChannel != null && dataChannel.isOpen()) {
            dataChannel.force(false);
        }
        if (ackChannel != null && ackChannel.isOpen()) {
            ackChannel.force(false);
        }
    }

    synchronized void close() throws IOException {
        if (dataChannel != null) {
            dataChannel.close();
        }
        if (ackChannel != null) {
            ackChannel.close();
        }
    }

    synchronized void delete() throws IOException {
        close();
        deleted = true;
        Files.deleteIfExists(acks);
        Files.deleteIfExists(data);
    }

    boolean fullyAcked() {
        return acked >= records;
    }

    @Override
    public String toString() {
        return data.getFileName().toString();
    }
}
