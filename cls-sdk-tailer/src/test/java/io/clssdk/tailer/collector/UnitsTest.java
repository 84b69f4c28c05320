package io.clssdk.tailer.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsWithAUnitOrInIso8601() {
        assertEquals(Duration.ofMillis(500), Units.duration("500ms"));
        assertEquals(Duration.ofSeconds(20), Units.duration(" 20s "));
        assertEquals(Duration.ofMinutes(5), Units.duration("5m"));
        assertEquals(Duration.ofHours(1), Units.duration("1H"));
        assertEquals(Duration.ofDays(2), Units.duration("2d"));
        assertEquals(Duration.ofSeconds(20), Units.duration("PT20S"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.duration("20"));
        assertTrue(e.getMessage().contains("'20' is not a duration"), e.getMessage());
    }

    @Test
    void sizesInBytesOrBinaryUnits() {
        assertEquals(1048576, Units.bytes("1048576"));
        assertEquals(512 * 1024, Units.bytes("512KiB"));
        assertEquals(64L << 20, Units.bytes("64 MiB"));
        assertEquals(1L << 30, Units.bytes("1gb"));
        assertThrows(IllegalArgumentException.class, () -> Units.bytes("lots"));
        assertThrows(IllegalArgumentException.class, () -> Units.bytes("9223372036854775807GiB"));
    }

    @Test
    void bytesAreFormattedForStatusLines() {
        assertEquals("512 B", Units.formatBytes(512));
        assertEquals("1.5 KiB", Units.formatBytes(1536));
        assertEquals("64.0 MiB", Units.formatBytes(64L << 20));
    }
}
