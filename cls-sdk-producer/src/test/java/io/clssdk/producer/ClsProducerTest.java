package io.clssdk.producer;

import static io.clssdk.producer.ProducerHarness.TOPIC;
import static io.clssdk.producer.ProducerHarness.await;
import static io.clssdk.producer.ProducerHarness.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.clssdk.core.ClsClientException;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.internal.proto.ClsProto;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.core.testing.ReceivedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The producer's normal life: sending, batching, metadata, flush, close, callbacks, threads. */
class ClsProducerTest {

    @Test
    void futuresAndCallbacksCompleteWithTheLogsDeliveredExactly() throws Exception {
        try (ProducerHarness h = new ProducerHarness(o -> o.tag("env", "test"))) {
            CompletableFuture<SendResult> future = h.producer.send(TOPIC, log(1));
            CompletableFuture<SendResult> viaCallback = new CompletableFuture<>();
            h.producer.send(TOPIC, log(2), viaCallback::complete);
            h.producer.flush();

            SendResult r1 = future.get(5, TimeUnit.SECONDS);
            assertTrue(r1.success(), r1.toString());
            assertSame(r1, viaCallback.get(5, TimeUnit.SECONDS), "logs of one batch share one result");
            assertNull(r1.error());
            assertEquals(1, r1.attempts().size());

            List<ReceivedLog> logs = h.server.logs(TOPIC);
            assertEquals(2, logs.size());
            ReceivedLog first = logs.get(0);
            assertEquals(1_700_000_000_001L, first.timeMs());
            assertEquals("1", first.field("seq"));
            assertEquals("log number 1", first.field("message"));
            assertEquals("10.1.2.3", first.source());
            assertEquals("test-host", first.hostname());
            assertNull(first.filename());
            assertEquals(Collections.singletonMap("env", "test"), first.tags());
            assertTrue(Pattern.matches("[0-9A-F]{16}-[0-9A-F]+", first.contextFlow()), first.contextFlow());
            assertEquals(r1.requestId(), first.requestId());
        }
    }

    @Test
    void lingerSealsABatchOnlyWhenItsTimeComes() {
        try (ProducerHarness h = new ProducerHarness(o -> o.linger(Duration.ofSeconds(2)))) {
            h.producer.send(TOPIC, log(1));
            h.clock.advance(Duration.ofMillis(1900));
            h.awaitIdle();
            assertEquals(0, h.server.requestCount(), "nothing is sent before the linger expires");
            h.clock.advance(Duration.ofMillis(200));
            await("the lingering batch arrived", () -> h.server.logCount() == 1);
        }
    }

    @Test
    void batchesCloseAtCountAndSizeAndRespectTheLimits() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(100).maxBatchBytes(16 * 1024))) {
            for (int i = 0; i < 250; i++) {
                h.producer.send(TOPIC, log(i));
            }
            await("the two full batches arrived", () -> h.server.logCount() == 200);
            for (ReceivedRequest r : h.server.requests()) {
                assertEquals(100, r.logs());
                assertTrue(r.rawBytes() <= 16 * 1024, "body of " + r.rawBytes() + " bytes");
            }
            StringBuilder big = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                big.append("0123456789");
            }
            for (int i = 0; i < 40; i++) {
                h.producer.send(TOPIC, LogRecord.of(i, "big", big.toString()));
            }
            h.producer.flush();
            for (ReceivedRequest r : h.server.requests()) {
                assertTrue(r.rawBytes() <= 16 * 1024, "body of " + r.rawBytes() + " bytes");
            }
            assertEquals(290, h.server.logCount());
        }
    }

    @Test
    void aLogLargerThanABatchTravelsAlone() {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchBytes(8 * 1024))) {
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < 100_000; i++) {
                value.append('x');
            }
            h.producer.send(TOPIC, log(1));
            h.producer.send(TOPIC, LogRecord.of(7, "huge", value.toString()));
            h.producer.send(TOPIC, log(3));
            h.producer.flush();
            assertEquals(3, h.server.logCount());
            // three batches, uploaded concurrently: find the big log rather than rely on arrival order
            String received = h.server.logs(TOPIC).stream()
                    .filter(l -> l.field("huge") != null)
                    .map(l -> l.field("huge"))
                    .findFirst()
                    .orElse(null);
            assertTrue(value.toString().equals(received), "the 100,000-character value arrived intact");
        }
    }

    @Test
    void flushSendsWithoutWaitingForLingerAndWaitsForCallbacks() {
        try (ProducerHarness h = new ProducerHarness(o -> o.linger(Duration.ofMinutes(1)))) {
            AtomicInteger callbacks = new AtomicInteger();
            for (int i = 0; i < 10; i++) {
                h.producer.send("t" + (i % 3), log(i), r -> callbacks.incrementAndGet());
            }
            h.producer.flush();
            assertEquals(10, callbacks.get(), "flush returns after every callback ran");
            assertEquals(10, h.server.logCount());
        }
    }

    @Test
    void closeDeliversEverythingAndLaterSendsFailFast() {
        ProducerHarness h = new ProducerHarness(o -> o.linger(Duration.ofMinutes(1)));
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(h.producer.send("topic-" + (i % 5), log(i)));
        }
        assertTrue(h.producer.close(Duration.ofSeconds(10)));
        assertTrue(h.producer.close(Duration.ofSeconds(1)), "close is idempotent");
        for (CompletableFuture<SendResult> f : futures) {
            assertTrue(f.isDone() && f.join().success());
        }
        assertEquals(1000, h.server.logCount());
        ClsClientException e = assertThrows(ClsClientException.class, () -> h.producer.send(TOPIC, log(1)));
        assertEquals(ClsClientException.Reason.CLOSED, e.reason());
        ProducerMetrics m = h.producer.metrics();
        assertEquals(1000, m.accepted());
        assertEquals(1000, m.succeeded());
        assertEquals(0, m.pending());
        h.server.close();
    }

    @Test
    void badArgumentsAreRejectedAtSendWithClearMessages() {
        try (ProducerHarness h = new ProducerHarness(o -> {})) {
            ClsClientException blank = assertThrows(ClsClientException.class, () -> h.producer.send(" ", log(1)));
            assertTrue(blank.getMessage().contains("topicId"), blank.getMessage());
            ClsClientException hashKey =
                    assertThrows(ClsClientException.class, () -> h.producer.send(TOPIC, "a b", log(1)));
            assertTrue(hashKey.getMessage().contains("hashKey"), hashKey.getMessage());
            String oneMiBAndMore = repeat('x', 1024 * 1024 + 1);
            ClsClientException value = assertThrows(
                    ClsClientException.class, () -> h.producer.send(TOPIC, LogRecord.of(1, "v", oneMiBAndMore)));
            assertTrue(value.getMessage().contains("1 MiB"), value.getMessage());
            String oneMiB = repeat('x', 1024 * 1024);
            LogRecord.Builder sixValues = LogRecord.builder();
            for (int i = 0; i < 6; i++) {
                sixValues.field("v" + i, oneMiB);
            }
            ClsClientException request =
                    assertThrows(ClsClientException.class, () -> h.producer.send(TOPIC, sixValues.build()));
            assertEquals(ClsClientException.Reason.INVALID_ARGUMENT, request.reason());
            assertThrows(NullPointerException.class, () -> h.producer.send(TOPIC, (LogRecord) null));
            assertThrows(NullPointerException.class, () -> h.producer.send(TOPIC, log(1), (SendCallback) null));
            assertEquals(0, h.producer.metrics().accepted(), "rejected logs are not counted as accepted");
            h.producer.flush();
            assertEquals(0, h.server.requestCount());
        }
    }

    @Test
    void callbacksRunOffTheIoThreadsAndASlowOrThrowingCallbackStallsNothing() throws Exception {
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(10))) {
            CountDownLatch release = new CountDownLatch(1);
            List<String> threads = new CopyOnWriteArrayList<>();
            AtomicInteger completed = new AtomicInteger();
            SendCallback slowOnce = r -> {
                threads.add(Thread.currentThread().getName());
                completed.incrementAndGet();
                if (completed.get() == 1) {
                    awaitQuietly(release);
                }
                throw new IllegalStateException("callbacks may throw");
            };
            for (int i = 0; i < 50; i++) {
                h.producer.send(TOPIC, log(i), slowOnce);
            }
            await(
                    "all batches uploaded and decided while the first callback is stuck",
                    () -> h.server.logCount() == 50 && h.producer.metrics().succeeded() == 50 && completed.get() == 1);
            assertEquals(1, completed.get(), "the callback thread is still held by the first callback");
            release.countDown();
            await("every callback ran despite the exceptions", () -> completed.get() == 50);
            for (String name : threads) {
                assertTrue(name.endsWith("-callback"), name);
            }
        }
    }

    @Test
    void aUserExecutorRunsTheCallbacks() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "user-callbacks"));
        try (ProducerHarness h = new ProducerHarness(o -> o.callbackExecutor(executor))) {
            String[] thread = new String[1];
            h.producer.send(
                    TOPIC, log(1), r -> thread[0] = Thread.currentThread().getName());
            h.producer.flush();
            assertEquals("user-callbacks", thread[0]);
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void closeAndFlushFromACallbackDoNotDeadlock() {
        ProducerHarness h = new ProducerHarness(o -> {});
        CompletableFuture<Boolean> closedFromCallback = new CompletableFuture<>();
        h.producer.send(TOPIC, log(1), r -> {
            h.producer.flush();
            closedFromCallback.complete(h.producer.close(Duration.ofSeconds(5)));
        });
        h.producer.send(TOPIC, log(2));
        h.producer.flush();
        await("close called from the callback returned", closedFromCallback::isDone);
        assertEquals(2, h.server.logCount());
        assertTrue(h.producer.close(Duration.ofSeconds(5)));
        await("producer threads ended", () -> producerThreads(h.producer.id()).isEmpty());
        h.server.close();
    }

    @Test
    void creatingAndClosingAHundredProducersLeavesNoThreads() {
        int before = liveThreads();
        try (FakeClsServer server = FakeClsServer.start()) {
            for (int i = 0; i < 100; i++) {
                ClsProducer p = ClsProducer.builder()
                        .endpoint(server.endpoint())
                        .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                        .options(ProducerOptions.builder()
                                .sourceIp("10.0.0.1")
                                .hostname("h")
                                .build())
                        .build();
                p.send(TOPIC, log(i));
                assertTrue(p.close(Duration.ofSeconds(10)));
            }
            assertEquals(100, server.logCount());
        }
        await("no producer thread is left", () -> producerThreads("").isEmpty());
        // a closed producer's HTTP watchdog thread ends with it; nothing grows with producers
        assertTrue(liveThreads() <= before + 6, "threads before " + before + ", after " + liveThreads());
    }

    @Test
    void metricsAreASnapshotAndPublishedOverJmx() throws Exception {
        try (FakeClsServer server = FakeClsServer.start()) {
            DefaultProducerAccess p = new DefaultProducerAccess(server);
            p.producer.send(TOPIC, log(1));
            p.producer.send(TOPIC, log(2));
            p.producer.flush();
            ProducerMetrics m = p.producer.metrics();
            assertEquals(2, m.accepted());
            assertEquals(2, m.succeeded());
            assertEquals(0, m.failed());
            assertEquals(1, m.requests());
            assertTrue(m.rawBytes() > 0 && m.compressedBytes() > 0);
            assertEquals(0, m.batchesInFlight());
            assertTrue(m.bufferFreeBytes() > 0);
            assertTrue(m.requestLatencyMaxMs() > 0);
            ObjectName name = new ObjectName("io.clssdk:type=ClsProducer,name=\"" + p.id() + "\"");
            assertEquals(2L, ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Succeeded"));
            assertEquals(0L, ManagementFactory.getPlatformMBeanServer().getAttribute(name, "SurrogatesReplaced"));
            p.producer.close();
            assertFalse(ManagementFactory.getPlatformMBeanServer().isRegistered(name));
        }
    }

    @Test
    void unpairedSurrogatesAreCountedWarnedAboutOnceAMinuteAndSentAsProtobufJavaSendsThem() throws Exception {
        String high = "\uD83D";
        String low = "\uDE00";
        // 3 replaced: one in the key, two in the value; the well-formed pair is kept
        LogRecord first = LogRecord.builder()
                .timeMs(1)
                .field("key" + high, "value-marker-1 " + low + " and " + high)
                .field("pair", "\uD83D\uDE00 日志")
                .build();
        LogRecord clean = LogRecord.of(2, "plain", "value-marker-2 日志");
        LogRecord second = LogRecord.of(3, low + "lead", "value-marker-3" + high); // 2 replaced
        LogRecord later = LogRecord.of(4, "later", high + "value-marker-4"); // 1 replaced
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, "UTF-8"));
        String beforeLater;
        try (ProducerHarness h = new ProducerHarness(o -> {})) {
            h.producer.send(TOPIC, first);
            h.producer.send(TOPIC, clean);
            h.producer.send(TOPIC, second);
            assertEquals(5, h.producer.metrics().surrogatesReplaced());
            // stored before the last log is sent: two batches in flight at once may be stored in either order
            h.producer.flush();
            beforeLater = captured.toString("UTF-8");
            h.clock.advance(Duration.ofSeconds(61));
            h.producer.send(TOPIC, later);
            h.producer.flush();
            assertEquals(6, h.producer.metrics().surrogatesReplaced());

            assertEquals(0, h.server.invalidUtf8Values());
            List<ReceivedLog> stored = h.server.logs(TOPIC);
            LogRecord[] sent = {first, clean, second, later};
            assertEquals(sent.length, stored.size());
            for (int i = 0; i < sent.length; i++) {
                List<Map.Entry<String, String>> expected = new ArrayList<>();
                for (int f = 0; f < sent[i].fieldCount(); f++) {
                    expected.add(new AbstractMap.SimpleImmutableEntry<>(
                            asProtobufJavaSendsIt(sent[i].key(f)), asProtobufJavaSendsIt(sent[i].value(f))));
                }
                assertEquals(expected, stored.get(i).fields(), "log " + i);
            }
            assertEquals("key?", stored.get(0).fields().get(0).getKey());
        } finally {
            System.setErr(originalErr);
        }
        String all = captured.toString("UTF-8");
        List<String> warnings = warnLines(all);
        assertEquals(2, warnings.size(), all);
        assertEquals(warnings.subList(0, 1), warnLines(beforeLater), "one WARN in the first minute");
        assertTrue(
                warnings.get(0)
                        .contains("Sent 3 unpaired UTF-16 surrogate(s) as '?' in a log to topic " + TOPIC
                                + " (field 'key\\uD83D')"),
                warnings.get(0));
        assertTrue(warnings.get(0).contains("0 more were replaced since the previous such warning"), warnings.get(0));
        assertTrue(
                warnings.get(1).contains("Sent 1 unpaired") && warnings.get(1).contains("(field 'later')"));
        assertTrue(warnings.get(1).contains("2 more were replaced since the previous such warning"), warnings.get(1));
        assertFalse(all.contains("value-marker"), "a value appears in the log output: " + all);
    }

    private static List<String> warnLines(String output) {
        List<String> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.contains("WARN") && line.contains("unpaired UTF-16 surrogate")) {
                out.add(line);
            }
        }
        return out;
    }

    /** What protobuf-java's generated classes put on the wire for {@code s}, read back. */
    private static String asProtobufJavaSendsIt(String s) throws InvalidProtocolBufferException {
        byte[] wire = ClsProto.Log.Content.newBuilder()
                .setKey("k")
                .setValue(s)
                .build()
                .toByteArray();
        return ClsProto.Log.Content.parseFrom(wire).getValue();
    }

    /** A producer built through the public builder with JMX on. */
    private static final class DefaultProducerAccess {
        final ClsProducer producer;

        DefaultProducerAccess(FakeClsServer server) {
            producer = ClsProducer.builder()
                    .endpoint(server.endpoint())
                    .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                    .build();
        }

        String id() {
            return ((io.clssdk.producer.internal.DefaultClsProducer) producer).id();
        }
    }

    static Set<String> producerThreads(String producerId) {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("cls-producer-" + producerId.replace("producer-", "")))
                .collect(Collectors.toSet());
    }

    private static int liveThreads() {
        return Thread.activeCount();
    }

    static String repeat(char c, int n) {
        char[] chars = new char[n];
        java.util.Arrays.fill(chars, c);
        return new String(chars);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
