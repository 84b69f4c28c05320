package io.clssdk.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a collection configuration parses each log ({@code LogType} on the wire): one of the constants, or any other
 * value CLS may introduce later, kept verbatim by {@link #of(String)}.
 *
 * <p>Immutable; compare with {@link #equals(Object)} (two instances with the same {@link #value()} are equal).
 */
public final class LogType extends WireValue {
    /** One log per line, stored whole under {@code __CONTENT__} (the API default). */
    public static final LogType MINIMALIST_LOG = new LogType("minimalist_log", true);
    /** Each line is a JSON object whose first-level keys become fields. */
    public static final LogType JSON_LOG = new LogType("json_log", true);
    /** Each line is split by {@code Delimiter}; {@code Keys} name the parts. */
    public static final LogType DELIMITER_LOG = new LogType("delimiter_log", true);
    /** Each line must match {@code LogRegex}; capture groups become the {@code Keys}. */
    public static final LogType FULLREGEX_LOG = new LogType("fullregex_log", true);
    /** A line matching {@code BeginRegex} starts a new multi-line log, stored under {@code __CONTENT__}. */
    public static final LogType MULTILINE_LOG = new LogType("multiline_log", true);
    /** Multi-line logs split by {@code BeginRegex}, then parsed with {@code LogRegex}. */
    public static final LogType MULTILINE_FULLREGEX_LOG = new LogType("multiline_fullregex_log", true);
    /** Combined parsing described by {@code UserDefineRule}. */
    public static final LogType USER_DEFINE_LOG = new LogType("user_define_log", true);
    /** Syslog received over the network (not file collection). */
    public static final LogType SERVICE_SYSLOG = new LogType("service_syslog", true);
    /** Windows event log (not file collection). */
    public static final LogType WINDOWS_EVENT_LOG = new LogType("windows_event_log", true);
    /** systemd journal (not file collection). */
    public static final LogType JOURNAL_LOG = new LogType("journal_log", true);

    private static final Map<String, LogType> KNOWN = index(
            MINIMALIST_LOG,
            JSON_LOG,
            DELIMITER_LOG,
            FULLREGEX_LOG,
            MULTILINE_LOG,
            MULTILINE_FULLREGEX_LOG,
            USER_DEFINE_LOG,
            SERVICE_SYSLOG,
            WINDOWS_EVENT_LOG,
            JOURNAL_LOG);

    private LogType(String value, boolean known) {
        super(value, known);
    }

    /**
     * The constant with this wire value, or a new instance carrying an unknown value unchanged.
     *
     * @throws IllegalArgumentException if {@code value} is null or empty
     */
    public static LogType of(String value) {
        requireValue(value, "LogType");
        LogType known = KNOWN.get(value);
        return known != null ? known : new LogType(value, false);
    }

    /** Every value this SDK knows, in declaration order. */
    public static List<LogType> knownValues() {
        return Collections.unmodifiableList(new ArrayList<>(KNOWN.values()));
    }

    /** True for the modes that read files (every known mode except syslog, Windows events and journal). */
    public boolean isFileBased() {
        return isKnown() && this != SERVICE_SYSLOG && this != WINDOWS_EVENT_LOG && this != JOURNAL_LOG;
    }

    private static Map<String, LogType> index(LogType... types) {
        Map<String, LogType> map = new LinkedHashMap<>();
        for (LogType t : types) {
            map.put(t.value(), t);
        }
        return Collections.unmodifiableMap(map);
    }
}
