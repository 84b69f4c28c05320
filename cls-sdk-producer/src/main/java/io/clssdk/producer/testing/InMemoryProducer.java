package io.clssdk.producer.testing;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.Limits;
import io.clssdk.producer.Attempt;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.EncodedLogStream;
import io.clssdk.producer.ProducerMetrics;
import io.clssdk.producer.SendCallback;
import io.clssdk.producer.SendResult;
import io.clssdk.producer.internal.RecordStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClsProducer} for your own tests: it sends nothing, records every accepted log in send order and completes
 * it at once — successfully, or with the failure you scripted.
 *
 * <pre>{@code
 * InMemoryProducer producer = InMemoryProducer.create();
 * OrderService service = new OrderService(producer, "orders-topic");   // your code, written against ClsProducer
 * service.ship(42);
 * assertEquals(1, producer.sent("orders-topic").size());
 *
 * producer.failNext(1, new ClsServiceException(403, "OperationDenied", "denied", "req-1"));
 * service.ship(43);                                       // its callback sees a failed SendResult
 * assertEquals(1, producer.metrics().failed());
 * }</pre>
 *
 * <p>Like the real producer it rejects a blank topic id or malformed hash key ({@code INVALID_ARGUMENT}) and, after
 * {@link #close}, every send ({@code CLOSED}); a rejected log is not recorded and gets no callback. The outcome of a
 * log is decided when it is sent: the first of {@link #failNext}, {@link #failWhen} and {@link #failAll} that applies
 * fails it, otherwise it succeeds. Futures and callbacks complete on the callback executor: the sending thread by
 * default, so results are visible as soon as {@code send} returns; an exception thrown by a callback is logged and
 * ignored. {@link #metrics()} counts accepted, succeeded and failed logs; every other counter is zero. Thread-safe.
 */
public final class InMemoryProducer implements ClsProducer {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryProducer.class);

    private final Executor callbackExecutor;
    private final ThreadLocal<Boolean> inCallback = new ThreadLocal<>();
    private final List<SentLog> sent = new ArrayList<>();
    private int failNextCount;
    private ClsException failNextError;
    private BiPredicate<String, LogRecord> failWhen;
    private ClsException failWhenError;
    private ClsException failAllError;
    private boolean closed;
    private long accepted;
    private long succeeded;
    private long failed;
    private long callbacksRun;

    private InMemoryProducer(Executor callbackExecutor) {
        this.callbackExecutor = Objects.requireNonNull(callbackExecutor, "callbackExecutor");
    }

    /** A producer that completes futures and callbacks on the thread calling {@code send}. */
    public static InMemoryProducer create() {
        return new InMemoryProducer(Runnable::run);
    }

    /** A producer that completes futures and callbacks on {@code callbackExecutor} (never shut down by it). */
    public static InMemoryProducer create(Executor callbackExecutor) {
        return new InMemoryProducer(callbackExecutor);
    }

    @Override
    public CompletableFuture<SendResult> send(String topicId, String hashKey, LogRecord record) {
        CompletableFuture<SendResult> future = new CompletableFuture<>();
        accept(topicId, hashKey, record, future::complete, null, Collections.emptyMap());
        return future;
    }

    @Override
    public void send(String topicId, String hashKey, LogRecord record, SendCallback callback) {
        accept(topicId, hashKey, record, Objects.requireNonNull(callback, "callback"), null, Collections.emptyMap());
    }

    /**
     * A stream whose logs are recorded like sent ones, each with the stream's file name and tags ({@link
     * SentLog#filename()}, {@link SentLog#tags()}): a {@code CollectionSource} runs on this producer in tests.
     */
    @Override
    public EncodedLogStream openStream(String topicId, String filename, Map<String, String> extraTags) {
        synchronized (this) {
            if (closed) {
                throw closed();
            }
        }
        Map<String, String> tags = Collections.unmodifiableMap(new LinkedHashMap<>(extraTags));
        return new RecordStream((record, callback) -> accept(topicId, null, record, callback, filename, tags));
    }

    private void accept(
            String topicId,
            String hashKey,
            LogRecord record,
            SendCallback target,
            String filename,
            Map<String, String> tags) {
        Objects.requireNonNull(record, "record");
        SentLog log;
        synchronized (this) {
            if (closed) {
                throw closed();
            }
            Limits.checkTopicId(topicId);
            Limits.checkHashKey(hashKey);
            log = new SentLog(topicId, hashKey, record, outcome(topicId, record, ++accepted), filename, tags);
            sent.add(log);
        }
        SendResult result = log.result();
        callbackExecutor.execute(() -> complete(result, target));
    }

    private static ClsClientException closed() {
        return new ClsClientException(
                ClsClientException.Reason.CLOSED, "the producer is closed; create a new one to send more logs");
    }

    /** Decides a log's result; called with the lock held. */
    private SendResult outcome(String topicId, LogRecord record, long n) {
        ClsException error = null;
        if (failNextCount > 0) {
            failNextCount--;
            error = failNextError;
        } else if (failWhen != null && failWhen.test(topicId, record)) {
            error = failWhenError;
        } else if (failAllError != null) {
            error = failAllError;
        }
        long now = System.currentTimeMillis();
        if (error == null) {
            String requestId = "in-memory-" + n;
            return new SendResult(
                    true,
                    requestId,
                    null,
                    Collections.singletonList(new Attempt(now, true, 200, null, null, requestId)));
        }
        String code = new SendResult(false, null, error, Collections.emptyList()).errorCode();
        int status = error instanceof ClsServiceException ? ((ClsServiceException) error).httpStatus() : 0;
        String requestId = error instanceof ClsServiceException ? ((ClsServiceException) error).requestId() : null;
        return new SendResult(
                false,
                requestId,
                error,
                Collections.singletonList(new Attempt(now, false, status, code, error.getMessage(), requestId)));
    }

    private void complete(SendResult result, SendCallback target) {
        synchronized (this) {
            if (result.success()) {
                succeeded++;
            } else {
                failed++;
            }
        }
        inCallback.set(Boolean.TRUE);
        try {
            target.onCompletion(result);
        } catch (RuntimeException e) {
            LOG.warn("A send callback threw; ignored as the real producer does", e);
        } finally {
            inCallback.remove();
            synchronized (this) {
                callbacksRun++;
                notifyAll();
            }
        }
    }

    /** The next {@code count} accepted logs fail with {@code error}. */
    public synchronized void failNext(int count, ClsException error) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        failNextCount = count;
        failNextError = count == 0 ? null : Objects.requireNonNull(error, "error");
    }

    /**
     * From now on, accepted logs for which {@code predicate} returns true given their topic id and record fail with
     * {@code error}; {@code failWhen(null, null)} ends this.
     */
    public synchronized void failWhen(BiPredicate<String, LogRecord> predicate, ClsException error) {
        failWhen = predicate;
        failWhenError = predicate == null ? null : Objects.requireNonNull(error, "error");
    }

    /** From now on, every accepted log fails with {@code error}; {@code null} lets them succeed again. */
    public synchronized void failAll(ClsException error) {
        failAllError = error;
    }

    /** Every accepted log so far (including failed ones), in send order. */
    public synchronized List<SentLog> sent() {
        return new ArrayList<>(sent);
    }

    /** The accepted logs of one topic, in send order. */
    public synchronized List<SentLog> sent(String topicId) {
        List<SentLog> out = new ArrayList<>();
        for (SentLog log : sent) {
            if (log.topicId().equals(topicId)) {
                out.add(log);
            }
        }
        return out;
    }

    /** Forgets the recorded logs; metrics and scripted failures stay. */
    public synchronized void clear() {
        sent.clear();
    }

    /** Blocks until the callback of every log accepted so far has run (from a callback: returns at once). */
    @Override
    public void flush() {
        if (!awaitCompletion(Long.MAX_VALUE)) {
            throw new ClsClientException(ClsClientException.Reason.INTERRUPTED, "interrupted during flush()");
        }
    }

    /** Stops accepting logs and waits up to {@code timeout} for pending callbacks; true if none is left. */
    @Override
    public boolean close(Duration timeout) {
        synchronized (this) {
            closed = true;
        }
        return awaitCompletion(System.nanoTime() + timeout.toNanos());
    }

    private synchronized boolean awaitCompletion(long deadlineNanos) {
        if (inCallback.get() != null) {
            return true; // every outcome is decided at send time; waiting here could deadlock the executor
        }
        long target = accepted;
        try {
            while (callbacksRun < target) {
                long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Accepted, succeeded and failed logs; every other value is zero. */
    @Override
    public synchronized ProducerMetrics metrics() {
        return ProducerMetrics.builder()
                .accepted(accepted)
                .succeeded(succeeded)
                .failed(failed)
                .build();
    }
}
