package io.clssdk.core.internal.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses an HTTP {@code Retry-After} value: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {
    /** Longer hints are capped: a misconfigured proxy must not park a client for days. */
    static final Duration MAX = Duration.ofMinutes(10);

    private RetryAfter() {}

    /** The wait the header asks for, or null when absent or unreadable; capped at 10 minutes, never negative. */
    public static Duration parse(String value, long nowMillis) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        String v = value.trim();
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant()
                        .toEpochMilli();
                d = Duration.ofMillis(at - nowMillis);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
