package io.clssdk.producer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.LogRecord;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.producer.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryProducerTest {
    private static final ClsServiceException DENIED = new ClsServiceException(403, "OperationDenied", "no", "req-9");

    private static LogRecord log(String message) {
        return LogRecord.builder().field("message", message).build();
    }

    @Test
    void recordsEveryAcceptedLogInOrderAndCompletesItAtOnce() {
        InMemoryProducer producer = InMemoryProducer.create();
        CompletableFuture<SendResult> first = producer.send("t1", log("a"));
        List<SendResult> callbacks = new ArrayList<>();
        producer.send("t2", "key-1", log("b"), callbacks::add);
        producer.send("t1", log("c"));

        assertTrue(first.isDone());
        assertTrue(first.join().success());
        assertEquals("in-memory-1", first.join().requestId());
        assertEquals(1, callbacks.size());
        List<SentLog> sent = producer.sent();
        assertEquals(3, sent.size());
        assertEquals("b", sent.get(1).record().value(0));
        assertEquals("t2", sent.get(1).topicId());
        assertEquals("key-1", sent.get(1).hashKey());
        assertSame(callbacks.get(0), sent.get(1).result());
        assertEquals(2, producer.sent("t1").size());
        assertEquals("c", producer.sent("t1").get(1).record().value(0));
        assertMetrics(producer.metrics(), 3, 3, 0);
    }

    @Test
    void failNextFailsExactlyThatManyLogs() {
        InMemoryProducer producer = InMemoryProducer.create();
        producer.failNext(2, DENIED);
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            producer.send("t", log("m" + i), results::add);
        }
        assertFalse(results.get(0).success());
        assertFalse(results.get(1).success());
        assertTrue(results.get(2).success());
        assertTrue(results.get(3).success());
        SendResult failure = results.get(0);
        assertSame(DENIED, failure.error());
        assertEquals("OperationDenied", failure.errorCode());
        assertEquals("req-9", failure.requestId());
        assertEquals(403, failure.attempts().get(0).httpStatus());
        assertMetrics(producer.metrics(), 4, 2, 2);
    }

    @Test
    void failWhenAndFailAllApplyUntilCleared() {
        InMemoryProducer producer = InMemoryProducer.create();
        ClsClientException timeout = new ClsClientException(ClsClientException.Reason.DELIVERY_TIMEOUT, "late");
        producer.failWhen((topic, record) -> record.value(0).startsWith("bad"), DENIED);
        assertFalse(producer.send("t", log("bad one")).join().success());
        assertTrue(producer.send("t", log("good one")).join().success());

        producer.failAll(timeout);
        assertSame(DENIED, producer.send("t", log("bad two")).join().error());
        SendResult other = producer.send("t", log("other")).join();
        assertEquals("DELIVERY_TIMEOUT", other.errorCode());
        assertNull(other.requestId());
        assertEquals(0, other.attempts().get(0).httpStatus());

        producer.failAll(null);
        producer.failWhen(null, null);
        assertTrue(producer.send("t", log("bad three")).join().success());
        assertMetrics(producer.metrics(), 5, 2, 3);
    }

    @Test
    void rejectsLikeTheRealProducerAndRecordsNothingRejected() {
        InMemoryProducer producer = InMemoryProducer.create();
        ClsClientException blank = assertThrows(ClsClientException.class, () -> producer.send(" ", log("x")));
        assertEquals(ClsClientException.Reason.INVALID_ARGUMENT, blank.reason());
        assertThrows(ClsClientException.class, () -> producer.send("t", "", log("x")));
        assertThrows(NullPointerException.class, () -> producer.send("t", null));

        assertTrue(producer.close(Duration.ofSeconds(1)));
        ClsClientException closed = assertThrows(ClsClientException.class, () -> producer.send("t", log("x")));
        assertEquals(ClsClientException.Reason.CLOSED, closed.reason());
        assertTrue(producer.sent().isEmpty());
        assertMetrics(producer.metrics(), 0, 0, 0);
    }

    @Test
    void flushWaitsForCallbacksOnTheExecutorAndCloseTimesOutWhileTheyArePending() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        InMemoryProducer producer = InMemoryProducer.create(queued::add);
        List<String> ran = new CopyOnWriteArrayList<>();
        producer.send("t", log("a"), r -> ran.add("a"));
        CompletableFuture<SendResult> b = producer.send("t", log("b"));
        b.thenRun(() -> ran.add("b"));
        assertEquals(2, producer.metrics().pending());
        assertTrue(ran.isEmpty());
        assertFalse(b.isDone());

        assertFalse(producer.close(Duration.ofMillis(20)));
        Thread runner = new Thread(() -> queued.forEach(Runnable::run));
        runner.start();
        producer.flush();
        assertEquals(Arrays.asList("a", "b"), ran);
        assertTrue(producer.close(Duration.ofSeconds(1)));
        runner.join();
        assertMetrics(producer.metrics(), 2, 2, 0);
    }

    @Test
    void aThrowingCallbackDoesNotReachTheSender() {
        InMemoryProducer producer = InMemoryProducer.create();
        producer.send("t", log("a"), r -> {
            throw new IllegalStateException("callback bug");
        });
        assertEquals(1, producer.sent().size());
        producer.flush();
        assertMetrics(producer.metrics(), 1, 1, 0);
    }

    @Test
    void flushFromACallbackDoesNotDeadlock() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            InMemoryProducer producer = InMemoryProducer.create(executor);
            CountDownLatch flushed = new CountDownLatch(1);
            producer.send("t", log("a"), r -> {
                producer.flush();
                flushed.countDown();
            });
            assertTrue(flushed.await(5, TimeUnit.SECONDS));
        } finally {
            executor.shutdownNow();
        }
    }

    private static void assertMetrics(ProducerMetrics m, long accepted, long succeeded, long failed) {
        assertEquals(accepted, m.accepted(), "accepted");
        assertEquals(succeeded, m.succeeded(), "succeeded");
        assertEquals(failed, m.failed(), "failed");
        assertEquals(0, m.pending(), "pending");
    }
}
