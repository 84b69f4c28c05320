package io.clssdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogRecordTest {
    @Test
    void keepsFieldOrderAndDuplicates() {
        LogRecord r = LogRecord.builder()
                .timeMs(42)
                .field("b", "1")
                .field("a", "2")
                .field("b", "3")
                .build();
        assertEquals(42, r.timeMs());
        assertEquals(3, r.fieldCount());
        assertEquals("b", r.key(0));
        assertEquals("3", r.value(2));
        assertEquals("a", r.fields().get(1).getKey());
        assertThrows(IndexOutOfBoundsException.class, () -> r.key(3));
    }

    @Test
    void builderReuseDoesNotChangeBuiltRecords() {
        LogRecord.Builder b = LogRecord.builder().timeMs(1);
        for (int i = 0; i < 8; i++) {
            b.field("k" + i, "v" + i);
        }
        LogRecord first = b.build();
        b.field("extra", "x");
        LogRecord second = b.build();
        b.clear().timeMs(1).field("k0", "changed");
        assertEquals(8, first.fieldCount());
        assertEquals(9, second.fieldCount());
        assertEquals("v0", first.value(0));
        assertEquals("v0", second.value(0));
        assertEquals(
                first,
                LogRecord.of(
                        1, "k0", "v0", "k1", "v1", "k2", "v2", "k3", "v3", "k4", "v4", "k5", "v5", "k6", "v6", "k7",
                        "v7"));
        assertNotEquals(first, second);
        assertEquals(first, first.toBuilder().build());
    }

    @Test
    void defaultTimeIsBuildTime() {
        long before = System.currentTimeMillis();
        LogRecord r = LogRecord.builder().field("k", "v").build();
        assertTrue(r.timeMs() >= before && r.timeMs() <= System.currentTimeMillis());
    }

    @Test
    void rejectsBadFieldsWithClearMessages() {
        IllegalArgumentException reserved = assertThrows(
                IllegalArgumentException.class, () -> LogRecord.builder().field("__TOPICID__", "x"));
        assertTrue(reserved.getMessage().contains("reserved"), reserved.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogRecord.builder().field("", "x"));
        NullPointerException nullValue = assertThrows(
                NullPointerException.class, () -> LogRecord.builder().field("k", null));
        assertTrue(nullValue.getMessage().contains("'k'"));
        assertThrows(IllegalArgumentException.class, () -> LogRecord.of(1, "odd"));
        assertThrows(IllegalArgumentException.class, () -> LogRecord.builder().timeMs(-1));
        LogRecord.builder().field("__CONTENT__", "allowed");
    }

    @Test
    void toStringShortensLongValues() {
        StringBuilder longValue = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            longValue.append("0123456789");
        }
        String s = LogRecord.of(1, "k", longValue.toString()).toString();
        assertTrue(s.contains("(1000 chars)"), s);
        assertTrue(s.length() < 200, s);
    }
}
