package io.clssdk.tailer.internal.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One log produced by a {@link LinePipeline}: a time and an ordered list of fields. Each field is a key (UTF-8 bytes,
 * usually a shared constant: compare by content) and a value given as a range of a byte array holding
 * <b>valid UTF-8</b>. A value may point into the caller's read buffer, a pipeline buffer, or this log's own scratch
 * array; it is valid only until the log is {@linkplain #clear() cleared} or the call that handed it out returns.
 *
 * <p>Reused for every log of a pipeline: after warm-up adding fields allocates nothing. At most {@link #MAX_FIELDS}
 * fields are kept (LogListener's limit); further fields are dropped and counted by {@link #droppedFields()}.
 *
 * <p>Not thread-safe.
 */
public final class ParsedLog {
    /** Most fields one log keeps (LogListener: at most 1000 extracted key/value pairs per log). */
    public static final int MAX_FIELDS = 1000;

    private static final int INITIAL_FIELDS = 16;

    private final GrowableBytes scratch = new GrowableBytes(512);
    private long timeMs;
    private int count;
    private int droppedFields;
    private byte[][] keys = new byte[INITIAL_FIELDS][];
    private byte[][] arrays = new byte[INITIAL_FIELDS][];
    private int[] offsets = new int[INITIAL_FIELDS];
    private int[] lengths = new int[INITIAL_FIELDS];

    /** Removes every field and resets the time to 0. */
    public void clear() {
        for (int i = 0; i < count; i++) {
            arrays[i] = null; // do not keep read buffers reachable
        }
        count = 0;
        droppedFields = 0;
        timeMs = 0;
        scratch.reset();
    }

    /** The log time in milliseconds since the epoch. */
    public long timeMs() {
        return timeMs;
    }

    /** Sets the log time in milliseconds since the epoch. */
    public void timeMs(long timeMs) {
        this.timeMs = timeMs;
    }

    /** The number of fields. */
    public int fieldCount() {
        return count;
    }

    /** Fields that were not kept because the log already had {@link #MAX_FIELDS}. */
    public int droppedFields() {
        return droppedFields;
    }

    /** The key of field {@code i} as UTF-8 bytes; do not modify. */
    public byte[] key(int i) {
        check(i);
        return keys[i];
    }

    /** The array holding the value of field {@code i}; do not modify. */
    public byte[] valueArray(int i) {
        check(i);
        return arrays[i];
    }

    /** Where the value of field {@code i} starts in {@link #valueArray(int)}. */
    public int valueOffset(int i) {
        check(i);
        return offsets[i];
    }

    /** The length in bytes of the value of field {@code i}. */
    public int valueLength(int i) {
        check(i);
        return lengths[i];
    }

    /**
     * Adds a field whose value is {@code length} bytes of {@code array} from {@code offset}, which the caller
     * guarantees to be valid UTF-8. The bytes are not copied.
     *
     * @return false when the log already has {@link #MAX_FIELDS} fields (the field is dropped)
     */
    public boolean add(byte[] key, byte[] array, int offset, int length) {
        if (count == MAX_FIELDS) {
            droppedFields++;
            return false;
        }
        if (count == keys.length) {
            grow();
        }
        keys[count] = key;
        arrays[count] = array;
        offsets[count] = offset;
        lengths[count] = length;
        count++;
        return true;
    }

    /** Adds a field whose value is a string, encoded as UTF-8 into this log's scratch (lone surrogates → U+FFFD). */
    public boolean add(byte[] key, String value) {
        int mark = scratch.length();
        Utf8.encode(value, 0, value.length(), scratch);
        return addScratch(key, mark);
    }

    /** Adds a field whose value is {@code chars[start, end)}, encoded as UTF-8 into this log's scratch. */
    boolean add(byte[] key, char[] chars, int start, int end) {
        int mark = scratch.length();
        Utf8.encode(chars, start, end, scratch);
        return addScratch(key, mark);
    }

    /** The scratch buffer, for parsers that build a value in place: note its length, append, then addScratch. */
    GrowableBytes scratch() {
        return scratch;
    }

    /** Adds a field whose value is what was appended to {@link #scratch()} since its length was {@code mark}. */
    boolean addScratch(byte[] key, int mark) {
        return add(key, scratch.array(), mark, scratch.length() - mark);
    }

    /** Index of the first field whose key has the same bytes as {@code key}, or -1. */
    public int indexOf(byte[] key) {
        for (int i = 0; i < count; i++) {
            byte[] k = keys[i];
            if (k == key || Arrays.equals(k, key)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the value of field {@code i} has exactly the bytes of {@code expected}. */
    public boolean valueEquals(int i, byte[] expected) {
        check(i);
        int len = lengths[i];
        if (len != expected.length) {
            return false;
        }
        byte[] a = arrays[i];
        int off = offsets[i];
        for (int j = 0; j < len; j++) {
            if (a[off + j] != expected[j]) {
                return false;
            }
        }
        return true;
    }

    /** The key of field {@code i} as a string (allocates; for diagnostics and tests). */
    public String keyString(int i) {
        return new String(key(i), StandardCharsets.UTF_8);
    }

    /** The value of field {@code i} as a string (allocates; for diagnostics and tests). */
    public String valueString(int i) {
        return new String(valueArray(i), valueOffset(i), valueLength(i), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ParsedLog{timeMs=").append(timeMs);
        for (int i = 0; i < count; i++) {
            sb.append(", ").append(keyString(i)).append('=').append(valueString(i));
        }
        return sb.append('}').toString();
    }

    /** Releases a scratch array that one huge log made large. Call between logs. */
    void trim() {
        clear();
        scratch.trim();
    }

    private void grow() {
        int n = keys.length * 2;
        keys = Arrays.copyOf(keys, n);
        arrays = Arrays.copyOf(arrays, n);
        offsets = Arrays.copyOf(offsets, n);
        lengths = Arrays.copyOf(lengths, n);
    }

    private void check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("field " + i + " of " + count);
        }
    }
}
