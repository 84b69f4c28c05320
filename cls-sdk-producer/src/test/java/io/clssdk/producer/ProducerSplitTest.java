package io.clssdk.producer;

import static io.clssdk.producer.ProducerHarness.TOPIC;
import static io.clssdk.producer.ProducerHarness.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsServiceException;
import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.core.testing.ReceivedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14: CLS rejects a whole request for one bad log; the producer splits the batch in halves until the bad logs
 * travel alone, so only they fail (with CLS's error) and every neighbour is stored, once, in its key's order.
 */
@Timeout(120)
class ProducerSplitTest {
    private static final String KEY = "order-42";

    @Test
    void oneBadLogInABatchOf4000FailsAloneAndEveryOtherIsStoredOnceInOrder() throws Exception {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(4000))) {
            long idle = h.producer.metrics().bufferUsedBytes();
            h.server.rejectRequestsWithLog(l -> "2500".equals(l.field("seq")), 400, "InvalidParam");
            List<CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                futures.add(h.producer.send(TOPIC, KEY, log(i)));
            }
            h.producer.flush();

            SendResult bad = futures.get(2500).get();
            assertFalse(bad.success());
            assertEquals("InvalidParam", bad.errorCode());
            assertEquals(400, ((ClsServiceException) bad.error()).httpStatus());
            Map<String, String> storedIn = new HashMap<>();
            List<ReceivedLog> stored = h.server.logs(TOPIC);
            for (ReceivedLog l : stored) {
                storedIn.put(l.field("seq"), l.requestId());
            }
            assertEquals(3999, stored.size(), "each good log stored exactly once");
            assertEquals(3999, storedIn.size());
            for (int i = 0; i < 4000; i++) {
                SendResult r = futures.get(i).get();
                if (i != 2500) {
                    assertTrue(r.success(), i + ": " + r);
                    assertEquals(storedIn.get(Integer.toString(i)), r.requestId(), "log " + i + "'s own request");
                }
            }
            assertInOrder(stored, 4000, 2500);
            // the batch, then two halves per level until the bad log is alone: 1 + 2 * ceil(log2(4000))
            assertTrue(h.server.requestCount() <= 1 + 2 * 12, "requests: " + h.server.requestCount());
            ProducerMetrics m = h.producer.metrics();
            assertEquals(3999, m.succeeded());
            assertEquals(1, m.failed());
            assertEquals(0, m.pending());
            // recycled buffers count as used until the pool drops them, idle for 30 s: then nothing may be left
            h.advanceUntil(
                    "every half's memory went back to the pool",
                    () -> h.producer.metrics().bufferUsedBytes() == idle,
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(2));
        }
    }

    @Test
    void twoBadLogsInDifferentHalvesFailAloneAndASharedCallbackIsCalledOncePerLog() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(4000))) {
            h.server.rejectRequestsWithLog(
                    l -> "100".equals(l.field("seq")) || "3900".equals(l.field("seq")), 403, "LogSizeExceed");
            AtomicInteger succeeded = new AtomicInteger();
            ConcurrentLinkedQueue<SendResult> failed = new ConcurrentLinkedQueue<>();
            SendCallback shared = r -> {
                if (r.success()) {
                    succeeded.incrementAndGet();
                } else {
                    failed.add(r);
                }
            };
            for (int i = 0; i < 4000; i++) {
                h.producer.send(TOPIC, null, log(i), shared);
            }
            h.producer.flush();

            assertEquals(3998, succeeded.get());
            assertEquals(2, failed.size());
            for (SendResult r : failed) {
                assertEquals("LogSizeExceed", r.errorCode());
            }
            List<ReceivedLog> stored = h.server.logs(TOPIC);
            assertEquals(3998, stored.size());
            assertEquals(
                    3998, stored.stream().map(l -> l.field("seq")).distinct().count());
            assertEquals(0, h.producer.metrics().pending());
        }
    }

    @Test
    void aRejectionOfEveryHalfStopsSplittingOnceTheBatchsBudgetIsSpent() throws Exception {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(1000))) {
            // as for a configuration error: CLS refuses every request, whatever logs it holds
            h.server.rejectRequestsWithLog(l -> true, 400, "InvalidParam");
            List<CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                futures.add(h.producer.send(TOPIC, KEY, log(i)));
            }
            h.producer.flush();

            for (CompletableFuture<SendResult> f : futures) {
                assertEquals("InvalidParam", f.get().errorCode());
            }
            // one request, then at most 16 + 4·⌈log2 1000⌉ = 56 for the splits: not 2·1000 − 1
            long requests = h.server.requestCount();
            assertTrue(requests > 1 && requests <= 57, requests + " requests");
            assertEquals(1000, h.producer.metrics().failed());
        }
    }

    @Test
    void whenEveryLogIsBadEachFailsAloneInABoundedNumberOfRequests() throws Exception {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(16))) {
            h.server.rejectRequestsWithLog(l -> true, 400, "InvalidContent");
            List<CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(h.producer.send(TOPIC, KEY, log(i)));
            }
            h.producer.flush();

            for (CompletableFuture<SendResult> f : futures) {
                assertEquals("InvalidContent", f.get().errorCode());
            }
            assertEquals(0, h.server.logCount());
            assertEquals(2 * 16 - 1, h.server.requestCount(), "a full binary tree over 16 logs");
            assertEquals(16, h.producer.metrics().failed());
        }
    }

    @Test
    void halvesHittingATransient503AreRetriedLikeAnyBatch() throws Exception {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(1000))) {
            h.server.rejectRequestsWithLog(l -> "700".equals(l.field("seq")), 413, "ContentTooLarge");
            h.server.failRandomly(0.3, 11, Fault.error(503, "ServiceUnavailable", "busy"));
            List<CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                futures.add(h.producer.send(TOPIC, KEY, log(i)));
            }
            // the 1000th log sealed the batch; retries wait for their backoff in test time
            h.advanceUntil(
                    "every log completed",
                    () -> futures.stream().allMatch(CompletableFuture::isDone),
                    Duration.ofMillis(250),
                    Duration.ofMinutes(10));

            assertEquals("ContentTooLarge", futures.get(700).get().errorCode());
            for (int i = 0; i < 1000; i++) {
                assertEquals(
                        i != 700,
                        futures.get(i).get().success(),
                        i + ": " + futures.get(i).get());
            }
            long unavailable =
                    h.server.requests().stream().filter(r -> r.status() == 503).count();
            assertTrue(unavailable > 0, "some halves met a 503");
            List<ReceivedLog> stored = h.server.logs(TOPIC);
            assertEquals(999, stored.size());
            assertInOrder(stored, 1000, 700);
        }
    }

    @Test
    void aStreamsListenerGetsCountsThatAddUpWithOnlyTheBadLogFailed() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(4096))) {
            h.server.rejectRequestsWithLog(l -> "333".equals(l.field("seq")), 400, "InvalidParam");
            AtomicInteger succeeded = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
            OutcomeListener listener = (result, logs) -> {
                if (result.success()) {
                    succeeded.addAndGet(logs);
                } else {
                    failed.addAndGet(logs);
                    codes.add(result.errorCode());
                }
            };
            int count = 1000;
            List<LogRecord> records = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                records.add(log(i));
            }
            EncodedLogStream stream = h.producer.openStream(TOPIC, "/var/log/app.log", Collections.emptyMap());
            StreamWriter.write(stream, records, listener); // most of them written into the stream's lent room
            stream.flush();
            h.producer.flush();
            stream.close();

            assertEquals(count - 1, succeeded.get());
            assertEquals(1, failed.get());
            assertEquals(Collections.singletonList("InvalidParam"), new ArrayList<>(codes));
            List<ReceivedLog> stored = h.server.logs(TOPIC);
            assertEquals(count - 1, stored.size());
            assertEquals("/var/log/app.log", stored.get(0).filename());
            // without a hash key the halves go out side by side, like any batches: once each, in no promised order
            assertEquals(
                    count - 1,
                    stored.stream().map(l -> l.field("seq")).distinct().count());
            assertFalse(stored.stream().anyMatch(l -> "333".equals(l.field("seq"))));
            for (ReceivedRequest r : h.server.requests()) {
                assertNotNull(r.requestId());
            }
        }
    }

    /** {@code stored} holds logs 0 … n-1 but {@code missing}, each once, in sending order. */
    private static void assertInOrder(List<ReceivedLog> stored, int n, int missing) {
        int expected = 0;
        for (ReceivedLog l : stored) {
            if (expected == missing) {
                expected++;
            }
            assertEquals(Integer.toString(expected), l.field("seq"));
            expected++;
        }
        assertEquals(n, expected == missing ? expected + 1 : expected);
    }
}
