package io.clssdk.tailer.internal.parse;

/**
 * A pending log made of several lines joined with {@code \n}, copied out of the read buffer: a multi-line entry, or a
 * run of merged parse failures. The content is capped at a size limit; what does not fit is cut at a character
 * boundary and the lines that follow are dropped until the entry is {@linkplain #reset() reset}, so an endless entry
 * never stalls a file. Lines are valid UTF-8, hence so is the content. Not thread-safe.
 */
final class EntryBuffer {
    private final int maxBytes;
    private final GrowableBytes bytes = new GrowableBytes(1024);
    private boolean open;
    private boolean ascii;
    private boolean full;
    private long firstReadTimeMs;
    private long firstLine;

    EntryBuffer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether an entry was started and not reset since. */
    boolean isOpen() {
        return open;
    }

    /** Starts an entry with its first line, which is line number {@code lineNo} of the file's pipeline. */
    void start(byte[] b, int off, int len, boolean lineAscii, long readTimeMs, long lineNo) {
        bytes.reset();
        open = true;
        ascii = true;
        full = false;
        firstReadTimeMs = readTimeMs;
        firstLine = lineNo;
        appendCapped(b, off, len, lineAscii);
    }

    /** Appends {@code \n} and a line to the open entry. */
    void append(byte[] b, int off, int len, boolean lineAscii) {
        if (full) {
            return;
        }
        if (bytes.length() >= maxBytes) {
            full = true;
            return;
        }
        bytes.append((byte) '\n');
        appendCapped(b, off, len, lineAscii);
    }

    private void appendCapped(byte[] b, int off, int len, boolean lineAscii) {
        int room = maxBytes - bytes.length();
        if (len > room) {
            len = Utf8.boundaryAtOrBefore(b, off, off + room) - off;
            full = true;
        }
        bytes.append(b, off, len);
        ascii &= lineAscii;
    }

    byte[] array() {
        return bytes.array();
    }

    int length() {
        return bytes.length();
    }

    /** Whether every byte of the entry is ASCII. */
    boolean ascii() {
        return ascii;
    }

    /** Whether content was cut at the size limit. */
    boolean truncated() {
        return full;
    }

    /** When the first line was read: the entry's collection time. */
    long firstReadTimeMs() {
        return firstReadTimeMs;
    }

    /** The pipeline line number of the first line. */
    long firstLine() {
        return firstLine;
    }

    /** Closes the entry and drops an array that a huge entry made large. */
    void reset() {
        open = false;
        full = false;
        bytes.trim();
    }
}
