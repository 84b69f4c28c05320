package io.clssdk.tailer.internal.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A 64-bit FNV-1a hash of a file's first {@link #length()} bytes. Together with (device, inode) it tells a file apart
 * from a later file that reuses the inode. A fingerprint of a short file covers what exists and is extended as the file
 * grows; a file is recognised as long as its first {@code length} bytes hash the same. Immutable value.
 */
public final class Fingerprint {
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private final int length;
    private final long hash;

    public Fingerprint(int length, long hash) {
        this.length = length;
        this.hash = hash;
    }

    /**
     * Reads the first {@code min(maxLength, size)} bytes through {@code channel}.
     *
     * @throws IOException if reading fails
     */
    public static Fingerprint read(FileChannel channel, int maxLength) throws IOException {
        long size = channel.size();
        int len = (int) Math.min(maxLength, size);
        byte[] bytes = readPrefix(channel, len);
        return new Fingerprint(bytes.length, hash(bytes, bytes.length));
    }

    /**
     * True if the file behind {@code channel} still starts with the bytes this fingerprint covers (false if it is now
     * shorter).
     *
     * @throws IOException if reading fails
     */
    public boolean matches(FileChannel channel) throws IOException {
        byte[] bytes = readPrefix(channel, length);
        return bytes.length == length && hash(bytes, length) == hash;
    }

    static long hash(byte[] bytes, int len) {
        long h = OFFSET_BASIS;
        for (int i = 0; i < len; i++) {
            h ^= bytes[i] & 0xff;
            h *= PRIME;
        }
        return h;
    }

    private static byte[] readPrefix(FileChannel channel, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            if (channel.read(buf, buf.position()) < 0) {
                break;
            }
        }
        if (buf.position() == len) {
            return buf.array();
        }
        byte[] shorter = new byte[buf.position()];
        System.arraycopy(buf.array(), 0, shorter, 0, shorter.length);
        return shorter;
    }

    public int length() {
        return length;
    }

    public long hash() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fingerprint)) {
            return false;
        }
        Fingerprint f = (Fingerprint) o;
        return length == f.length && hash == f.hash;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash) * 31 + length;
    }

    @Override
    public String toString() {
        return Long.toHexString(hash) + "/" + length;
    }
}
