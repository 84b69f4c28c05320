package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Many threads, many topics, faults on: every accepted log is accounted for exactly once. */
class ProducerStressTest {
    private static final int THREADS = 8;
    private static final int TOPICS = 20;
    private static final int LOGS_PER_THREAD = 5_000;

    @Test
    void everyAcceptedLogCompletesExactlyOnceAndArrives() throws Exception {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(200)
                .maxBatchBytes(32 * 1024)
                .totalBufferBytes(4 * 1024 * 1024)
                .ioThreads(4))) {
            h.server.failRandomly(
                    0.2,
                    7,
                    Fault.throttled(),
                    Fault.error(500, "InternalError", "x"),
                    Fault.error(503, "ServiceUnavailable", "y"),
                    Fault.dropBeforeStore());
            Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
            AtomicLong succeeded = new AtomicLong();
            List<Thread> senders = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(THREADS);
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread sender = new Thread(() -> {
                    try {
                        for (int i = 0; i < LOGS_PER_THREAD; i++) {
                            String id = thread + ":" + i;
                            String topic = "topic-" + ((thread * 7 + i) % TOPICS);
                            String hashKey = i % 5 == 0 ? String.format("%04x", thread) : null;
                            LogRecord log = LogRecord.of(i, "id", id, "payload", "some text " + i);
                            h.producer.send(topic, hashKey, log, r -> {
                                completions
                                        .computeIfAbsent(id, k -> new AtomicInteger())
                                        .incrementAndGet();
                                if (r.success()) {
                                    succeeded.incrementAndGet();
                                }
                            });
                        }
                    } finally {
                        done.countDown();
                    }
                });
                senders.add(sender);
                sender.start();
            }
            int total = THREADS * LOGS_PER_THREAD;
            // move test time while the senders run, so lingers and backoffs pass; each step once the producer has
            // done what it can at the current time, so the 2-minute delivery budget does not depend on machine load
            while (done.getCount() > 0 || h.producer.metrics().pending() > 0) {
                h.clock.advance(Duration.ofMillis(200));
                h.awaitIdle();
            }
            ProducerHarness.await(
                    "every callback ran",
                    () -> completions.size() == total
                            && completions.values().stream()
                                            .mapToInt(AtomicInteger::get)
                                            .sum()
                                    == total);
            for (Map.Entry<String, AtomicInteger> e : completions.entrySet()) {
                assertEquals(1, e.getValue().get(), "completions of " + e.getKey());
            }
            ProducerMetrics m = h.producer.metrics();
            assertEquals(total, m.accepted());
            assertEquals(total, m.succeeded() + m.failed());
            assertEquals(total, succeeded.get(), "with a 2-minute delivery budget every log gets through");
            Map<String, Integer> received = new HashMap<>();
            for (ReceivedLog l : h.server.logs()) {
                received.merge(l.field("id"), 1, Integer::sum);
            }
            assertEquals(total, received.size(), "nothing lost");
            for (Map.Entry<String, Integer> e : received.entrySet()) {
                assertEquals(1, e.getValue().intValue(), "stored once: " + e.getKey());
            }
            assertTrue(h.producer.metrics().bufferUsedBytes() <= 4 * 1024 * 1024);
        }
    }
}
