package io.clssdk.tailer;

import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import java.io.IOException;
import java.time.Duration;

/**
 * What the shipping tests run against: a verifying fake CLS endpoint, a producer to it with fast retries, and the
 * tailer under test (set by the test), closed together.
 */
final class ShippingFixture implements AutoCloseable {
    final FakeClsServer server = FakeClsServer.start();
    ClsProducer producer;
    Tailer tailer;

    ShippingFixture(Duration deliveryTimeout) {
        producer = newProducer(deliveryTimeout);
    }

    /**
     * A producer to the fake endpoint: 10–50 ms retry backoff, 100 ms linger (its streams' too), the given delivery timeout, source IP
     * {@code 10.0.0.7} and host name {@code test-host}.
     */
    ClsProducer newProducer(Duration deliveryTimeout) {
        return ClsProducer.builder()
                .endpoint(server.endpoint())
                .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                .options(ProducerOptions.builder()
                        .linger(Duration.ofMillis(100))
                        .streamLinger(Duration.ofMillis(100))
                        .deliveryTimeout(deliveryTimeout)
                        .retryBackoffBase(Duration.ofMillis(10))
                        .retryBackoffMax(Duration.ofMillis(50))
                        .sourceIp("10.0.0.7")
                        .hostname("test-host")
                        .jmx(false)
                        .build())
                .build();
    }

    /**
     * Builds a collection source shipping through {@link #producer} and starts {@link #tailer} on it, with a 300 ms
     * partial-line idle flush and 50 ms checkpoints on top of {@code options}.
     */
    CollectionSource start(CollectionConfig config, TailerOptions.Builder options) throws IOException {
        return start(config, options, producer);
    }

    /** Like {@link #start(CollectionConfig, TailerOptions.Builder)}, shipping through {@code through}. */
    CollectionSource start(CollectionConfig config, TailerOptions.Builder options, ClsProducer through)
            throws IOException {
        CollectionSource source =
                CollectionSource.builder(config).producer(through).build();
        tailer = Tailer.builder()
                .options(options.partialLineFlushIdle(Duration.ofMillis(300))
                        .checkpointInterval(Duration.ofMillis(50))
                        .build())
                .source(source.tailSource())
                .build();
        tailer.start();
        return source;
    }

    @Override
    public void close() {
        if (tailer != null) {
            tailer.stop(Duration.ofSeconds(5));
        }
        producer.close(Duration.ofSeconds(5));
        server.close();
    }
}
