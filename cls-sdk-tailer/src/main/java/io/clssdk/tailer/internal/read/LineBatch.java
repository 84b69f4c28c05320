package io.clssdk.tailer.internal.read;

/**
 * The line positions of the chunk being built in a reader's buffer. Reused for every chunk of one reader thread; not
 * thread-safe.
 */
public final class LineBatch {
    /** At most this many lines go into one chunk, which bounds the position arrays. */
    public static final int MAX_LINES = 16384;

    private final byte[] buffer;
    private final int[] starts = new int[MAX_LINES];
    private final int[] ends = new int[MAX_LINES];
    private final boolean[] truncated = new boolean[MAX_LINES];
    private final boolean[] ascii = new boolean[MAX_LINES];
    private int count;
    private int truncatedCount;

    public LineBatch(byte[] buffer) {
        this.buffer = buffer;
    }

    public void clear() {
        count = 0;
        truncatedCount = 0;
    }

    /**
     * Adds a line; returns true when the batch is full.
     *
     * @param cut whether the line was cut at the line size limit
     * @param knownAscii true when the reader saw that every byte of the line is below 0x80; false when unknown
     */
    public boolean add(int start, int end, boolean cut, boolean knownAscii) {
        starts[count] = start;
        ends[count] = end;
        truncated[count] = cut;
        ascii[count] = knownAscii;
        if (cut) {
            truncatedCount++;
        }
        return ++count == MAX_LINES;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int count() {
        return count;
    }

    public int truncatedCount() {
        return truncatedCount;
    }

    int start(int i) {
        check(i);
        return starts[i];
    }

    int end(int i) {
        check(i);
        return ends[i];
    }

    boolean truncated(int i) {
        check(i);
        return truncated[i];
    }

    boolean ascii(int i) {
        check(i);
        return ascii[i];
    }

    private void check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("line " + i + " of " + count);
        }
    }
}
