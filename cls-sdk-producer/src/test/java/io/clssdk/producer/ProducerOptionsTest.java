package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.Compression;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ProducerOptionsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        ProducerOptions o = ProducerOptions.defaults();
        assertEquals(512 * 1024, o.maxBatchBytes());
        assertEquals(4096, o.maxBatchCount());
        assertEquals(Duration.ofSeconds(2), o.linger());
        assertEquals(100L * 1024 * 1024, o.totalBufferBytes());
        assertEquals(Duration.ofSeconds(60), o.maxBlock());
        assertEquals(Compression.LZ4, o.compression());
        assertEquals(Duration.ofSeconds(120), o.deliveryTimeout());
        assertEquals(Integer.MAX_VALUE, o.maxRetries());
        assertEquals(o.maxBatchBytes(), o.toBuilder().build().maxBatchBytes());
    }

    @Test
    void streamsPackLikeLogListenerByDefault() {
        ProducerOptions o = ProducerOptions.defaults();
        assertEquals(1024 * 1024, o.streamMaxBatchBytes());
        assertEquals(10_000, o.streamMaxBatchCount());
        assertEquals(Duration.ofSeconds(3), o.streamLinger());
        ProducerOptions set = ProducerOptions.builder()
                .streamMaxBatchBytes(64 * 1024)
                .streamMaxBatchCount(100)
                .streamLinger(Duration.ofMillis(500))
                .build()
                .toBuilder()
                .build();
        assertEquals(64 * 1024, set.streamMaxBatchBytes());
        assertEquals(100, set.streamMaxBatchCount());
        assertEquals(Duration.ofMillis(500), set.streamLinger());
        assertTrue(
                set.toString().contains("streamMaxBatchBytes=65536, streamMaxBatchCount=100, streamLinger=PT0.5S"),
                set.toString());
    }

    @Test
    void anUnsetStreamLingerGivesWayToAShortDeliveryTimeout() {
        ProducerOptions shortTimeout = ProducerOptions.builder()
                .linger(Duration.ofMillis(200))
                .deliveryTimeout(Duration.ofSeconds(2))
                .build();
        assertEquals(Duration.ofMillis(200), shortTimeout.streamLinger());
        // unset stays unset through toBuilder: a longer timeout brings the default back
        ProducerOptions longer =
                shortTimeout.toBuilder().deliveryTimeout(Duration.ofSeconds(30)).build();
        assertEquals(Duration.ofSeconds(3), longer.streamLinger());
    }

    @Test
    void outOfBoundsStreamOptionsAreNamed() {
        rejects("streamMaxBatchBytes", b -> b.streamMaxBatchBytes(4095));
        rejects("streamMaxBatchBytes", b -> b.streamMaxBatchBytes(5 * 1024 * 1024 + 1));
        rejects("streamMaxBatchCount", b -> b.streamMaxBatchCount(0));
        rejects("streamMaxBatchCount", b -> b.streamMaxBatchCount(10_001));
        rejects("streamLinger", b -> b.streamLinger(Duration.ofMillis(99)));
        rejects("streamLinger", b -> b.deliveryTimeout(Duration.ofSeconds(3)).streamLinger(Duration.ofSeconds(3)));
        // totalBufferBytes does not bound streamMaxBatchBytes: a stream's batch is capped at half of it instead
        ProducerOptions small = ProducerOptions.builder()
                .totalBufferBytes(64 * 1024)
                .maxBatchBytes(32 * 1024)
                .build();
        assertEquals(1024 * 1024, small.streamMaxBatchBytes());
    }

    @Test
    void outOfBoundsOptionsAreNamed() {
        rejects("maxBatchBytes", b -> b.maxBatchBytes(6 * 1024 * 1024));
        rejects("maxBatchCount", b -> b.maxBatchCount(10_001));
        rejects("linger", b -> b.linger(Duration.ofMillis(50)));
        rejects("deliveryTimeout", b -> b.deliveryTimeout(Duration.ofSeconds(1)));
        rejects("maxBlock", b -> b.maxBlock(Duration.ofSeconds(-1)));
        rejects("ioThreads", b -> b.ioThreads(0));
        rejects("totalBufferBytes", b -> b.totalBufferBytes(1024));
        rejects(
                "retryBackoffMax",
                b -> b.retryBackoffBase(Duration.ofSeconds(5)).retryBackoffMax(Duration.ofSeconds(1)));
        rejects("maxRetries", b -> b.maxRetries(-1));
    }

    private static void rejects(String option, Consumer<ProducerOptions.Builder> change) {
        ProducerOptions.Builder b = ProducerOptions.builder();
        change.accept(b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().startsWith(option) || e.getMessage().contains(option), e.getMessage());
    }
}
