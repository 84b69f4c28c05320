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
