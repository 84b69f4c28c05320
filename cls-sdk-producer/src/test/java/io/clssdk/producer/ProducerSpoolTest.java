package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.producer.internal.DefaultClsProducer;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk spool: what an earlier producer left undelivered is sent by the next one on the same directory. */
class ProducerSpoolTest {
    static final String TOPIC = "topic-spool";

    @TempDir
    Path dir;

    private final FakeClsServer server = FakeClsServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    static LogRecord log(long seq) {
        return ProducerHarness.log(seq);
    }

    /** A producer whose 200 logs, four batches, all failed at close: returns the segment holding them. */
    Path fourBatchesLeftUndelivered() throws IOException {
        endpointDown();
        ClsProducer first = producer(s -> {}, o -> o.maxBatchCount(50));
        for (int i = 0; i < 200; i++) {
            first.send(TOPIC, log(i));
        }
        Await.until("the batches were tried", () -> server.requestCount() >= 4);
        closeDuringOutage(first);
        server.clearFaults();
        try (Stream<Path> s = Files.list(dir.resolve("spool"))) {
            return s.filter(p -> p.toString().endsWith(".seg")).findFirst().get();
        }
    }

    ClsProducer producer(Consumer<SpoolOptions.Builder> spool, Consumer<ProducerOptions.Builder> options) {
        SpoolOptions.Builder s = SpoolOptions.builder(dir.resolve("spool")).fsyncInterval(Duration.ofMillis(100));
        spool.accept(s);
        ProducerOptions.Builder o = ProducerOptions.builder()
                .sourceIp("10.0.0.1")
                .hostname("h")
                .jmx(false)
                .linger(Duration.ofMillis(100))
                .streamLinger(Duration.ofMillis(100))
                .retryBackoffMax(Duration.ofMillis(200))
                .spool(s.build());
        options.accept(o);
        return ClsProducer.builder()
                .endpoint(server.endpoint())
                .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                .options(o.build())
                .build();
    }

    /**
     * Closes {@code p} while the endpoint is down (what is pending fails with CLOSED) and waits until its threads
     * ended: a request still on the wire when the endpoint comes back would store a batch the spool keeps as well.
     */
    static void closeDuringOutage(ClsProducer p) {
        p.close(Duration.ofMillis(200));
        String prefix = "cls-" + ((DefaultClsProducer) p).id() + "-";
        Await.until(
                "the producer's threads ended",
                () -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().startsWith(prefix)));
    }

    /** The endpoint answers every request with a 500 until {@link FakeClsServer#clearFaults()}. */
    void endpointDown() {
        server.failRandomly(1.0, 1, Fault.error(500, "InternalError", "down for the test"));
    }

    Set<Long> storedSeqs() {
        return server.logs(TOPIC).stream()
                .map(l -> Long.parseLong(l.field("seq")))
                .collect(Collectors.toSet());
    }

    long segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("spool"))) {
            return s.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }

    @Test
    void logsUndeliveredAtCloseAreSentByTheNextProducerWithTheirContextFlow() throws IOException {
        endpointDown();
        ClsProducer first = producer(s -> {}, o -> {});
        for (int i = 0; i < 500; i++) {
            first.send(TOPIC, "key-" + (i % 3), log(i));
        }
        Await.until("the batches were tried", () -> server.requestCount() >= 3);
        closeDuringOutage(first);
        assertEquals(500, first.metrics().failed());
        assertEquals(0, server.logCount());
        server.clearFaults();

        ConcurrentLinkedQueue<Integer> told = new ConcurrentLinkedQueue<>();
        ClsProducer second = producer(s -> s.onReplayed((topic, key, logs, result) -> told.add(logs)), o -> {});
        second.send(TOPIC, "key-0", log(999)).join();
        Await.until("the spooled logs were replayed", () -> second.metrics().replayedSucceeded() == 500);
        assertTrue(second.close(Duration.ofSeconds(10)));
        assertEquals(501, server.logCount(), "every log once");
        assertEquals(501, storedSeqs().size());
        assertEquals(500, told.stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, second.metrics().accepted());
        List<ReceivedLog> stored = server.logs(TOPIC);
        Set<String> replayedPrefixes = stored.stream()
                .filter(l -> !l.field("seq").equals("999"))
                .map(l -> l.contextFlow().substring(0, l.contextFlow().indexOf('-')))
                .collect(Collectors.toSet());
        String newFlow = stored.stream()
                .filter(l -> l.field("seq").equals("999"))
                .findFirst()
                .get()
                .contextFlow();
        assertEquals(1, replayedPrefixes.size(), "replayed batches keep the first producer's context flows");
        assertFalse(replayedPrefixes.contains(newFlow.substring(0, newFlow.indexOf('-'))));
        assertInOrderPerKey(stored);
        List<ReceivedLog> key0 = stored.stream()
                .filter(l -> Integer.parseInt(l.field("seq")) % 3 == 0) // log i went with key-(i % 3)
                .collect(Collectors.toList());
        assertEquals("999", key0.get(key0.size() - 1).field("seq"), "key-0's new log after its replayed ones");
        assertEquals(0, segmentFiles(), "every segment is done and deleted");
    }

    @Test
    void aCleanCloseLeavesNothingToReplay() throws IOException {
        ClsProducer first = producer(s -> {}, o -> {});
        for (int i = 0; i < 300; i++) {
            first.send(TOPIC, log(i));
        }
        assertTrue(first.close(Duration.ofSeconds(10)));
        assertEquals(300, server.logCount());
        assertEquals(0, segmentFiles());

        ClsProducer second = producer(s -> {}, o -> {});
        second.send(TOPIC, log(300));
        assertTrue(second.close(Duration.ofSeconds(10)));
        assertEquals(0, second.metrics().replayedSucceeded());
        assertEquals(301, server.logCount(), "nothing delivered before is sent again");
    }

    @Test
    void aSecondProducerOnTheSameDirectoryIsRefusedNamingIt() throws IOException {
        ClsProducer first = producer(s -> {}, o -> {});
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> producer(s -> {}, o -> {}));
            assertTrue(e.getMessage().contains(dir.resolve("spool").toString()), e.getMessage());
            assertTrue(e.getMessage().contains("in use by another producer"), e.getMessage());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals(
                        "rwx------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("spool"))),
                        "the spool directory is private");
            }
        } finally {
            first.close(Duration.ofSeconds(10));
        }
        ClsProducer again = producer(s -> {}, o -> {}); // released at close
        assertTrue(again.close(Duration.ofSeconds(10)));
    }

    @Test
    void aTornTailIsTruncatedAndTheRecordsBeforeItAreReplayed() throws IOException {
        Path segment = fourBatchesLeftUndelivered();
        // a record cut short: the start of a copy of the first record's length prefix and a few bytes
        byte[] head = Files.readAllBytes(segment);
        Files.write(segment, Arrays.copyOf(head, 20), StandardOpenOption.APPEND);
        endpointDown();
        ClsProducer reader = producer(s -> {}, o -> o.maxRetries(0)); // truncates at start; delivers nothing
        assertEquals(head.length, Files.size(segment), "the torn record was cut off");
        Await.until("the replay failed once", () -> reader.metrics().replayedFailed() == 200);
        assertTrue(reader.close(Duration.ofSeconds(10)));
        server.clearFaults();

        ClsProducer second = producer(s -> {}, o -> {});
        Await.until("the spooled logs were replayed", () -> second.metrics().replayedSucceeded() == 200);
        assertTrue(second.close(Duration.ofSeconds(10)));
        assertEquals(200, server.logCount());
        assertEquals(200, storedSeqs().size());
    }

    @Test
    void aCorruptRecordIsSetAsideAndTheProducerStarts() throws IOException {
        Path segment = fourBatchesLeftUndelivered();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x5A; // inside the 2nd or 3rd of 4 records
        Files.write(segment, bytes);

        ClsProducer second = producer(s -> {}, o -> {});
        second.send(TOPIC, log(1000));
        assertTrue(second.close(Duration.ofSeconds(10)));
        long replayed = second.metrics().replayedSucceeded();
        assertTrue(replayed >= 50 && replayed <= 150 && replayed % 50 == 0, "replayed " + replayed);
        assertEquals(replayed + 1, server.logCount(), "the records before the corrupt one, and the new log");
        assertTrue(Files.exists(segment.resolveSibling(segment.getFileName() + ".corrupt")));
    }

    @Test
    void aFullSpoolBlocksSendThenFailsWithBufferFull() {
        endpointDown();
        ClsProducer p = producer(
                s -> s.segmentBytes(64 * 1024).maxBytes(128 * 1024),
                o -> o.maxBatchCount(20).maxBlock(Duration.ofMillis(100)));
        AtomicLong accepted = new AtomicLong();
        ClsClientException e = assertThrows(ClsClientException.class, () -> {
            for (long i = 0; i < 1_000_000; i++) {
                p.send(TOPIC, log(i));
                accepted.incrementAndGet();
            }
        });
        assertEquals(ClsClientException.Reason.BUFFER_FULL, e.reason());
        assertTrue(e.getMessage().contains("disk spool"), e.getMessage());
        assertTrue(p.metrics().spoolBytes() >= 128 * 1024);
        closeDuringOutage(p);
        server.clearFaults();

        ClsProducer second = producer(s -> s.segmentBytes(64 * 1024).maxBytes(128 * 1024), o -> {});
        Await.until("the spooled logs were replayed", () -> second.metrics().replayedSucceeded() == accepted.get());
        assertTrue(second.close(Duration.ofSeconds(10)));
        assertEquals(accepted.get(), storedSeqs().size(), "nothing accepted was lost");
    }

    @Test
    void aFullSpoolDropsItsOldestSegmentCountingItsLogs() {
        endpointDown();
        Consumer<SpoolOptions.Builder> small =
                s -> s.segmentBytes(64 * 1024).maxBytes(128 * 1024).whenFull(SpoolOptions.WhenFull.DROP_OLDEST);
        ClsProducer p = producer(small, o -> o.maxBatchCount(20));
        int sent = 5000;
        for (int i = 0; i < sent; i++) {
            p.send(TOPIC, log(i));
        }
        Await.until("segments were dropped", () -> p.metrics().spoolDroppedLogs() > 0);
        long dropped = p.metrics().spoolDroppedLogs();
        assertTrue(dropped > 0, "the oldest segments were dropped");
        assertTrue(p.metrics().spoolBytes() <= 128 * 1024 + 64 * 1024);
        closeDuringOutage(p);
        server.clearFaults();

        ClsProducer second = producer(small, o -> {});
        Await.until("the spooled logs were replayed", () -> second.metrics().replayedSucceeded() == sent - dropped);
        assertTrue(second.close(Duration.ofSeconds(10)));
        Set<Long> stored = new TreeSet<>(storedSeqs());
        assertEquals(sent - dropped, stored.size());
        assertTrue(stored.contains((long) sent - 1), "the newest logs are kept");
    }

    @Test
    void logsFailedByTheDeliveryTimeoutStayInTheSpoolAndAreSentOnceTheEndpointIsBack() throws IOException {
        endpointDown();
        ConcurrentLinkedQueue<Integer> told = new ConcurrentLinkedQueue<>();
        ClsProducer p = producer(
                s -> s.onReplayed((topic, key, logs, result) -> told.add(result.success() ? logs : 0)),
                o -> o.deliveryTimeout(Duration.ofMillis(500)));
        for (int i = 0; i < 100; i++) {
            p.send(TOPIC, log(i));
        }
        Await.until("the delivery timeout failed them", () -> p.metrics().expired() == 100);
        assertEquals(0, server.logCount());
        server.clearFaults();
        Await.until("the spooled batches were sent again", () -> p.metrics().replayedSucceeded() == 100);
        assertTrue(p.close(Duration.ofSeconds(10)));
        assertEquals(100, told.stream().mapToInt(Integer::intValue).sum());
        assertEquals(100, storedSeqs().size());
        assertEquals(0, segmentFiles(), "done and deleted");

        ClsProducer second = producer(s -> {}, o -> {});
        assertTrue(second.close(Duration.ofSeconds(10)));
        assertEquals(0, second.metrics().replayedSucceeded());
        assertEquals(100, server.logCount(), "nothing sent twice");
    }

    @Test
    void logsFailedByTheDeliveryTimeoutAndNotSentAgainBeforeCloseAreSentByTheNextStart() {
        endpointDown();
        ClsProducer p = producer(s -> {}, o -> o.deliveryTimeout(Duration.ofMillis(500)));
        for (int i = 0; i < 100; i++) {
            p.send(TOPIC, log(i));
        }
        Await.until("the delivery timeout failed them", () -> p.metrics().expired() == 100);
        closeDuringOutage(p);
        server.clearFaults();

        ClsProducer second = producer(s -> {}, o -> {});
        Await.until("the spooled logs were replayed", () -> second.metrics().replayedSucceeded() == 100);
        assertTrue(second.close(Duration.ofSeconds(10)));
        assertEquals(100, storedSeqs().size());
    }

    @Test
    void anOutageLongerThanTheMemoryBufferSpillsToTheSpoolAndLosesNothing() {
        endpointDown();
        ClsProducer p = producer(
                s -> {},
                o -> o.maxBatchBytes(64 * 1024).totalBufferBytes(1024 * 1024).maxBlock(Duration.ofSeconds(30)));
        AtomicLong failedCallbacks = new AtomicLong();
        SendCallback shared = r -> {
            if (!r.success()) {
                failedCallbacks.incrementAndGet();
            }
        };
        int sent = 100_000; // about 5 MB encoded: five times the memory buffer
        for (int i = 0; i < sent; i++) {
            p.send(TOPIC, null, log(i), shared); // never BUFFER_FULL: waiting batches spill to disk
        }
        assertTrue(p.metrics().spoolBytes() > 4 * 1024 * 1024, "the backlog is on disk: " + p.metrics());
        assertEquals(0, server.logCount());
        server.clearFaults();
        p.flush();
        assertTrue(p.close(Duration.ofSeconds(30)));
        assertEquals(sent, p.metrics().succeeded(), p.metrics().toString());
        assertEquals(0, failedCallbacks.get());
        assertEquals(sent, storedSeqs().size(), "nothing lost");
        assertEquals(sent, server.logCount(), "nothing sent twice");
    }

    @Test
    void aBatchCLSRejectsIsDoneInTheSpoolAndNotReplayed() throws IOException {
        server.enqueue(Fault.error(400, "InvalidParam", "rejected for the test"));
        ClsProducer p = producer(s -> {}, o -> {});
        SendResult r = p.send(TOPIC, log(1)).join();
        assertFalse(r.success());
        assertTrue(p.close(Duration.ofSeconds(10)));
        assertEquals(0, segmentFiles());
    }

    static void assertInOrderPerKey(List<ReceivedLog> logs) {
        long[] last = {-1, -1, -1};
        for (ReceivedLog l : logs) {
            if (l.field("seq").equals("999")) {
                continue;
            }
            long seq = Long.parseLong(l.field("seq"));
            int key = (int) (seq % 3);
            assertTrue(seq > last[key], "key-" + key + ": " + seq + " after " + last[key]);
            last[key] = seq;
        }
    }

    @Test
    void theSpoolCapsLingerSoAKilledProcessLosesAtMostTheFsyncInterval() {
        Path spoolDir = dir.resolve("capped");
        try (ProducerHarness h = new ProducerHarness(o -> o.linger(Duration.ofSeconds(30))
                .deliveryTimeout(Duration.ofSeconds(120))
                .spool(SpoolOptions.builder(spoolDir)
                        .fsyncInterval(Duration.ofMillis(500))
                        .build()))) {
            h.producer.send(TOPIC, log(1));
            // a linger of 30 s would hold the batch (in memory only) for 30 s of test time; the spool seals it at 500
            // ms
            h.advanceUntil(
                    "the log was sealed, spooled and sent",
                    () -> h.server.logCount() == 1,
                    Duration.ofMillis(100),
                    Duration.ofSeconds(2));
        }
    }
}
