package io.clssdk.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Logs that share metadata, sent together as one protobuf {@code LogGroup}.
 *
 * <p>Immutable and thread-safe. Metadata fields are optional; an unset field is omitted on the wire (not sent as an
 * empty string). CLS shows them as {@code __SOURCE__} (usually the machine IP), {@code __FILENAME__},
 * {@code __HOSTNAME__} and {@code __TAG__.<key>}. The context flow ({@code "<contextId>-<groupId>"}, both hexadecimal)
 * lets the CLS console show neighbouring logs of one upload.
 */
public final class LogGroup {
    private final List<LogRecord> records;
    private final String source;
    private final String filename;
    private final String hostname;
    private final String contextFlow;
    private final Map<String, String> tags;

    private LogGroup(Builder b) {
        this.records = Collections.unmodifiableList(new ArrayList<>(b.records));
        this.source = b.source;
        this.filename = b.filename;
        this.hostname = b.hostname;
        this.contextFlow = b.contextFlow;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A group with the given records and no metadata. */
    public static LogGroup of(List<LogRecord> records) {
        return builder().records(records).build();
    }

    /** The records, in upload order. */
    public List<LogRecord> records() {
        return records;
    }

    /** The source (usually an IP address), or null when unset. */
    public String source() {
        return source;
    }

    /** The file name, or null when unset. */
    public String filename() {
        return filename;
    }

    /** The host name, or null when unset. */
    public String hostname() {
        return hostname;
    }

    /** The context flow, or null when unset. */
    public String contextFlow() {
        return contextFlow;
    }

    /** The tags in insertion order (unmodifiable, possibly empty). */
    public Map<String, String> tags() {
        return tags;
    }

    /** Returns a builder initialised with this group's records and metadata. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .records(records)
                .source(source)
                .filename(filename)
                .hostname(hostname)
                .contextFlow(contextFlow);
        b.tags.putAll(tags);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LogGroup)) {
            return false;
        }
        LogGroup g = (LogGroup) o;
        return records.equals(g.records)
                && Objects.equals(source, g.source)
                && Objects.equals(filename, g.filename)
                && Objects.equals(hostname, g.hostname)
                && Objects.equals(contextFlow, g.contextFlow)
                && tags.equals(g.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(records, source, filename, hostname, contextFlow, tags);
    }

    @Override
    public String toString() {
        return "LogGroup{records=" + records.size() + ", source=" + source + ", filename=" + filename + ", hostname="
                + hostname + ", contextFlow=" + contextFlow + ", tags=" + tags + '}';
    }

    /** Builds a {@link LogGroup}. Not thread-safe. */
    public static final class Builder {
        private final List<LogRecord> records = new ArrayList<>();
        private String source;
        private String filename;
        private String hostname;
        private String contextFlow;
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder() {}

        /** Replaces the records. */
        public Builder records(List<LogRecord> records) {
            this.records.clear();
            for (LogRecord r : records) {
                addRecord(r);
            }
            return this;
        }

        /** Appends one record. */
        public Builder addRecord(LogRecord record) {
            records.add(Objects.requireNonNull(record, "record must not be null"));
            return this;
        }

        /** Sets the source, usually the sending machine's IP address; null to omit. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Sets the file name the logs came from; null to omit. */
        public Builder filename(String filename) {
            this.filename = filename;
            return this;
        }

        /** Sets the host name; null to omit. */
        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** Sets the context flow ({@code "<hex contextId>-<hex groupId>"}); null to omit. */
        public Builder contextFlow(String contextFlow) {
            this.contextFlow = contextFlow;
            return this;
        }

        /** Adds a tag, shown by CLS as {@code __TAG__.<key>}; a repeated key replaces the earlier value. */
        public Builder tag(String key, String value) {
            Objects.requireNonNull(key, "tag key must not be null");
            Objects.requireNonNull(value, () -> "value of tag '" + key + "' must not be null");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("tag key must not be empty");
            }
            tags.put(key, value);
            return this;
        }

        /** Adds all tags of the map, in its iteration order. */
        public Builder tags(Map<String, String> tags) {
            tags.forEach(this::tag);
            return this;
        }

        /**
         * Builds the group.
         *
         * @throws IllegalArgumentException if there are no records
         */
        public LogGroup build() {
            if (records.isEmpty()) {
                throw new IllegalArgumentException("a log group needs at least one record");
            }
            return new LogGroup(this);
        }
    }
}
