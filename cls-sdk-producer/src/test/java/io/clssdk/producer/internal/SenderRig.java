package io.clssdk.producer.internal;

import io.clssdk.core.spi.GroupTrailer;
import io.clssdk.core.testing.internal.FakeClock;
import io.clssdk.producer.SendResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The producer's real scheduling parts without its threads: a sender, accumulator, completer (running callbacks on the
 * calling thread) and buffer pool on a {@link FakeClock}, with sealed batches made from logs that each carry a future.
 */
final class SenderRig {
    static final long DELIVERY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final Duration BACKOFF_BASE = Duration.ofMillis(100);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(5);
    static final long SEED = 7;

    final FakeClock clock = new FakeClock();
    final Set<Batch> incomplete = ConcurrentHashMap.newKeySet();
    final LinkedBlockingQueue<Batch> ioQueue = new LinkedBlockingQueue<>();
    final BufferPool pool = new BufferPool(4 << 20, 64 * 1024, clock);
    final ProducerStats stats = new ProducerStats(pool);
    final Completer completer = new Completer(Runnable::run, stats, pool, incomplete);
    final Sender sender;
    final Accumulator accumulator;

    SenderRig(int maxRetries) {
        sender = new Sender(clock, ioQueue, completer, stats, retryPolicy(maxRetries), 2);
        BatchLimits limits = new BatchLimits(64 * 1024, 4096, TimeUnit.SECONDS.toNanos(1));
        accumulator = new Accumulator(
                pool,
                sender,
                clock,
                new ContextFlows(1),
                limits,
                limits,
                DELIVERY_TIMEOUT_NANOS,
                GroupTrailer.of(null, "10.0.0.1", Collections.emptyMap(), "host"),
                4,
                incomplete);
        sender.attach(accumulator);
    }

    /** A retry policy like the sender's: the same seed gives the same backoff draws. */
    static RetryPolicy retryPolicy(int maxRetries) {
        return new RetryPolicy(maxRetries, BACKOFF_BASE, BACKOFF_MAX, new Random(SEED));
    }

    /** Appends {@code logs} logs, each with its own future, to ({@code topic}, {@code hashKey}) and seals the batch. */
    Sealed sealed(String topic, String hashKey, int logs) {
        Partition p = accumulator.partition(topic, hashKey);
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        Set<Batch> before = new HashSet<>(incomplete);
        for (int i = 0; i < logs; i++) {
            CompletableFuture<SendResult> f = new CompletableFuture<>();
            byte[] log = entry("log-" + i);
            p.append(log, log.length, log.length, f, 0);
            futures.add(f);
        }
        p.sealNow();
        return new Sealed(newBatch(before), futures);
    }

    /** Appends one log {@code text}, with its own future, to {@code topic}; returns the batch it opened. */
    Batch opened(String topic, String text) {
        Set<Batch> before = new HashSet<>(incomplete);
        byte[] log = entry(text);
        Partition.Appended appended =
                accumulator.partition(topic, null).append(log, log.length, log.length, new CompletableFuture<>(), 0);
        if (appended != Partition.Appended.OK) {
            throw new AssertionError("not appended: " + appended);
        }
        Batch batch = newBatch(before);
        if (batch == null) {
            throw new AssertionError("the log went into a batch that was open already");
        }
        return batch;
    }

    /** The batch in {@link #incomplete} that is not in {@code before}, or null. */
    private Batch newBatch(Set<Batch> before) {
        Batch batch = null;
        for (Batch b : incomplete) {
            if (!before.contains(b)) {
                batch = b;
            }
        }
        return batch;
    }

    /** {@code text} framed like an encoded log entry ({@code 0x0a}, its length, its bytes), as a split reads them. */
    static byte[] entry(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[bytes.length + 2]; // texts under 128 bytes: a one-byte length
        entry[0] = 0x0a;
        entry[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, entry, 2, bytes.length);
        return entry;
    }

    /** A sealed batch dispatched to an I/O thread that started its first attempt. */
    Sealed inFlight(String topic) {
        Sealed s = sealed(topic, null, 3);
        s.batch.dispatched();
        s.batch.beginAttempt();
        return s;
    }

    /** A batch and the futures of its logs. */
    static final class Sealed {
        final Batch batch;
        final List<CompletableFuture<SendResult>> futures;

        Sealed(Batch batch, List<CompletableFuture<SendResult>> futures) {
            this.batch = batch;
            this.futures = futures;
        }

        /** The result every log got (they share one); fails if a log has none yet. */
        SendResult result() {
            SendResult first = futures.get(0).getNow(null);
            for (CompletableFuture<SendResult> f : futures) {
                if (f.getNow(null) != first) {
                    throw new AssertionError("the logs of one batch got different results");
                }
            }
            if (first == null) {
                throw new AssertionError("no result yet");
            }
            return first;
        }

        boolean completed() {
            return futures.get(0).isDone();
        }
    }
}
