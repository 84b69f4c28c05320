package io.clssdk.tailer.internal.file;

/** A file's (device, inode) pair. Immutable value. */
public final class FileKey {
    private final long device;
    private final long inode;

    public FileKey(long device, long inode) {
        this.device = device;
        this.inode = inode;
    }

    public long device() {
        return device;
    }

    public long inode() {
        return inode;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileKey)) {
            return false;
        }
        FileKey k = (FileKey) o;
        return device == k.device && inode == k.inode;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(device) * 31 + Long.hashCode(inode);
    }

    @Override
    public String toString() {
        return device + ":" + inode;
    }
}
