package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.LogType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeParserTest {
    /** Collection time of every case: 2024-03-15T12:00:00Z, i.e. 20:00 in the UTC+8 default zone of these tests. */
    private static final long NOW = Instant.parse("2024-03-15T12:00:00Z").toEpochMilli();

    /** Format, input, expected instant (or null for a failure); zone UTC+8 when the input has none. */
    private static final String[][] CASES = {
        // the documented examples
        {"%Y-%m-%d %H:%M:%S.%f", "2018-07-16 13:12:57.123", "2018-07-16T05:12:57.123Z"},
        {"[%Y-%m-%d %H:%M:%S.%f]", "[2018-07-16 13:12:57.012]", "2018-07-16T05:12:57.012Z"},
        {"%d/%b/%Y %H:%M:%S", "06/Aug/2019 12:12:19 +0800", "2019-08-06T04:12:19Z"},
        {"%A, %d-%b-%y %H:%M:%S", "Monday, 02-Oct-19 16:07:05 MST", "2019-10-02T08:07:05Z"},
        {"%s", "1571394459", "2019-10-18T10:27:39Z"},
        {"%F", "1571394459123", "2019-10-18T10:27:39.123Z"},
        {"%d/%b/%Y %H:%M:%S %z", "06/Aug/2019 12:12:19 +0800", "2019-08-06T04:12:19Z"},
        {"%A, %d-%b-%y %H:%M:%S %z", "Monday, 02-Oct-19 16:07:05 MST", "2019-10-02T23:07:05Z"},
        {"%d/%b/%Y:%H:%M:%S", "10/Dec/2017:08:00:00", "2017-12-10T00:00:00Z"},
        {"%m/%d/%Y, %H:%M:%S", "12/10/2017, 08:00:00", "2017-12-10T00:00:00Z"},
        // each specifier
        {"%a %B %e %I:%M:%S %p %Y", "Fri January  5 01:02:03 PM 2024", "2024-01-05T05:02:03Z"},
        {"%A %h %d %I:%M:%S %p %Y", "friday JAN 05 12:02:03 am 2024", "2024-01-04T16:02:03Z"},
        {"%Y-%m-%d %r", "2024-01-05 12:30:00 PM", "2024-01-05T04:30:00Z"},
        {"%Y-%m-%d %R", "2024-01-05 23:59", "2024-01-05T15:59:00Z"},
        {"%H%n%M%t%S", "10\n20\t30", "2024-03-15T02:20:30Z"},
        {"%H:%M:%S", "10:20:30", "2024-03-15T02:20:30Z"},
        {"%R", "23:59", "2024-03-14T15:59:00Z"}, // later than now today: yesterday
        {"%C%y-%j", "2024-060", "2024-02-28T16:00:00Z"},
        {"%y-%m-%d", "69-01-01", "1968-12-31T16:00:00Z"},
        {"%y-%m-%d", "68-01-01", "2067-12-31T16:00:00Z"},
        {"%C", "19", "1899-12-31T16:00:00Z"},
        {"%u %w %U %W %Y-%m-%d", "5 5 00 01 2024-01-05", "2024-01-04T16:00:00Z"},
        {"%Y%m%d%H%M%S", "20240105010203", "2024-01-04T17:02:03Z"},
        {"%Y%%%m", "2024%03", "2024-02-29T16:00:00Z"},
        {"%Y", "2024", "2023-12-31T16:00:00Z"},
        {"%Y年%m月%d日 %H时", "2024年03月15日 08时", "2024-03-15T00:00:00Z"},
        {"%b %d %H:%M:%S", "Mar 15 19:00:00", "2024-03-15T11:00:00Z"},
        {"%b %d %H:%M:%S", "Dec 31 23:59:59", "2023-12-31T15:59:59Z"}, // no year: last December
        {"%S.%f", "07.5", "2024-03-14T16:00:07.500Z"},
        {"%S.%f", "07.123456789", "2024-03-14T16:00:07.123Z"},
        {"%s.%f", "1571394459.5", "2019-10-18T10:27:39.500Z"},
        {"%s", "1571394459123", "2019-10-18T10:27:39Z"}, // at most 10 digits: the rest is ignored
        {"%S", "60", "2024-03-14T16:01:00Z"},
        // zones
        {"%Y-%m-%d %H:%M %z", "2024-03-15 10:00 UTC", "2024-03-15T10:00:00Z"},
        {"%Y-%m-%d %H:%M %z", "2024-03-15 10:00 utc", "2024-03-15T10:00:00Z"},
        {"%Y-%m-%d %H:%M %z", "2024-03-15 10:00 GMT", "2024-03-15T10:00:00Z"},
        {"%Y-%m-%d %H:%M %z", "2024-03-15 10:00 Z", "2024-03-15T10:00:00Z"},
        {"%Y-%m-%d %H:%M%z", "2024-03-15 10:00+08", "2024-03-15T02:00:00Z"},
        {"%Y-%m-%d %H:%M%z", "2024-03-15 10:00-0700", "2024-03-15T17:00:00Z"},
        {"%Y-%m-%d %H:%M%z", "2024-03-15 10:00+05:30", "2024-03-15T04:30:00Z"},
        {"%Y-%m-%d %H:%M %z", "2024-03-15 10:00 GMT+8", "2024-03-15T02:00:00Z"},
        {"%Y-%m-%d %H:%M %z", "2024-03-15 10:00 UTC-03:00", "2024-03-15T13:00:00Z"},
        {"%Y-%m-%d %H:%M %z", "2024-03-15 10:00 EST", "2024-03-15T15:00:00Z"},
        {"%Y-%m-%d %H:%M %z", "2024-03-15 10:00 CEST", "2024-03-15T08:00:00Z"},
        // failures
        {"%Y-%m-%d", "2024-02-30", null},
        {"%Y-%m-%d", "2023-02-29", null},
        {"%Y-%m-%d", "2024-13-01", null},
        {"%Y-%m-%d", "2024-00-01", null},
        {"%H:%M", "24:00", null},
        {"%I", "13", null},
        {"%M", "60", null},
        {"%j", "367", null},
        {"%Y-%j", "2023-366", null},
        {"%Y-%m-%d", "2024/01/01", null},
        {"%Y-%m-%d", "", null},
        {"%b", "Foo", null},
        {"%p", "XM", null},
        {"%s", "abc", null},
        {"%F", "", null},
        {"%S.%f", "07.", null},
        {"%H %z", "10 XYZ", null},
        {"%H %z", "10 +8", null},
        {"%H %z", "10 +0860", null},
        {"%H %z", "10 +19", null},
        {"%H %z", "10 ", null},
        {"literal", "literax", null},
    };

    @Test
    void everySpecifierOfTheTable() {
        for (String[] c : CASES) {
            TimeParser parser = new TimeParser(TimeFormat.compile(c[0]), new ZoneOffsets(ZoneOffset.ofHours(8)));
            byte[] b = c[1].getBytes(StandardCharsets.UTF_8);
            long got = parser.parse(b, 0, b.length, NOW);
            if (c[2] == null) {
                assertEquals(TimeParser.FAILED, got, c[0] + " on " + c[1] + " gave " + Instant.ofEpochMilli(got));
            } else {
                assertEquals(Instant.parse(c[2]), Instant.ofEpochMilli(got), c[0] + " on " + c[1]);
            }
        }
    }

    @Test
    void followsDaylightSavingTimeOfARegionZone() {
        TimeParser parser =
                new TimeParser(TimeFormat.compile("%Y-%m-%d %H:%M:%S"), new ZoneOffsets(ZoneId.of("America/New_York")));
        String[][] cases = {
            {"2024-03-10 01:30:00", "2024-03-10T06:30:00Z"},
            {"2024-03-10 03:30:00", "2024-03-10T07:30:00Z"},
            {"2024-07-01 12:00:00", "2024-07-01T16:00:00Z"},
            {"2024-07-01 12:00:30", "2024-07-01T16:00:30Z"},
            {"2024-11-15 12:00:00", "2024-11-15T17:00:00Z"},
        };
        for (String[] c : cases) {
            byte[] b = c[0].getBytes(StandardCharsets.UTF_8);
            assertEquals(Instant.parse(c[1]), Instant.ofEpochMilli(parser.parse(b, 0, b.length, NOW)), c[0]);
        }
    }

    @Test
    void rejectsUnsupportedFormatsNamingTheField() {
        for (String bad : new String[] {"%Q", "%Y-%", "%E", "%Y %T", ""}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> TimeFormat.compile(bad), bad);
            assertTrue(e.getMessage().contains("ExtractRule.TimeFormat"), e.getMessage());
            assertTrue(e.getMessage().contains("%Y-%m-%d %H:%M:%S.%f"), e.getMessage());
        }
    }

    @Test
    void aTimeThatDoesNotParseOrAMissingTimeKeyFallsBackToTheCollectionTime() {
        LinePipeline p =
                Configs.pipeline(LogType.JSON_LOG, Configs.rule().timeKey("t").timeFormat("%Y-%m-%d %H:%M:%S"));
        RecordingOutput out = new RecordingOutput()
                .feed(p, NOW, "{\"t\":\"2024-01-05 10:00:00\"}", "{\"t\":\"yesterday\"}", "{\"x\":1}");
        assertEquals(Instant.parse("2024-01-05T02:00:00Z").toEpochMilli(), out.logs.get(0).timeMs);
        assertEquals(NOW, out.logs.get(1).timeMs);
        assertEquals(NOW, out.logs.get(2).timeMs);
    }
}
