package io.clssdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogGroupTest {
    @Test
    void copiesInputsAndKeepsTagOrder() {
        List<LogRecord> records = new ArrayList<>(Arrays.asList(LogRecord.of(1, "k", "v")));
        LogGroup g = LogGroup.builder()
                .records(records)
                .tag("b", "1")
                .tag("a", "2")
                .source("s")
                .build();
        records.clear();
        assertEquals(1, g.records().size());
        assertEquals(Arrays.asList("b", "a"), new ArrayList<>(g.tags().keySet()));
        assertEquals(g, g.toBuilder().build());
        assertThrows(UnsupportedOperationException.class, () -> g.records().clear());
    }

    @Test
    void needsRecords() {
        assertThrows(IllegalArgumentException.class, () -> LogGroup.builder().build());
        assertThrows(IllegalArgumentException.class, () -> LogGroup.builder().tag("", "v"));
    }
}
