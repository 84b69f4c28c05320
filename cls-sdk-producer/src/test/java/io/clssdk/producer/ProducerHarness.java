package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.fail;

import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.internal.FakeClock;
import io.clssdk.producer.internal.DefaultClsProducer;
import java.time.Duration;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A producer wired to a fake CLS endpoint, both on one fake clock: linger, backoff, delivery timeouts and the
 * endpoint's signature window all follow test time, while HTTP runs for real over loopback.
 */
final class ProducerHarness implements AutoCloseable {
    static final String TOPIC = "topic-a";
    private static final long WAIT_NANOS = Duration.ofSeconds(30).toNanos();

    final FakeClock clock = new FakeClock();
    /** How far the endpoint's clock is ahead of the producer's (clock-skew tests). */
    volatile long serverAheadMillis;

    final FakeClsServer server;
    final DefaultClsProducer producer;

    ProducerHarness(Consumer<ProducerOptions.Builder> configure) {
        this(configure, CredentialsProvider.of(FakeClsServer.credentials()), FakeClsServer.builder());
    }

    ProducerHarness(
            Consumer<ProducerOptions.Builder> configure,
            CredentialsProvider credentials,
            FakeClsServer.Builder serverBuilder) {
        server = serverBuilder
                .clock(() -> clock.currentTimeMillis() + serverAheadMillis)
                .start();
        ProducerOptions.Builder options = ProducerOptions.builder()
                .sourceIp("10.1.2.3")
                .hostname("test-host")
                .jmx(false);
        configure.accept(options);
        producer = new DefaultClsProducer(server.endpoint(), credentials, options.build(), clock, new Random(42));
    }

    static LogRecord log(long seq) {
        return LogRecord.builder()
                .timeMs(1_700_000_000_000L + seq)
                .field("seq", Long.toString(seq))
                .field("message", "log number " + seq)
                .build();
    }

    /** Waits (in real time) until {@code condition} holds. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }

    /** Advances test time in steps until {@code condition} holds or {@code max} test time has passed. */
    void advanceUntil(String what, BooleanSupplier condition, Duration step, Duration max) {
        long steps = max.toNanos() / step.toNanos();
        for (long i = 0; i < steps && !condition.getAsBoolean(); i++) {
            clock.advance(step);
            settle();
        }
        await(what, condition);
    }

    /** Gives the producer's threads a moment of real time to react to the last event. */
    static void settle() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the producer (moving test time so its close deadline can pass) and then the endpoint. */
    @Override
    public void close() {
        java.util.concurrent.CompletableFuture<Boolean> closed =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> producer.close(Duration.ofSeconds(5)));
        for (int i = 0; i < 100 && !closed.isDone(); i++) {
            clock.advance(Duration.ofMillis(100));
            settle();
        }
        closed.join();
        server.close();
    }
}
