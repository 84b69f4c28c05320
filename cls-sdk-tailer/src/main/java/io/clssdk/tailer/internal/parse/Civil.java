package io.clssdk.tailer.internal.parse;

/** Proleptic Gregorian calendar arithmetic on epoch days (days since 1970-01-01), without allocation. */
final class Civil {
    private Civil() {}

    /** Days from 1970-01-01 to {@code y-m-d}. */
    static long epochDay(int y, int m, int d) {
        long yy = m <= 2 ? y - 1L : y;
        long era = Math.floorDiv(yy, 400);
        long yoe = yy - era * 400;
        long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** The year of an epoch day. */
    static int year(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
    }

    static int daysInMonth(int y, int m) {
        switch (m) {
            case 2:
                return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }
}
