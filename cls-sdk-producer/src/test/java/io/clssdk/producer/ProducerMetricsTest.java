package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The snapshot's builder: every value lands in the getter of its name, and derived values follow. */
class ProducerMetricsTest {
    @Test
    void everySetterFillsItsOwnGetter() {
        ProducerMetrics m = ProducerMetrics.builder()
                .accepted(100)
                .succeeded(60)
                .failed(30)
                .expired(3)
                .retries(4)
                .requests(5)
                .rawBytes(6)
                .compressedBytes(7)
                .batchesInFlight(8)
                .bufferUsedBytes(9)
                .bufferTotalBytes(10)
                .requestLatencyMeanMs(11.5)
                .requestLatencyP99Ms(12.5)
                .requestLatencyMaxMs(13.5)
                .surrogatesReplaced(14)
                .replayedSucceeded(15)
                .replayedFailed(16)
                .spoolDroppedLogs(17)
                .spoolBytes(18)
                .build();
        assertEquals(100, m.accepted());
        assertEquals(60, m.succeeded());
        assertEquals(30, m.failed());
        assertEquals(10, m.pending());
        assertEquals(3, m.expired());
        assertEquals(4, m.retries());
        assertEquals(5, m.requests());
        assertEquals(6, m.rawBytes());
        assertEquals(7, m.compressedBytes());
        assertEquals(8, m.batchesInFlight());
        assertEquals(9, m.bufferUsedBytes());
        assertEquals(10, m.bufferTotalBytes());
        assertEquals(1, m.bufferFreeBytes());
        assertEquals(11.5, m.requestLatencyMeanMs());
        assertEquals(12.5, m.requestLatencyP99Ms());
        assertEquals(13.5, m.requestLatencyMaxMs());
        assertEquals(14, m.surrogatesReplaced());
        assertEquals(15, m.replayedSucceeded());
        assertEquals(16, m.replayedFailed());
        assertEquals(17, m.spoolDroppedLogs());
        assertEquals(18, m.spoolBytes());
        assertEquals(0, ProducerMetrics.builder().build().accepted(), "unset values are 0");
    }
}
