package io.clssdk.producer;

import static io.clssdk.producer.ProducerHarness.TOPIC;
import static io.clssdk.producer.ProducerHarness.await;
import static io.clssdk.producer.ProducerHarness.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.core.testing.ReceivedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures the producer must survive without losing or duplicating an accepted log silently. */
class ProducerFaultTest {

    @Test
    @Timeout(60)
    void anErrorOnAnIoThreadFailsItsBatchAndTheThreadKeepsServing() throws Exception {
        // e.g. NoSuchMethodError from a conflicting OkHttp on the classpath: the batch must get an outcome, and the
        // I/O threads must survive, or flush() and close() would wait forever
        AtomicInteger calls = new AtomicInteger();
        CredentialsProvider breaksOnce = () -> {
            if (calls.getAndIncrement() == 0) {
                throw new NoSuchMethodError("simulated linkage error");
            }
            return FakeClsServer.credentials();
        };
        try (ProducerHarness h = new ProducerHarness(o -> o.ioThreads(1), breaksOnce, FakeClsServer.builder())) {
            CompletableFuture<SendResult> first = h.producer.send(TOPIC, log(1));
            h.producer.flush();
            SendResult failed = first.get();
            assertFalse(failed.success());
            assertTrue(failed.errorMessage().contains("simulated linkage error"), failed.errorMessage());
            CompletableFuture<SendResult> second = h.producer.send(TOPIC, log(2));
            h.producer.flush();
            assertTrue(second.get().success(), "the only I/O thread still works: " + second.get());
            assertEquals(1, h.server.logCount());
        }
    }

    private static final Duration STEP = Duration.ofMillis(250);

    @Test
    void retriesThroughThrottlingServerErrorsResetsAndTimeouts() {
        // each case: the faults of the first attempts, the attempts it takes, how often the endpoint stores the log
        Object[][] cases = {
            {new Fault[] {Fault.throttled(), Fault.throttled()}, 3, 1},
            {new Fault[] {Fault.error(500, "InternalError", "boom"), Fault.error(503, "Unavailable", "busy")}, 3, 1},
            {new Fault[] {Fault.dropBeforeStore(), Fault.dropBeforeStore()}, 3, 1},
            {new Fault[] {Fault.stall(false)}, 2, 1}, // read timeout, then success
            {new Fault[] {Fault.delay(Duration.ofMillis(200))}, 1, 1}, // slow but within the read timeout
            {new Fault[] {Fault.drip(Duration.ofMillis(400))}, 2, 2} // stored, answer too slow: resent
        };
        for (Object[] c : cases) {
            Fault[] script = (Fault[]) c[0];
            try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(1)
                    .httpOptions(HttpOptions.builder()
                            .readTimeout(Duration.ofMillis(300))
                            .build()))) {
                h.server.enqueue(script);
                CompletableFuture<SendResult> future = h.producer.send(TOPIC, log(1));
                h.advanceUntil("delivered after " + script[0], future::isDone, STEP, Duration.ofMinutes(1));
                SendResult result = future.join();
                assertTrue(result.success(), script[0] + ": " + result);
                assertEquals(
                        (int) c[1], result.attempts().size(), result.attempts().toString());
                assertEquals((int) c[2], h.server.logCount(), script[0].toString());
                assertEquals((int) c[1] - 1, h.producer.metrics().retries());
            }
        }
    }

    @Test
    void answersNotFromClsAreRetriedLikeA5xxAndNeverReportedAsDelivered() {
        // a captive portal answers 200 with its login page (no x-cls-requestid) until the network is let through
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(1))) {
            Fault portal = Fault.proxyAnswer(200, "text/html", "<html><title>Guest Wi-Fi login</title></html>");
            h.server.enqueue(portal, portal);
            CompletableFuture<SendResult> future = h.producer.send(TOPIC, log(1));
            h.advanceUntil("delivered once the portal let it through", future::isDone, STEP, Duration.ofMinutes(1));
            SendResult result = future.join();
            assertTrue(result.success(), result.toString());
            List<Attempt> attempts = result.attempts();
            assertEquals(3, attempts.size(), attempts.toString());
            for (Attempt a : attempts.subList(0, 2)) {
                assertFalse(a.success(), a.toString());
                assertEquals("NOT_FROM_CLS", a.errorCode());
                assertTrue(a.errorMessage().contains("Guest Wi-Fi login"), a.errorMessage());
            }
            assertEquals(1, h.server.logCount());
            assertEquals(h.server.logs().get(0).requestId(), result.requestId());
            ProducerMetrics m = h.producer.metrics();
            assertEquals(1, m.succeeded());
            assertEquals(0, m.failed());
            assertEquals(2, m.retries());
        }
    }

    @Test
    void nonRetryableErrorsFailAtOnceWithTheServiceCode() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(1))) {
            h.server.enqueue(Fault.error(403, "LogSizeExceed", "too big"));
            SendResult result = h.producer.send(TOPIC, log(1)).join();
            assertFalse(result.success());
            assertEquals("LogSizeExceed", result.errorCode());
            assertEquals(403, ((ClsServiceException) result.error()).httpStatus());
            assertNotNull(result.requestId());
            assertEquals(1, result.attempts().size());
            assertEquals(1, h.producer.metrics().failed());
        }
    }

    @Test
    void outageThenRecoveryDeliversEverythingWithinTheBufferBound() throws Exception {
        long total = 512 * 1024;
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchBytes(32 * 1024)
                .totalBufferBytes(total)
                .maxBlock(Duration.ZERO)
                .deliveryTimeout(Duration.ofMinutes(3)))) {
            h.server.failRandomly(1.0, 1, Fault.dropBeforeStore(), Fault.error(503, "ServiceUnavailable", "down"));
            List<CompletableFuture<SendResult>> accepted = new ArrayList<>();
            int rejected = 0;
            for (int i = 0; i < 20_000; i++) {
                try {
                    accepted.add(h.producer.send(TOPIC, log(i)));
                } catch (ClsClientException e) {
                    assertEquals(ClsClientException.Reason.BUFFER_FULL, e.reason());
                    rejected++;
                }
                assertTrue(h.producer.metrics().bufferUsedBytes() <= total);
            }
            assertTrue(rejected > 0, "the buffer filled up during the outage");
            for (int second = 0; second < 60; second++) {
                h.clock.advance(Duration.ofSeconds(1));
                h.awaitIdle();
                assertTrue(h.producer.metrics().bufferUsedBytes() <= total);
            }
            assertEquals(0, h.server.logCount());
            h.server.clearFaults();
            h.advanceUntil(
                    "every accepted log delivered",
                    () -> h.producer.metrics().pending() == 0,
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(2));
            ProducerMetrics m = h.producer.metrics();
            assertEquals(accepted.size(), m.accepted());
            assertEquals(accepted.size(), m.succeeded(), m.toString());
            assertEquals(accepted.size(), h.server.logCount(), "no loss and, as nothing was stored twice, no dups");
            for (CompletableFuture<SendResult> f : accepted) {
                assertTrue(f.get().success());
            }
        }
    }

    @Test
    void batchesFailAsExpiredWhenTheDeliveryTimeoutPasses() {
        try (ProducerHarness h =
                new ProducerHarness(o -> o.maxBatchCount(10).deliveryTimeout(Duration.ofSeconds(10)))) {
            h.server.failRandomly(1.0, 2, Fault.error(500, "InternalError", "down"));
            List<CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                futures.add(h.producer.send(TOPIC, log(i)));
            }
            h.advanceUntil("all expired", () -> h.producer.metrics().pending() == 0, STEP, Duration.ofSeconds(20));
            for (CompletableFuture<SendResult> f : futures) {
                SendResult r = f.join();
                assertFalse(r.success());
                assertEquals("DELIVERY_TIMEOUT", r.errorCode());
                assertTrue(r.errorMessage().contains("last error"), r.errorMessage());
            }
            assertEquals(30, h.producer.metrics().expired());
        }
    }

    @Test
    void anExpiredTokenIsRefreshedBeforeTheRetry() {
        AtomicInteger refreshes = new AtomicInteger();
        AtomicReference<String> token = new AtomicReference<>("expired-token");
        CredentialsProvider sts = new CredentialsProvider() {
            @Override
            public Credentials credentials() {
                return Credentials.of("AKIDsts", "stsKey", token.get());
            }

            @Override
            public void refresh() {
                refreshes.incrementAndGet();
                token.set("fresh-token");
            }
        };
        try (ProducerHarness h = new ProducerHarness(
                o -> o.maxBatchCount(1),
                sts,
                FakeClsServer.builder().credentials("AKIDsts", "stsKey", "fresh-token"))) {
            CompletableFuture<SendResult> f = h.producer.send(TOPIC, log(1));
            h.advanceUntil("delivered after the refresh", f::isDone, STEP, Duration.ofSeconds(30));
            assertTrue(f.join().success(), f.join().toString());
            assertEquals(1, refreshes.get());
            assertEquals("AuthFailure.TokenFailure", f.join().attempts().get(0).errorCode());
        }
    }

    @Test
    void retryAfterIsHonoured() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(1))) {
            h.server.enqueue(Fault.throttled("5"));
            CompletableFuture<SendResult> f = h.producer.send(TOPIC, log(1));
            await("the first attempt was throttled", () -> h.server.requestCount() == 1);
            for (int i = 0; i < 16; i++) {
                h.clock.advance(STEP);
                h.awaitIdle();
            }
            assertEquals(1, h.server.requestCount(), "no retry before Retry-After (5 s) passed");
            h.advanceUntil("retried after 5 s", f::isDone, STEP, Duration.ofSeconds(10));
            assertTrue(f.join().success());
        }
    }

    @Test
    void aQuotaStormDoesNotMultiplyRequests() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(10))) {
            h.server.failRandomly(1.0, 3, Fault.throttled());
            for (int i = 0; i < 200; i++) {
                h.producer.send(TOPIC, log(i)); // 20 batches of one topic
            }
            for (int i = 0; i < 120; i++) { // 30 s of storm
                h.clock.advance(STEP);
                h.awaitIdle();
            }
            long stormRequests = h.server.requestCount();
            // Each batch backing off on its own would make ~20 batches x 8+ attempts in 30 s. The topic pauses and
            // halves its concurrency on every 429 instead, so the storm sees a few requests per backoff window.
            assertTrue(stormRequests <= 40, "requests during the storm: " + stormRequests);
            h.server.clearFaults();
            h.advanceUntil("storm over, all delivered", () -> h.server.logCount() == 200, STEP, Duration.ofMinutes(2));
        }
    }

    @Test
    void aTotalOutageCostsAProbePerPauseNotARequestPerBatch() {
        // Regression (found by the soak test): in an outage every batch retried on its own backoff, so 200 full
        // batches made ~55 requests/s and the producer used 4 % of a core doing nothing useful.
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(10).deliveryTimeout(Duration.ofMinutes(5)))) {
            h.server.failRandomly(1.0, 8, Fault.dropBeforeStore(), Fault.error(503, "ServiceUnavailable", "down"));
            for (int i = 0; i < 500; i++) {
                h.producer.send("topic-" + (i % 2), log(i)); // 50 batches; 8 go out at once (4 per topic)
            }
            h.advanceUntil(
                    "the first attempts failed", () -> h.server.requestCount() >= 8, STEP, Duration.ofSeconds(10));
            for (int i = 0; i < 40; i++) { // 10 s
                h.clock.advance(STEP);
                h.awaitIdle();
            }
            long before = h.server.requestCount();
            for (int i = 0; i < 200; i++) { // 50 s more of outage
                h.clock.advance(STEP);
                h.awaitIdle();
            }
            long probes = h.server.requestCount() - before;
            // 50 batches backing off on their own (≤ 10 s each) would make hundreds of requests in these 50 s
            assertTrue(probes <= 20, "requests in 50 s of outage: " + probes);
            h.server.clearFaults();
            h.advanceUntil(
                    "recovered, all delivered",
                    () -> h.producer.metrics().succeeded() == 500,
                    STEP,
                    Duration.ofMinutes(1));
            assertEquals(500, h.server.logCount(), "nothing was stored during the outage, nothing twice after");
        }
    }

    @Test
    void hashKeyBatchesGoInOrderOneAtATimeAcrossRetries() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(5))) {
            h.server.failRandomly(
                    0.4, 4, Fault.throttled(), Fault.error(500, "InternalError", "x"), Fault.dropBeforeStore());
            for (int i = 0; i < 200; i++) {
                h.producer.send(TOPIC, "00ab", log(i));
                h.producer.send(TOPIC, "ff01", log(1000 + i));
            }
            h.advanceUntil("all delivered", () -> h.server.logCount() == 400, STEP, Duration.ofMinutes(5));
            Map<String, Long> last = new HashMap<>();
            for (ReceivedLog l : h.server.logs(TOPIC)) {
                long seq = Long.parseLong(l.field("seq"));
                String key = seq >= 1000 ? "ff01" : "00ab";
                Long previous = last.put(key, seq);
                assertTrue(previous == null || seq == previous + 1, key + ": " + previous + " then " + seq);
            }
            for (ReceivedRequest r : h.server.requests()) {
                assertNotNull(r.header("x-cls-hashkey"));
            }
        }
    }

    @Test
    void aLostResponseIsRetriedAndTheReplayCarriesTheSameContextFlow() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(3))) {
            h.server.enqueue(Fault.dropAfterStore());
            for (int i = 0; i < 3; i++) {
                h.producer.send(TOPIC, log(i));
            }
            h.advanceUntil("acknowledged", () -> h.producer.metrics().succeeded() == 3, STEP, Duration.ofSeconds(30));
            List<ReceivedLog> logs = h.server.logs(TOPIC);
            assertEquals(6, logs.size(), "stored twice: the first answer was lost");
            Set<String> flows = new HashSet<>();
            for (ReceivedLog l : logs) {
                flows.add(l.contextFlow());
            }
            assertEquals(1, flows.size(), "the replay is recognisable by its context flow");
        }
    }

    @Test
    void closeDuringAnOutageCompletesEveryLogAsFailedAndStopsItsThreads() throws Exception {
        ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(10));
        h.server.failRandomly(1.0, 5, Fault.dropBeforeStore());
        AtomicInteger callbacks = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            h.producer.send(TOPIC, log(i), r -> {
                callbacks.incrementAndGet();
                if (!r.success()) {
                    failures.incrementAndGet();
                }
            });
        }
        CompletableFuture<Boolean> closed =
                CompletableFuture.supplyAsync(() -> h.producer.close(Duration.ofSeconds(20)));
        h.advanceUntil("close gave up at its deadline", closed::isDone, Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertFalse(closed.get(), "not everything could be delivered");
        await("every callback ran", () -> callbacks.get() == 100);
        assertEquals(100, failures.get());
        ProducerMetrics m = h.producer.metrics();
        assertEquals(100, m.failed());
        assertEquals(0, m.pending());
        await(
                "threads ended",
                () -> ClsProducerTest.producerThreads(h.producer.id()).isEmpty());
        h.server.close();
    }

    @Test
    void aFullBufferBlocksSendUpToMaxBlockThenFailsClearly() throws Exception {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchBytes(8 * 1024)
                .totalBufferBytes(16 * 1024)
                .maxBlock(Duration.ofSeconds(3))
                .retryBackoffBase(Duration.ofSeconds(30))
                .retryBackoffMax(Duration.ofSeconds(30)))) {
            h.server.failRandomly(1.0, 6, Fault.error(500, "InternalError", "down"));
            AtomicInteger sent = new AtomicInteger();
            AtomicReference<Thread> fillerThread = new AtomicReference<>();
            CompletableFuture<Void> filler = CompletableFuture.runAsync(() -> {
                fillerThread.set(Thread.currentThread());
                while (true) {
                    h.producer.send(TOPIC, log(sent.getAndIncrement()));
                }
            });
            await(
                    "send() blocks on the full buffer",
                    () -> fillerThread.get() != null
                            && Await.parkedIn(
                                    fillerThread.get(), "io.clssdk.producer.internal.BufferPool", "awaitAvailable"));
            assertFalse(filler.isDone(), "send() waits for buffer space");
            assertTrue(h.producer.metrics().bufferUsedBytes() <= 16 * 1024);
            h.clock.advance(Duration.ofSeconds(4));
            await("the blocked send gave up after maxBlock", filler::isDone);
            ClsClientException e =
                    (ClsClientException) assertThrows(java.util.concurrent.ExecutionException.class, filler::get)
                            .getCause();
            assertEquals(ClsClientException.Reason.BUFFER_FULL, e.reason());
            assertTrue(e.getMessage().contains("buffer is full"), e.getMessage());
        }
    }
}
