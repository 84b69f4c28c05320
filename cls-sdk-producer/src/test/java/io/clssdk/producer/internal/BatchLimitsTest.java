package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.SpoolOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchLimitsTest {
    @TempDir
    Path dir;

    @Test
    void sendKeepsItsOptionsAndStreamsPackLikeLogListener() {
        ProducerOptions o = ProducerOptions.defaults();
        BatchLimits send = BatchLimits.forSend(o);
        assertEquals(509 * 1024, send.maxBytes, "512 KiB, under half a G1 region with its LZ4 copy");
        assertEquals(4096, send.maxCount);
        assertEquals(TimeUnit.SECONDS.toNanos(2), send.lingerNanos);

        BatchLimits streams = BatchLimits.forStreams(o);
        assertEquals((1 << 20) - 64, streams.maxBytes, "1 MiB, one whole G1 region");
        assertEquals(10_000, streams.maxCount);
        assertEquals(TimeUnit.SECONDS.toNanos(3), streams.lingerNanos);
    }

    @Test
    void aStreamBatchTakesAtMostHalfTheBuffer() {
        ProducerOptions o = ProducerOptions.builder()
                .totalBufferBytes(256 * 1024)
                .maxBatchBytes(64 * 1024)
                .build();
        assertEquals(128 * 1024, BatchLimits.forStreams(o).maxBytes);
        assertEquals(64 * 1024, BatchLimits.forSend(o).maxBytes);
    }

    @Test
    void aSpoolCapsBothLingers() {
        SpoolOptions spool =
                SpoolOptions.builder(dir).fsyncInterval(Duration.ofMillis(500)).build();
        ProducerOptions o = ProducerOptions.builder().spool(spool).build();
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), BatchLimits.forSend(o).lingerNanos);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), BatchLimits.forStreams(o).lingerNanos);
    }

    @Test
    void aLogLargerThanTheLimitGetsABatchOfItsOwnSize() {
        BatchLimits limits = new BatchLimits(64 * 1024, 100, 1);
        assertEquals(64 * 1024, limits.limitFor(1000, 200));
        int big = 100 * 1024;
        assertEquals(LogGroupListEncoder.HEADER_RESERVE + big + 200, limits.limitFor(big, 200));
    }
}
