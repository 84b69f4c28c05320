package io.clssdk.producer.appender;

import io.clssdk.core.LogRecord;
import java.util.List;
import java.util.Set;

/**
 * How an event becomes a {@link LogRecord}, the same for both frameworks: the record's time is the event's time (ms),
 * then the fields {@value #LEVEL}, {@value #LOGGER}, {@value #THREAD}, {@value #MESSAGE}, {@value #THROWABLE} (when
 * there is one), {@value #LOCATION} (when asked for), {@value #MARKERS} (when there are any), the MDC / ThreadContext
 * entries (all, or the listed keys) and the static fields. Immutable and thread-safe.
 */
final class RecordLayout {
    static final String LEVEL = "level";
    static final String LOGGER = "logger";
    static final String THREAD = "thread";
    static final String MESSAGE = "message";
    static final String THROWABLE = "throwable";
    static final String LOCATION = "location";
    static final String MARKERS = "markers";

    private final Set<String> mdcKeys;
    private final boolean includeLocation;
    private final String[][] staticFields;

    /** {@code mdcKeys} null means every key. */
    RecordLayout(Set<String> mdcKeys, boolean includeLocation, List<String[]> staticFields) {
        this.mdcKeys = mdcKeys;
        this.includeLocation = includeLocation;
        this.staticFields = staticFields.toArray(new String[0][]);
    }

    boolean includeLocation() {
        return includeLocation;
    }

    /** Whether any MDC key is wanted at all. */
    boolean includesMdc() {
        return mdcKeys == null || !mdcKeys.isEmpty();
    }

    LogRecord.Builder start(long timeMs, String level, String logger, String thread, String message) {
        LogRecord.Builder record = LogRecord.builder().timeMs(Math.max(0, timeMs));
        RecordFields.add(record, LEVEL, level);
        RecordFields.add(record, LOGGER, logger);
        RecordFields.add(record, THREAD, thread);
        RecordFields.add(record, MESSAGE, message == null ? "" : message);
        return record;
    }

    /** Adds an MDC entry if its key is wanted. */
    void mdc(LogRecord.Builder record, String key, Object value) {
        if (value != null && (mdcKeys == null || mdcKeys.contains(key))) {
            RecordFields.add(record, key, String.valueOf(value));
        }
    }

    LogRecord finish(LogRecord.Builder record) {
        for (String[] field : staticFields) {
            record.field(field[0], field[1]);
        }
        return record.build();
    }
}
