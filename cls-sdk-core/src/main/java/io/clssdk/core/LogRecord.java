package io.clssdk.core;

import io.clssdk.core.spi.Limits;
import java.time.Instant;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One log: a time in milliseconds and an ordered list of key/value fields.
 *
 * <p>Immutable and thread-safe. Keys may repeat (CLS keeps every field); order is preserved on the wire. Build one
 * with {@link #builder()} or {@link #of(long, String...)}.
 *
 * <pre>{@code
 * LogRecord record = LogRecord.builder()
 *         .field("level", "INFO")
 *         .field("message", "order 42 shipped")
 *         .build();
 * }</pre>
 *
 * <p>Keys must be non-empty and must not be one of the names CLS reserves for metadata ({@code __FILENAME__},
 * {@code __TIMESTAMP__}, {@code __LOGSETID__}, {@code __TOPICID__}). Size limits (a value is at most 1 MiB of UTF-8)
 * are checked when the record is encoded for upload, because they depend on the encoded length.
 */
public final class LogRecord {
    private static final int INITIAL_SLOTS = 16;

    private final long timeMs;
    /** Keys at even, values at odd indexes; slots past {@code 2 * size} are unused. Never mutated once shared. */
    private final String[] slots;

    private final int size;

    private LogRecord(long timeMs, String[] slots, int size) {
        this.timeMs = timeMs;
        this.slots = slots;
        this.size = size;
    }

    /** Returns a builder whose time defaults to the moment {@link Builder#build()} is called. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a record from alternating keys and values.
     *
     * @throws IllegalArgumentException if {@code keysAndValues} has an odd length, or a key is empty or reserved
     * @throws NullPointerException if a key or value is null
     */
    public static LogRecord of(long timeMs, String... keysAndValues) {
        if ((keysAndValues.length & 1) != 0) {
            throw new IllegalArgumentException(
                    "keysAndValues must alternate key, value; got an odd count " + keysAndValues.length);
        }
        Builder builder = new Builder(Math.max(2, keysAndValues.length)).timeMs(timeMs);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.field(keysAndValues[i], keysAndValues[i + 1]);
        }
        return builder.build();
    }

    /** The log time in milliseconds since the epoch. */
    public long timeMs() {
        return timeMs;
    }

    /** The number of fields. */
    public int fieldCount() {
        return size;
    }

    /** The key of field {@code index} (0-based). */
    public String key(int index) {
        return slots[2 * checkIndex(index)];
    }

    /** The value of field {@code index} (0-based). */
    public String value(int index) {
        return slots[2 * checkIndex(index) + 1];
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("field index " + index + " out of range [0, " + size + ")");
        }
        return index;
    }

    /** The fields in order, as an unmodifiable list view. */
    public List<Map.Entry<String, String>> fields() {
        return new AbstractList<Map.Entry<String, String>>() {
            @Override
            public Map.Entry<String, String> get(int index) {
                return new AbstractMap.SimpleImmutableEntry<>(key(index), value(index));
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Returns a builder initialised with this record's time and fields. */
    public Builder toBuilder() {
        Builder builder = new Builder(Math.max(INITIAL_SLOTS, 2 * size)).timeMs(timeMs);
        System.arraycopy(slots, 0, builder.slots, 0, 2 * size);
        builder.size = size;
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LogRecord)) {
            return false;
        }
        LogRecord other = (LogRecord) o;
        if (timeMs != other.timeMs || size != other.size) {
            return false;
        }
        for (int i = 0; i < 2 * size; i++) {
            if (!slots[i].equals(other.slots[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(timeMs);
        for (int i = 0; i < 2 * size; i++) {
            h = 31 * h + slots[i].hashCode();
        }
        return h;
    }

    /** Shows the time and fields; values longer than 64 characters are shortened. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LogRecord{timeMs=").append(timeMs);
        for (int i = 0; i < size; i++) {
            String value = slots[2 * i + 1];
            sb.append(", ").append(slots[2 * i]).append('=');
            if (value.length() > 64) {
                sb.append(value, 0, 64).append("…(").append(value.length()).append(" chars)");
            } else {
                sb.append(value);
            }
        }
        return sb.append('}').toString();
    }

    /**
     * Builds a {@link LogRecord}. Not thread-safe. A builder may be reused: fields added after {@link #build()} do not
     * affect records already built.
     */
    public static final class Builder {
        private long timeMs = Long.MIN_VALUE;
        private String[] slots;
        private int size;
        /** True once {@link #build()} handed {@link #slots} to a record; the next mutation copies first. */
        private boolean shared;

        private Builder() {
            this(INITIAL_SLOTS);
        }

        private Builder(int initialSlots) {
            this.slots = new String[initialSlots];
        }

        /** Sets the log time in milliseconds since the epoch (default: the time of {@link #build()}). */
        public Builder timeMs(long timeMs) {
            if (timeMs < 0) {
                throw new IllegalArgumentException("timeMs must be >= 0, got " + timeMs);
            }
            this.timeMs = timeMs;
            return this;
        }

        /** Sets the log time (millisecond precision). */
        public Builder time(Instant time) {
            return timeMs(time.toEpochMilli());
        }

        /**
         * Appends a field.
         *
         * @throws NullPointerException if key or value is null
         * @throws IllegalArgumentException if the key is empty or reserved by CLS
         */
        public Builder field(String key, String value) {
            checkKey(key);
            if (value == null) { // not requireNonNull(value, supplier): that captures a lambda on every call
                throw new NullPointerException("value of field '" + key + "' must not be null");
            }
            int slot = 2 * size;
            if (shared || slot + 2 > slots.length) {
                int length = slot + 2 > slots.length ? Math.max(2 * slots.length, slot + 2) : slots.length;
                slots = Arrays.copyOf(slots, length);
                shared = false;
            }
            slots[slot] = key;
            slots[slot + 1] = value;
            size++;
            return this;
        }

        /** Removes all fields and resets the time to "time of build". */
        public Builder clear() {
            if (shared) {
                slots = new String[slots.length];
                shared = false;
            } else {
                Arrays.fill(slots, 0, 2 * size, null);
            }
            size = 0;
            timeMs = Long.MIN_VALUE;
            return this;
        }

        /** Builds the record. */
        public LogRecord build() {
            long time = timeMs == Long.MIN_VALUE ? System.currentTimeMillis() : timeMs;
            shared = true;
            return new LogRecord(time, slots, size);
        }

        private static void checkKey(String key) {
            Objects.requireNonNull(key, "field key must not be null");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("field key must not be empty");
            }
            if (Limits.isReservedKey(key)) {
                throw new IllegalArgumentException("field key '" + key + "' is reserved by CLS for metadata (reserved: "
                        + String.join(", ", Limits.RESERVED_KEYS) + ")");
            }
        }
    }
}
