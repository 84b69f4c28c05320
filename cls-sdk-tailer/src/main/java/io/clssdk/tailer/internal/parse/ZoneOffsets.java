package io.clssdk.tailer.internal.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * UTC offsets of one zone with a one-minute cache, so that consecutive logs (whose times are close) do not consult
 * the zone rules each time. Transitions happen on whole minutes, so a minute has one offset. Per pipeline: not
 * thread-safe.
 */
final class ZoneOffsets {
    private final ZoneRules rules;
    private final boolean fixed;
    private long localMinute = Long.MIN_VALUE;
    private int localOffset;
    private long utcMinute = Long.MIN_VALUE;
    private int utcOffset;

    ZoneOffsets(ZoneId zone) {
        rules = zone.getRules();
        fixed = rules.isFixedOffset();
        if (fixed) {
            localOffset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
            utcOffset = localOffset;
        }
    }

    /** The offset in seconds in force at a local date-time (given as seconds since 1970-01-01T00:00 local). */
    int ofLocal(long localEpochSecond) {
        if (fixed) {
            return localOffset;
        }
        long minute = Math.floorDiv(localEpochSecond, 60);
        if (minute != localMinute) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
            localOffset = rules.getOffset(local).getTotalSeconds();
            localMinute = minute;
        }
        return localOffset;
    }

    /** The offset in seconds in force at an instant. */
    int ofInstant(long epochSecond) {
        if (fixed) {
            return utcOffset;
        }
        long minute = Math.floorDiv(epochSecond, 60);
        if (minute != utcMinute) {
            utcOffset = rules.getOffset(Instant.ofEpochSecond(minute * 60)).getTotalSeconds();
            utcMinute = minute;
        }
        return utcOffset;
    }
}
