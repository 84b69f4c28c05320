package io.clssdk.tailer.internal.parse;

import java.nio.charset.StandardCharsets;

/**
 * Parses a log time with a {@link TimeFormat} from a field's UTF-8 bytes into epoch milliseconds, allocating nothing.
 *
 * <p>Fields the format lacks are filled in: a missing fraction gives 0 ms; without {@code %z} the local time is read
 * in the pipeline's zone; without a year the collection year is used, and a result more than a day after the
 * collection time is moved one year back (a December log read in January); a format with neither year nor date
 * ({@code %H:%M:%S}) takes the collection date, moved one day back when the result would lie more than an hour after
 * the collection time; a format with a year but no date means 1 January. {@code %s} and {@code %F} give the time
 * directly ({@code %s} plus {@code %f} if present) and ignore every other field. Per pipeline: not thread-safe.
 */
final class TimeParser {
    /** Returned when the value does not match the format. */
    static final long FAILED = Long.MIN_VALUE;

    private static final long DAY_MS = 86_400_000L;
    private static final byte[][] MONTHS = names(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");
    private static final byte[][] WEEKDAYS =
            names("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");

    private final TimeFormat format;
    private final ZoneOffsets zone;
    private byte[] b;
    private int p;
    private int end;
    private int year;
    private int year2;
    private int century;
    private int month;
    private int day;
    private int dayOfYear;
    private int hour;
    private int hour12;
    private int minute;
    private int second;
    private int millis;
    private int pm;
    private int offsetSeconds;
    private long epochSeconds;
    private long epochMillis;

    TimeParser(TimeFormat format, ZoneOffsets zone) {
        this.format = format;
        this.zone = zone;
    }

    /** The time in epoch milliseconds, or {@link #FAILED}. */
    long parse(byte[] bytes, int off, int len, long collectTimeMs) {
        b = bytes;
        p = off;
        end = off + len;
        year = year2 = century = month = day = dayOfYear = hour = hour12 = minute = second = millis = pm = -1;
        offsetSeconds = Integer.MIN_VALUE;
        epochSeconds = epochMillis = -1;
        try {
            for (int i = 0; i < format.stepCount(); i++) {
                if (!step(format.op(i), i)) {
                    return FAILED;
                }
            }
        } finally {
            b = null;
        }
        if (epochMillis >= 0) {
            return epochMillis;
        }
        if (epochSeconds >= 0) {
            return epochSeconds * 1000 + Math.max(millis, 0);
        }
        return resolve(collectTimeMs);
    }

    private boolean step(int op, int i) {
        switch (op) {
            case TimeFormat.LITERAL:
                return literal(format.literal(i));
            case TimeFormat.SPACE:
                while (p < end && isSpace(b[p])) {
                    p++;
                }
                return true;
            case TimeFormat.WEEKDAY_NAME:
                return name(WEEKDAYS) >= 0;
            case TimeFormat.MONTH_NAME:
                return (month = name(MONTHS) + 1) > 0;
            case TimeFormat.DAY:
                return (day = number(2)) >= 1 && day <= 31;
            case TimeFormat.HOUR:
                return (hour = number(2)) >= 0 && hour <= 23;
            case TimeFormat.HOUR12:
                return (hour12 = number(2)) >= 1 && hour12 <= 12;
            case TimeFormat.MONTH:
                return (month = number(2)) >= 1 && month <= 12;
            case TimeFormat.MINUTE:
                return (minute = number(2)) >= 0 && minute <= 59;
            case TimeFormat.SECOND:
                return (second = number(2)) >= 0 && second <= 60;
            case TimeFormat.AM_PM:
                return amPm();
            case TimeFormat.FRACTION:
                return fraction();
            case TimeFormat.YEAR2:
                return (year2 = number(2)) >= 0;
            case TimeFormat.YEAR:
                return (year = number(4)) >= 0;
            case TimeFormat.CENTURY:
                return (century = number(2)) >= 0;
            case TimeFormat.DAY_OF_YEAR:
                return (dayOfYear = number(3)) >= 1 && dayOfYear <= 366;
            case TimeFormat.WEEKDAY_1_7:
                int u = number(1);
                return u >= 1 && u <= 7;
            case TimeFormat.WEEKDAY_0_6:
                int w = number(1);
                return w >= 0 && w <= 6;
            case TimeFormat.WEEK:
                int week = number(2);
                return week >= 0 && week <= 53;
            case TimeFormat.EPOCH_SECONDS:
                return (epochSeconds = longNumber(10)) >= 0;
            case TimeFormat.EPOCH_MILLIS:
                return (epochMillis = longNumber(13)) >= 0;
            case TimeFormat.ZONE:
                return zone();
            default:
                throw new IllegalStateException("step " + op);
        }
    }

    private long resolve(long collectTimeMs) {
        boolean yearGiven = year >= 0 || year2 >= 0 || century >= 0;
        boolean dateGiven = month > 0 || day > 0 || dayOfYear > 0;
        int y;
        if (year >= 0) {
            y = year;
        } else if (year2 >= 0) {
            y = century >= 0 ? century * 100 + year2 : year2 < 69 ? 2000 + year2 : 1900 + year2;
        } else if (century >= 0) {
            y = century * 100;
        } else {
            y = civilYear(collectionDay(collectTimeMs));
        }
        long epochDay;
        if (dateGiven || yearGiven) {
            epochDay = epochDay(y);
        } else {
            epochDay = collectionDay(collectTimeMs);
        }
        if (epochDay == Long.MIN_VALUE) {
            return FAILED;
        }
        long ms = toMillis(epochDay);
        if (!yearGiven && dateGiven && ms - collectTimeMs > DAY_MS) {
            epochDay = epochDay(y - 1);
            ms = epochDay == Long.MIN_VALUE ? FAILED : toMillis(epochDay);
        } else if (!yearGiven && !dateGiven && ms - collectTimeMs > DAY_MS / 24) {
            ms = toMillis(epochDay - 1);
        }
        return ms;
    }

    /** The epoch day of the parsed month/day (or day of year) in year {@code y}, or Long.MIN_VALUE if invalid. */
    private long epochDay(int y) {
        if (month < 0 && day < 0 && dayOfYear > 0) {
            if (dayOfYear > (isLeap(y) ? 366 : 365)) {
                return Long.MIN_VALUE;
            }
            return Civil.epochDay(y, 1, 1) + dayOfYear - 1;
        }
        int m = month > 0 ? month : 1;
        int d = day > 0 ? day : 1;
        if (d > Civil.daysInMonth(y, m)) {
            return Long.MIN_VALUE;
        }
        return Civil.epochDay(y, m, d);
    }

    private long toMillis(long epochDay) {
        int h = hour12 >= 0 ? hour12 % 12 + (pm == 1 ? 12 : 0) : Math.max(hour, 0);
        long local = epochDay * 86_400 + h * 3600L + Math.max(minute, 0) * 60L + Math.max(second, 0);
        int offset = offsetSeconds != Integer.MIN_VALUE ? offsetSeconds : zone.ofLocal(local);
        return (local - offset) * 1000 + Math.max(millis, 0);
    }

    private long collectionDay(long collectTimeMs) {
        long s = Math.floorDiv(collectTimeMs, 1000);
        return Math.floorDiv(s + zone.ofInstant(s), 86_400);
    }

    private static int civilYear(long epochDay) {
        return Civil.year(epochDay);
    }

    private static boolean isLeap(int y) {
        return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    private boolean literal(byte[] lit) {
        if (end - p < lit.length) {
            return false;
        }
        for (int j = 0; j < lit.length; j++) {
            if (b[p + j] != lit[j]) {
                return false;
            }
        }
        p += lit.length;
        return true;
    }

    /** Up to {@code maxDigits} digits after optional spaces; -1 when there is no digit. */
    private int number(int maxDigits) {
        long v = longNumber(maxDigits);
        return (int) v;
    }

    private long longNumber(int maxDigits) {
        while (p < end && b[p] == ' ') {
            p++;
        }
        int start = p;
        long v = 0;
        while (p < end && p - start < maxDigits && isDigit(b[p])) {
            v = v * 10 + (b[p++] - '0');
        }
        return p == start ? -1 : v;
    }

    private boolean fraction() {
        int start = p;
        int ms = 0;
        while (p < end && isDigit(b[p])) {
            if (p - start < 3) {
                ms = ms * 10 + (b[p] - '0');
            }
            p++;
        }
        int digits = p - start;
        if (digits == 0) {
            return false;
        }
        for (int k = digits; k < 3; k++) {
            ms *= 10;
        }
        millis = ms;
        return true;
    }

    private boolean amPm() {
        if (end - p < 2 || (b[p + 1] | 0x20) != 'm') {
            return false;
        }
        int c = b[p] | 0x20;
        if (c != 'a' && c != 'p') {
            return false;
        }
        pm = c == 'p' ? 1 : 0;
        p += 2;
        return true;
    }

    /** Index of the full or three-letter name found at the position (any case), or -1. */
    private int name(byte[][] names) {
        for (int k = 0; k < names.length; k++) {
            if (prefix(names[k], names[k].length)) {
                return k;
            }
        }
        for (int k = 0; k < names.length; k++) {
            if (prefix(names[k], 3)) {
                return k;
            }
        }
        return -1;
    }

    private boolean prefix(byte[] lowerName, int n) {
        if (end - p < n) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if ((b[p + j] | 0x20) != lowerName[j]) {
                return false;
            }
        }
        p += n;
        return true;
    }

    private boolean zone() {
        while (p < end && isSpace(b[p])) {
            p++;
        }
        if (p >= end) {
            return false;
        }
        if (b[p] == '+' || b[p] == '-') {
            return numericOffset(false);
        }
        int start = p;
        while (p < end && p - start <= ZoneNames.MAX_LENGTH && isLetter(b[p])) {
            p++;
        }
        int len = p - start;
        if (ZoneNames.isUniversal(b, start, len) && p < end && (b[p] == '+' || b[p] == '-')) {
            return numericOffset(true);
        }
        offsetSeconds = ZoneNames.offsetSeconds(b, start, len);
        return offsetSeconds != Integer.MIN_VALUE;
    }

    /** {@code ±hh}, {@code ±hhmm} or {@code ±hh:mm} ({@code ±h} too after UTC/GMT) at the position. */
    private boolean numericOffset(boolean shortHourAllowed) {
        int sign = b[p++] == '-' ? -1 : 1;
        int start = p;
        int h = digits(2);
        if (h < 0 || (p - start < 2 && !shortHourAllowed) || h > 18) {
            return false;
        }
        int m = 0;
        if (p - start == 2) {
            int save = p;
            if (p < end && b[p] == ':') {
                p++;
            }
            int mStart = p;
            m = digits(2);
            if (m < 0) {
                m = 0;
                p = save;
            } else if (p - mStart != 2 || m > 59) {
                return false;
            }
        }
        offsetSeconds = sign * (h * 3600 + m * 60);
        return true;
    }

    private int digits(int max) {
        int start = p;
        int v = 0;
        while (p < end && p - start < max && isDigit(b[p])) {
            v = v * 10 + (b[p++] - '0');
        }
        return p == start ? -1 : v;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(byte c) {
        int l = c | 0x20;
        return l >= 'a' && l <= 'z';
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static byte[][] names(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
