package io.clssdk.producer;

import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.internal.FakeClock;
import io.clssdk.producer.internal.DefaultClsProducer;
import io.clssdk.producer.internal.ProducerInternals;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A producer wired to a fake CLS endpoint, both on one fake clock: linger, backoff, delivery timeouts and the
 * endpoint's signature window all follow test time, while HTTP runs for real over loopback.
 */
final class ProducerHarness implements AutoCloseable {
    static final String TOPIC = "topic-a";
    /** The real-time bound of one {@link #advanceUntil} or {@link #closeAdvancingTime}. */
    static final Duration ADVANCE_BOUND = Duration.ofMinutes(2);

    final FakeClock clock = new FakeClock();
    /** The producer's view of {@link #clock}, which also watches the sender thread (see {@link #awaitIdle}). */
    private final SenderWatch watched = new SenderWatch(clock);
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
        producer = new DefaultClsProducer(server.endpoint(), credentials, options.build(), watched, new Random(42));
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
        Await.until(what, condition);
    }

    /**
     * Advances test time in steps of {@code step}, each taken once the producer has done everything it would do at
     * the current test time ({@link #awaitIdle}), until {@code condition} holds. Fails if that takes more than {@code
     * max} of test time, or more than {@link #ADVANCE_BOUND} of real time. Pacing by the producer's progress makes the
     * test-time budget independent of how loaded the machine is.
     */
    void advanceUntil(String what, BooleanSupplier condition, Duration step, Duration max) {
        long deadline = Await.deadline(ADVANCE_BOUND);
        for (long passed = 0; !condition.getAsBoolean(); passed += step.toNanos()) {
            awaitIdle(deadline);
            if (condition.getAsBoolean() || passed >= max.toNanos()) {
                break;
            }
            clock.advance(step);
        }
        // what the condition looks at may complete on the callback thread, after the producer went idle
        Await.until(what + " within " + max + " of test time", condition, deadline);
    }

    /**
     * Waits (in real time) until the producer has done everything it would do at the current test time: every batch
     * handed to the I/O threads has been attempted and handed back, and the sender has run a scheduling round after
     * that and parked without handing over anything new. Returns at once once the producer's sender has stopped
     * (closed). Use it after moving test time and before asserting that something did <em>not</em> happen.
     * Callbacks may still be running on the callback thread.
     */
    void awaitIdle() {
        awaitIdle(Await.deadline(Await.DEFAULT_BOUND));
    }

    private void awaitIdle(long deadline) {
        while (true) {
            long[] settled = {-1};
            Await.until(
                    "every attempt handed to the I/O threads has ended",
                    () -> watched.senderStopped() || (settled[0] = ProducerInternals.settledDispatches(producer)) >= 0,
                    deadline);
            if (watched.senderStopped()) {
                return;
            }
            long reads = watched.senderReads();
            clock.advance(Duration.ZERO); // wakes the sender: its next round sees every attempt handed back so far
            Await.until(
                    "the sender ran a scheduling round and parked",
                    () -> watched.senderStopped() || (watched.senderReads() > reads && watched.senderParked()),
                    deadline);
            if (watched.senderStopped() || ProducerInternals.settledDispatches(producer) == settled[0]) {
                return; // that round handed nothing new to the I/O threads
            }
        }
    }

    /**
     * Closes the producer with {@code timeout}, moving test time in 100 ms steps (each once the producer is idle) so
     * its close deadline can pass; returns what {@code close} returned.
     */
    boolean closeAdvancingTime(Duration timeout) {
        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> producer.close(timeout));
        long deadline = Await.deadline(ADVANCE_BOUND);
        while (!closed.isDone() && !watched.senderStopped()) {
            awaitIdle(deadline);
            if (!closed.isDone() && !watched.senderStopped()) {
                clock.advance(Duration.ofMillis(100));
            }
        }
        // once the sender has stopped, close() only joins threads, in real time
        Await.until("close() returned", closed::isDone, deadline);
        return closed.join();
    }

    /** Closes the producer (moving test time so its close deadline can pass) and then the endpoint. */
    @Override
    public void close() {
        closeAdvancingTime(Duration.ofSeconds(5));
        server.close();
    }
}
