package io.clssdk.tailer.internal.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code TimeFormat}: the strftime-style specifiers LogListener documents, turned into a list of steps
 * that {@link TimeParser} runs over a field's bytes. Immutable and shared by the pipelines of a configuration.
 *
 * <p>Specifiers: {@code %a %A} weekday name, {@code %b %B %h} month name (full or abbreviated, any case), {@code %d
 * %e} day, {@code %H} hour, {@code %I} 12-hour hour, {@code %m} month, {@code %M} minute, {@code %S} second, {@code
 * %p} AM/PM, {@code %r} = {@code %I:%M:%S %p}, {@code %R} = {@code %H:%M}, {@code %f} fraction of a second (its first
 * three digits give the milliseconds), {@code %y} two-digit year (69–99 → 19xx, 00–68 → 20xx, or with {@code %C}),
 * {@code %Y} year, {@code %C} century, {@code %j} day of the year, {@code %u %w} weekday number and {@code %U %W}
 * week number (read, not used: the date comes from the other fields), {@code %s} epoch seconds (at most 10 digits),
 * {@code %F} epoch milliseconds (at most 13 digits; CLS meaning, not C's {@code %F}), {@code %z} zone ({@code +0800},
 * {@code +08:00}, {@code +08}, {@code Z}, {@code UTC}, {@code GMT}, {@code GMT+8}, or an abbreviation such as
 * {@code MST}), {@code %n %t} and any whitespace: zero or more whitespace characters, {@code %%} a percent sign.
 * Other characters must appear as written. Numbers may be preceded by spaces and have at most their usual number of
 * digits, so {@code %Y%m%d} reads {@code 20180716}. Text after the last step is ignored (as strptime does), so
 * {@code %d/%b/%Y %H:%M:%S} reads {@code 06/Aug/2019 12:12:19 +0800} in the configured zone.
 */
final class TimeFormat {
    static final int LITERAL = 0;
    static final int SPACE = 1;
    static final int WEEKDAY_NAME = 2;
    static final int MONTH_NAME = 3;
    static final int DAY = 4;
    static final int HOUR = 5;
    static final int HOUR12 = 6;
    static final int MONTH = 7;
    static final int MINUTE = 8;
    static final int SECOND = 9;
    static final int AM_PM = 10;
    static final int FRACTION = 11;
    static final int YEAR2 = 12;
    static final int YEAR = 13;
    static final int CENTURY = 14;
    static final int DAY_OF_YEAR = 15;
    static final int WEEKDAY_1_7 = 16;
    static final int WEEKDAY_0_6 = 17;
    static final int WEEK = 18;
    static final int EPOCH_SECONDS = 19;
    static final int EPOCH_MILLIS = 20;
    static final int ZONE = 21;

    private static final String SUPPORTED =
            "%a %A %b %B %d %e %f %F %h %H %I %j %m %M %n %p %r %R %s %S %t %u %U %w %W " + "%y %Y %C %z %%";

    private final String text;
    private final int[] ops;
    private final byte[][] literals;
    private final boolean hasYear;
    private final boolean hasDate;

    private TimeFormat(String text, int[] ops, byte[][] literals) {
        this.text = text;
        this.ops = ops;
        this.literals = literals;
        boolean year = false;
        boolean date = false;
        for (int op : ops) {
            year |= op == YEAR || op == YEAR2 || op == CENTURY;
            date |= op == MONTH || op == MONTH_NAME || op == DAY || op == DAY_OF_YEAR;
        }
        this.hasYear = year;
        this.hasDate = date;
    }

    /**
     * Compiles a format.
     *
     * @throws IllegalArgumentException naming {@code ExtractRule.TimeFormat} for an empty format, an unsupported
     *     specifier or a lone {@code %} at the end
     */
    static TimeFormat compile(String format) {
        if (format == null || format.isEmpty()) {
            throw new IllegalArgumentException("ExtractRule.TimeFormat must not be empty, e.g. %Y-%m-%d %H:%M:%S.%f");
        }
        List<Integer> ops = new ArrayList<>();
        List<byte[]> literals = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                if (Character.isWhitespace(c)) {
                    flush(literal, ops, literals);
                    addOp(ops, literals, SPACE);
                } else {
                    literal.append(c);
                }
                continue;
            }
            if (++i == format.length()) {
                throw unsupported(format, "a lone % at the end");
            }
            char spec = format.charAt(i);
            if (spec == '%') {
                literal.append('%');
                continue;
            }
            flush(literal, ops, literals);
            switch (spec) {
                case 'r':
                    addSteps(ops, literals, HOUR12, ':', MINUTE, ':', SECOND, ' ', AM_PM);
                    break;
                case 'R':
                    addSteps(ops, literals, HOUR, ':', MINUTE);
                    break;
                default:
                    int op = opFor(spec);
                    if (op < 0) {
                        throw unsupported(format, "%" + spec + " at position " + (i - 1));
                    }
                    addOp(ops, literals, op);
            }
        }
        flush(literal, ops, literals);
        int[] opArray = new int[ops.size()];
        for (int i = 0; i < opArray.length; i++) {
            opArray[i] = ops.get(i);
        }
        return new TimeFormat(format, opArray, literals.toArray(new byte[0][]));
    }

    private static int opFor(char spec) {
        switch (spec) {
            case 'a':
            case 'A':
                return WEEKDAY_NAME;
            case 'b':
            case 'B':
            case 'h':
                return MONTH_NAME;
            case 'd':
            case 'e':
                return DAY;
            case 'H':
                return HOUR;
            case 'I':
                return HOUR12;
            case 'm':
                return MONTH;
            case 'M':
                return MINUTE;
            case 'S':
                return SECOND;
            case 'p':
                return AM_PM;
            case 'f':
                return FRACTION;
            case 'y':
                return YEAR2;
            case 'Y':
                return YEAR;
            case 'C':
                return CENTURY;
            case 'j':
                return DAY_OF_YEAR;
            case 'u':
                return WEEKDAY_1_7;
            case 'w':
                return WEEKDAY_0_6;
            case 'U':
            case 'W':
                return WEEK;
            case 's':
                return EPOCH_SECONDS;
            case 'F':
                return EPOCH_MILLIS;
            case 'z':
                return ZONE;
            case 'n':
            case 't':
                return SPACE;
            default:
                return -1;
        }
    }

    /** Adds steps given as op codes (Integer) or literal characters (Character). */
    private static void addSteps(List<Integer> ops, List<byte[]> literals, Object... steps) {
        for (Object s : steps) {
            if (s instanceof Character) {
                char c = (Character) s;
                if (c == ' ') {
                    addOp(ops, literals, SPACE);
                } else {
                    ops.add(LITERAL);
                    literals.add(new byte[] {(byte) c});
                }
            } else {
                addOp(ops, literals, (Integer) s);
            }
        }
    }

    private static void addOp(List<Integer> ops, List<byte[]> literals, int op) {
        ops.add(op);
        literals.add(null);
    }

    private static void flush(StringBuilder literal, List<Integer> ops, List<byte[]> literals) {
        if (literal.length() > 0) {
            ops.add(LITERAL);
            literals.add(literal.toString().getBytes(StandardCharsets.UTF_8));
            literal.setLength(0);
        }
    }

    private static IllegalArgumentException unsupported(String format, String what) {
        return new IllegalArgumentException("ExtractRule.TimeFormat \"" + format + "\" has " + what + "; supported: "
                + SUPPORTED + ", e.g. %Y-%m-%d %H:%M:%S.%f");
    }

    int stepCount() {
        return ops.length;
    }

    int op(int i) {
        return ops[i];
    }

    /** The bytes a {@link #LITERAL} step must find. */
    byte[] literal(int i) {
        return literals[i];
    }

    /** Whether the format gives the year ({@code %Y}, {@code %y} or {@code %C}). */
    boolean hasYear() {
        return hasYear;
    }

    /** Whether the format gives a month, a day of the month or a day of the year. */
    boolean hasDate() {
        return hasDate;
    }

    @Override
    public String toString() {
        return text;
    }
}
