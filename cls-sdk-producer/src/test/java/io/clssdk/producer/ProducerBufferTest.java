package io.clssdk.producer;

import static io.clssdk.producer.ProducerHarness.TOPIC;
import static io.clssdk.producer.ProducerHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.producer.internal.DefaultClsProducer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The buffer bound under pressure: senders blocked on a full buffer, what a pending log costs, many topics. */
class ProducerBufferTest {

    @Test
    void closeWakesEverySendBlockedOnAFullBufferWithClosed() throws Exception {
        ProducerOptions options = ProducerOptions.builder()
                .sourceIp("10.1.2.3")
                .hostname("test-host")
                .jmx(false)
                .maxBatchBytes(64 * 1024)
                .totalBufferBytes(128 * 1024)
                .maxBlock(Duration.ofSeconds(60))
                .build();
        // real time: maxBlock and close's deadline are what this is about; the endpoint refuses every connection
        DefaultClsProducer producer = DefaultClsProducer.create(
                ClsEndpoint.parse("http://127.0.0.1:" + closedPort()),
                CredentialsProvider.of(FakeClsServer.credentials()),
                options);
        List<CompletableFuture<SendResult>> accepted = new CopyOnWriteArrayList<>();
        List<Thread> senders = new ArrayList<>();
        List<AtomicReference<Throwable>> outcomes = new ArrayList<>();
        String padding = ClsProducerTest.repeat('x', 1000);
        for (int t = 0; t < 3; t++) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            int thread = t;
            Thread sender = new Thread(
                    () -> {
                        try {
                            for (int i = 0; ; i++) {
                                accepted.add(producer.send(TOPIC, LogRecord.of(i, "pad", thread + padding)));
                            }
                        } catch (Throwable e) {
                            outcome.set(e);
                        }
                    },
                    "blocked-sender-" + t);
            outcomes.add(outcome);
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            await(sender.getName() + " waits for buffer space", () -> waitsForBuffer(sender));
        }

        long start = System.nanoTime();
        boolean closed = producer.close(Duration.ofSeconds(2));
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(30)); // far below the 60 s maxBlock
            assertFalse(sender.isAlive(), sender.getName() + " is still blocked in send() after close()");
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertFalse(closed, "the refused logs were not delivered");
        assertTrue(tookMs < 30_000, "close and the blocked sends returned long before maxBlock: " + tookMs + " ms");
        for (AtomicReference<Throwable> outcome : outcomes) {
            Throwable e = outcome.get();
            assertNotNull(e);
            assertTrue(e instanceof ClsClientException, e.toString());
            assertEquals(ClsClientException.Reason.CLOSED, ((ClsClientException) e).reason(), e.toString());
        }
        for (CompletableFuture<SendResult> f : accepted) {
            SendResult r = f.get(30, TimeUnit.SECONDS);
            assertFalse(r.success());
            assertEquals(ClsClientException.Reason.CLOSED, ((ClsClientException) r.error()).reason());
        }
        assertEquals(0, producer.metrics().pending());
        assertEquals(accepted.size(), producer.metrics().accepted());
    }

    @Test
    void manyTopicsShareASmallBufferWithoutRefusalsWhileTheEndpointKeepsUp() throws Exception {
        int threads = 4;
        int topicsPerThread = 1000; // threads 0 and 2 send to topics 0-999, threads 1 and 3 to 1000-1999
        int orderedLogs = 500;
        // Every log of the four threads has a partition of its own: a thread sends one log per topic, and each thread
        // has its own hash key (thread 0 none). So a log in flight holds a whole batch, 2 KiB + 376 B, and a full
        // window of 720 holds 1.74 MB: under the 2 MiB bound with room for the ordered stream (maxBlock 0 is never
        // refused), over the three quarters (1.57 MB) at which memory runs low. The fake clock never reaches the
        // linger: the window frees only if partial batches are sent early.
        Semaphore inFlight = new Semaphore(720);
        try (ProducerHarness h = new ProducerHarness(o ->
                o.maxBatchBytes(64 * 1024).totalBufferBytes(2 * 1024 * 1024).maxBlock(Duration.ZERO))) {
            List<Throwable> problems = new CopyOnWriteArrayList<>();
            SendCallback release = r -> {
                if (!r.success()) {
                    problems.add(r.error());
                }
                inFlight.release();
            };
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                String hashKey = thread == 0 ? null : String.format("%02x", thread);
                senders.add(new Thread(
                        () -> {
                            try {
                                for (int i = 0; i < topicsPerThread; i++) {
                                    if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                                        throw new AssertionError("thread " + thread + ": no log completed in 30 s"
                                                + " after " + i + " sends; partial batches held the memory");
                                    }
                                    int topic = (thread % 2) * topicsPerThread + (i + 250 * thread) % topicsPerThread;
                                    h.producer.send("topic-" + topic, hashKey, record(thread, i), release);
                                }
                            } catch (Throwable e) {
                                problems.add(e);
                            }
                        },
                        "many-topics-" + t));
            }
            // one more thread sends to a single hash key without waiting: its logs must arrive in order
            senders.add(new Thread(
                    () -> {
                        try {
                            for (int i = 0; i < orderedLogs; i++) {
                                h.producer.send("topic-ordered", "ff", record(9, i), r -> {
                                    if (!r.success()) {
                                        problems.add(r.error());
                                    }
                                });
                            }
                        } catch (Throwable e) {
                            problems.add(e);
                        }
                    },
                    "ordered"));
            for (Thread sender : senders) {
                sender.start();
            }
            for (Thread sender : senders) {
                sender.join(TimeUnit.MINUTES.toMillis(2));
                assertFalse(sender.isAlive(), sender.getName() + " did not finish");
            }
            assertEquals(Collections.emptyList(), problems, "no BUFFER_FULL, no failure");
            h.producer.flush(); // the last partial batches linger; flush sends them

            int expected = threads * topicsPerThread + orderedLogs;
            assertEquals(expected, h.server.logCount(), "every log stored");
            assertEquals(expected, h.producer.metrics().succeeded());
            Set<String> topics = new HashSet<>();
            int previous = -1;
            for (ReceivedLog l : h.server.logs()) {
                topics.add(l.topicId());
                if (l.topicId().equals("topic-ordered")) {
                    int seq = Integer.parseInt(l.field("seq"));
                    assertEquals(previous + 1, seq, "hash key ff in order");
                    previous = seq;
                }
            }
            assertEquals(2 * topicsPerThread + 1, topics.size(), "every topic received its logs");
        }
    }

    private static LogRecord record(int thread, int seq) {
        return LogRecord.builder()
                .timeMs(1_700_000_000_000L + seq)
                .field("thread", Integer.toString(thread))
                .field("seq", Integer.toString(seq))
                .build();
    }

    /** True while {@code t} waits inside the producer's buffer pool for memory. */
    private static boolean waitsForBuffer(Thread t) {
        Thread.State state = t.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().endsWith(".BufferPool") && e.getMethodName().equals("awaitAvailable")) {
                return true;
            }
        }
        return false;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
