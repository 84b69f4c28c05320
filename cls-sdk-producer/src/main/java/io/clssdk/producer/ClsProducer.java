package io.clssdk.producer;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.Required;
import io.clssdk.producer.internal.DefaultClsProducer;
import io.clssdk.producer.internal.RecordStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous, batching CLS producer: {@code send()} encodes the log into the open batch of its topic and returns;
 * background threads compress, sign, upload and retry, and every accepted log gets exactly one outcome.
 *
 * <pre>{@code
 * try (ClsProducer producer = ClsProducer.builder()
 *         .endpoint(ClsEndpoint.of("ap-guangzhou", ClsEndpoint.Network.PUBLIC))
 *         .credentials(CredentialsProvider.fromEnvironment())
 *         .build()) {
 *     producer.send(topicId, LogRecord.builder().field("message", "hello").build());
 * }   // close() delivers what is pending
 * }</pre>
 *
 * <h2>Delivery semantics</h2>
 *
 * <ul>
 *   <li><b>Accepted</b>: {@code send()} returned without throwing. The log is in a batch and will be completed exactly
 *       once: its future completes (always normally, with a {@link SendResult}) or its callback is called.
 *   <li><b>Succeeded</b>: CLS acknowledged the request carrying the log. A request whose answer was lost (connection
 *       reset after CLS stored it) is retried, so CLS may store such a batch twice — delivery is at least once; the
 *       repeated batch carries the same context flow, which identifies it.
 *   <li><b>Failed</b>: a non-retryable error (400, 403, 404, 413 …), retries exhausted, the delivery timeout passed,
 *       or the producer was closed first; {@link SendResult#error()} says which.
 *   <li><b>One bad log fails alone</b>: CLS rejects a whole request for one bad log (400 {@code InvalidContent} or
 *       {@code InvalidParam}, 413, 403 {@code LogSizeExceed}). Such a batch of several logs is not failed but split
 *       in two halves by log count, in order, each sent as its own request (for a hash key before anything queued
 *       behind the batch, first half first), and split again while CLS rejects a half. Only the logs CLS rejects alone
 *       fail, with CLS's error; their neighbours succeed with their own request's id. A batch of n logs with one bad
 *       log costs about 2·log2(n) extra requests; splitting one batch spends at most 16 + 4·⌈log2 n⌉ requests, then
 *       a half CLS still rejects fails whole. The halves keep their logs' delivery deadline, count against
 *       {@code totalBufferBytes}, are retried like any batch and carry new context flows (different request bodies).
 *       A callback or stream listener shared by many logs hears once per log (a listener: once per half, with counts
 *       that add up).
 *   <li><b>Rejected</b>: {@code send()} threw a {@link io.clssdk.core.ClsClientException}: invalid record or topic
 *       ({@code INVALID_ARGUMENT}), buffer full for longer than {@code maxBlock} ({@code BUFFER_FULL}), or closed
 *       ({@code CLOSED}). A rejected log gets no callback.
 * </ul>
 *
 * <p>Ordering: logs sent with the same hash key are uploaded in order, one batch at a time, also across retries
 * (header {@code x-cls-hashkey}, so CLS stores them on one partition in order). Without a hash key several batches of
 * a topic may be in flight at once and no order is promised.
 *
 * <p>Thread-safe. {@code send()} never does I/O, DNS, compression or signing; it blocks only while the buffer is full
 * (up to {@code maxBlock}).
 */
public interface ClsProducer extends AutoCloseable {

    /** Returns a builder. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a log to {@code topicId}.
     *
     * @return a future completed (normally) with the log's result on the callback executor
     * @throws io.clssdk.core.ClsClientException if the log is rejected (see the class documentation)
     */
    default CompletableFuture<SendResult> send(String topicId, LogRecord record) {
        return send(topicId, null, record);
    }

    /** Like {@link #send(String, LogRecord)}, keeping logs with the same {@code hashKey} in order. */
    CompletableFuture<SendResult> send(String topicId, String hashKey, LogRecord record);

    /**
     * Sends a log and calls {@code callback} with its result; cheaper than a future when the callback instance is
     * shared.
     *
     * @throws io.clssdk.core.ClsClientException if the log is rejected; the callback is then not called
     */
    default void send(String topicId, LogRecord record, SendCallback callback) {
        send(topicId, null, record, callback);
    }

    /** Like {@link #send(String, LogRecord, SendCallback)}, keeping logs with the same {@code hashKey} in order. */
    void send(String topicId, String hashKey, LogRecord record, SendCallback callback);

    /**
     * Sends everything accepted so far without waiting for linger, and blocks until each of those logs is completed
     * and its callback or future has run (from a callback thread: until completed).
     *
     * @throws io.clssdk.core.ClsClientException with reason {@code INTERRUPTED} if interrupted while waiting
     */
    void flush();

    /**
     * Stops accepting logs, sends what is pending and keeps retrying with backoff until {@code timeout}; logs still
     * pending then are completed as failed (reason {@code CLOSED}). Idempotent and safe to call from a callback.
     * When it returns {@code true}, every log was completed and every producer thread has ended.
     *
     * @return true if everything finished within the timeout
     */
    boolean close(Duration timeout);

    /** {@code close(Duration.ofSeconds(30))}. */
    @Override
    default void close() {
        close(Duration.ofSeconds(30));
    }

    /** A snapshot of the counters (also published over JMX). */
    ProducerMetrics metrics();

    /**
     * Opens a stream of already-encoded logs to {@code topicId} whose log groups carry {@code filename} and, besides
     * the producer's own tags, {@code extraTags}: the seam cls-sdk-tailer ships files through, so a collection source
     * runs on any producer — the built-in one, {@code InMemoryProducer}, a decorator or a framework proxy.
     *
     * <p>The built-in producer batches the encoded bytes as they are, with the file name and tags as log-group
     * metadata, and its {@code append} waits for buffer memory (the reader's backpressure); its batches are sealed at
     * {@link ProducerOptions#streamMaxBatchCount()}, {@link ProducerOptions#streamMaxBatchBytes()} and
     * {@link ProducerOptions#streamLinger()} (LogListener's 10,000 logs / 1 MiB / 3 s by default). This default decodes each
     * log back into a {@link LogRecord} and calls {@link #send(String, LogRecord, SendCallback)}: it works for any
     * implementation, but the file name and tags are not carried (a plain {@code send()} has no log-group metadata) and
     * the send path's own rules ({@code maxBlock}) apply. A decorator that wraps the built-in producer should delegate
     * this method to keep both.
     *
     * @throws io.clssdk.core.ClsClientException with reason {@code CLOSED} if the producer is closed
     */
    default EncodedLogStream openStream(String topicId, String filename, Map<String, String> extraTags) {
        Objects.requireNonNull(topicId, "topicId");
        return new RecordStream((record, callback) -> send(topicId, record, callback));
    }

    /** Builds a {@link ClsProducer}. */
    final class Builder {
        private ClsEndpoint endpoint;
        private CredentialsProvider credentials;
        private ProducerOptions options = ProducerOptions.defaults();

        private Builder() {}

        /** Where to upload (required). */
        public Builder endpoint(ClsEndpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** How to sign (required). */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Batching, memory, retry and metadata settings (default {@link ProducerOptions#defaults()}). */
        public Builder options(ProducerOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Builds and starts the producer (its threads start now). Detecting the source IP and host name, when not set
         * in the options, happens here, not in {@code send()}.
         *
         * @throws IllegalStateException if the endpoint or credentials are missing
         */
        public ClsProducer build() {
            Required.endpoint(endpoint);
            Required.credentials(credentials);
            return DefaultClsProducer.create(endpoint, credentials, options);
        }
    }
}
