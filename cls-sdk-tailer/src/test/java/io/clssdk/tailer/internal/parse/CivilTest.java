package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CivilTest {
    @Test
    void agreesWithJavaTimeOverTenThousandYears() {
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            LocalDate d = LocalDate.ofEpochDay(random.nextInt(3_650_000) - 1_825_000);
            assertEquals(
                    d.toEpochDay(), Civil.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d::toString);
            assertEquals(d.getYear(), Civil.year(d.toEpochDay()), d::toString);
        }
        for (int y = 1896; y <= 2104; y++) {
            for (int m = 1; m <= 12; m++) {
                assertEquals(YearMonth.of(y, m).lengthOfMonth(), Civil.daysInMonth(y, m), y + "-" + m);
            }
        }
    }
}
