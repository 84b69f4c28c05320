package io.clssdk.core.api;

import io.clssdk.core.internal.api.LogJson;
import java.util.Map;

/**
 * One log returned by {@code SearchLog} ({@code LogInfo}): its metadata and its fields, parsed from {@code LogJson}.
 * Immutable.
 */
public final class LogEntry extends ModelValue {
    private final long timeMs;
    private final String topicId;
    private final String topicName;
    private final String source;
    private final String fileName;
    private final String pkgId;
    private final String pkgLogId;
    private final String hostName;
    private final String rawLog;
    private final String logJson;
    private final Map<String, String> fields;

    private LogEntry(Builder b) {
        timeMs = b.timeMs;
        topicId = b.topicId;
        topicName = b.topicName;
        source = b.source;
        fileName = b.fileName;
        pkgId = b.pkgId;
        pkgLogId = b.pkgLogId;
        hostName = b.hostName;
        rawLog = b.rawLog;
        logJson = b.logJson;
        fields = LogJson.fields(logJson);
    }

    /** A builder (mostly for tests and fakes; the client builds these from responses). */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code Time}: the log time, Unix milliseconds. */
    public long timeMs() {
        return timeMs;
    }

    /** {@code TopicId}. */
    public String topicId() {
        return topicId;
    }

    /** {@code TopicName}. */
    public String topicName() {
        return topicName;
    }

    /** {@code Source}: the IP address the log came from. */
    public String source() {
        return source;
    }

    /** {@code FileName}: the collected file, or null for logs uploaded without one. */
    public String fileName() {
        return fileName;
    }

    /** {@code PkgId}: the id of the upload request that carried the log. */
    public String pkgId() {
        return pkgId;
    }

    /** {@code PkgLogId}: the log's position inside that request. */
    public String pkgLogId() {
        return pkgLogId;
    }

    /** {@code HostName}, or null. */
    public String hostName() {
        return hostName;
    }

    /** {@code RawLog}: the raw log when CLS could not index it, else null. */
    public String rawLog() {
        return rawLog;
    }

    /** {@code LogJson}: the fields as CLS sent them (a JSON object text), or null. */
    public String logJson() {
        return logJson;
    }

    /**
     * The fields of {@link #logJson()} in order: string values as they are, other values (numbers, objects) as JSON
     * text. Empty when there is no {@code LogJson} or it is not a JSON object.
     */
    public Map<String, String> fields() {
        return fields;
    }

    /** One field's value, or null. */
    public String field(String key) {
        return fields.get(key);
    }

    @Override
    public String toString() {
        return "LogEntry{time=" + timeMs + ", source=" + source + ", fileName=" + fileName + ", fields=" + fields + '}';
    }

    @Override
    Object[] state() {
        return new Object[] {timeMs, topicId, topicName, source, fileName, pkgId, pkgLogId, hostName, rawLog, logJson};
    }

    /** Builds a {@link LogEntry}. */
    public static final class Builder {
        private long timeMs;
        private String topicId;
        private String topicName;
        private String source;
        private String fileName;
        private String pkgId;
        private String pkgLogId;
        private String hostName;
        private String rawLog;
        private String logJson;

        private Builder() {}

        /** {@code Time} in Unix milliseconds. */
        public Builder timeMs(long timeMs) {
            this.timeMs = timeMs;
            return this;
        }

        /** {@code TopicId}. */
        public Builder topicId(String topicId) {
            this.topicId = topicId;
            return this;
        }

        /** {@code TopicName}. */
        public Builder topicName(String topicName) {
            this.topicName = topicName;
            return this;
        }

        /** {@code Source}. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** {@code FileName}. */
        public Builder fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        /** {@code PkgId}. */
        public Builder pkgId(String pkgId) {
            this.pkgId = pkgId;
            return this;
        }

        /** {@code PkgLogId}. */
        public Builder pkgLogId(String pkgLogId) {
            this.pkgLogId = pkgLogId;
            return this;
        }

        /** {@code HostName}. */
        public Builder hostName(String hostName) {
            this.hostName = hostName;
            return this;
        }

        /** {@code RawLog}. */
        public Builder rawLog(String rawLog) {
            this.rawLog = rawLog;
            return this;
        }

        /** {@code LogJson}: a JSON object text; {@link LogEntry#fields()} is parsed from it. */
        public Builder logJson(String logJson) {
            this.logJson = logJson;
            return this;
        }

        /** Builds the entry. */
        public LogEntry build() {
            return new LogEntry(this);
        }
    }
}
