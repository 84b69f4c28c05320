package io.clssdk.producer.internal;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.Codec;
import io.clssdk.core.spi.Uploader;
import io.clssdk.core.spi.WireBuffer;
import io.clssdk.producer.Attempt;
import java.util.concurrent.BlockingQueue;

/**
 * An I/O thread: takes dispatched batches, compresses each into its own scratch buffer, signs and uploads it, and
 * hands what came of the attempt, one immutable {@link AttemptOutcome}, to {@link Sender#onReturned} before it takes
 * the next batch; that method decides the consequence (success, a retry after a jittered backoff, final failure) on
 * this thread, at once. It never runs user callbacks (the {@link Completer} hands those to the callback executor) and
 * never blocks on anything but the queue and the HTTP call.
 */
final class IoWorker implements Runnable {
    /** Put on the queue once per worker to make it exit. */
    static final Batch STOP = new Batch(null, new byte[0], 0, 0, 0);

    private final BlockingQueue<Batch> queue;
    private final Uploader uploader;
    private final Codec codec;
    private final Clock clock;
    private final Sender sender;
    private final ProducerStats stats;
    /**
     * What the compression scratch grows to for the largest batch (see {@link #ensureScratch}): allocated once per
     * thread and kept. For 1 MiB stream batches it is LZ4's worst case for 1 MiB − 64 B, a humongous array of two
     * 1 MiB regions on each I/O thread.
     */
    private final int scratchBytes;

    private final Spool spool;
    private WireBuffer compressed = new WireBuffer(64 * 1024);

    IoWorker(
            Spool spool,
            BlockingQueue<Batch> queue,
            Uploader uploader,
            Codec codec,
            Clock clock,
            Sender sender,
            ProducerStats stats,
            int largestBatchBytes) {
        this.spool = spool;
        this.queue = queue;
        this.uploader = uploader;
        this.codec = codec;
        this.clock = clock;
        this.sender = sender;
        this.stats = stats;
        this.scratchBytes = BufferSizes.compressionBound(largestBatchBytes);
    }

    @Override
    public void run() {
        while (true) {
            Batch b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (b == STOP) {
                return;
            }
            AttemptOutcome outcome;
            try {
                outcome = attempt(b);
            } catch (RuntimeException | Error e) {
                // a bug or a linkage problem (e.g. a conflicting library on the classpath), not a CLS error: fail
                // the batch rather than lose it silently, and keep this thread serving the others
                ClsClientException error =
                        new ClsClientException(ClsClientException.Reason.IO, "unexpected error while sending: " + e, e);
                outcome = AttemptOutcome.broken(b, b.history().made(), clock.nanoTime(), error);
            }
            sender.onReturned(outcome);
        }
    }

    /** Makes one attempt and says what came of it; decides nothing (the sender does). */
    private AttemptOutcome attempt(Batch b) {
        if (b.isDone()) {
            return AttemptOutcome.notSent(b, b.history().made(), AttemptOutcome.Kind.ABANDONED, clock.nanoTime());
        }
        long now = clock.nanoTime();
        if (now >= b.deadlineNanos) {
            return AttemptOutcome.notSent(b, b.history().made(), AttemptOutcome.Kind.EXPIRED, now);
        }
        if (b.buf == null) {
            b.buf = spool.load(b.spooled, b.bodyStart()); // rebuilt from the spool or spilled: read it back
        }
        byte[] body = b.buf;
        int offset = b.bodyStart();
        int length = b.bodyLength();
        if (!codec.isIdentity()) {
            ensureScratch(b.bodyLength());
            codec.compress(b.buf, b.bodyStart(), b.bodyLength(), compressed);
            body = compressed.array();
            offset = 0;
            length = compressed.position();
        }
        int attempt = b.beginAttempt();
        if (attempt > 1) {
            stats.retries.increment();
        }
        stats.requests.increment();
        stats.rawBytes.add(b.bodyLength());
        stats.compressedBytes.add(length);
        long start = System.nanoTime();
        try {
            String requestId = uploader.upload(
                    b.partition.topicId, body, offset, length, codec.headerValue(), b.partition.hashKey);
            stats.latency.record(System.nanoTime() - start);
            return AttemptOutcome.succeeded(b, attempt, clock.nanoTime(), requestId, clock.currentTimeMillis());
        } catch (ClsException e) {
            stats.latency.record(System.nanoTime() - start);
            if (RetryPolicy.refreshableAuthFailure(e)) {
                uploader.credentialsRejected();
            }
            return AttemptOutcome.failed(b, attempt, clock.nanoTime(), e, clock.currentTimeMillis());
        }
    }

    /**
     * Makes the compression scratch hold the worst case for a body of {@code length} bytes, doubling but never past
     * {@link #scratchBytes} (unless one oversized log needs more, and then only until the next body): left to
     * {@link WireBuffer}'s own doubling it would end at 512 KiB or above, a humongous array that takes a whole G1
     * region on every I/O thread. The bound is LZ4's, which also covers DEFLATE's first allocation.
     */
    private void ensureScratch(int length) {
        int bound = BufferSizes.compressionBound(length);
        int capacity = compressed.capacity();
        if (capacity > scratchBytes && bound <= scratchBytes) {
            compressed = new WireBuffer(scratchBytes);
        } else if (capacity < bound) {
            compressed = new WireBuffer(Math.max(bound, (int) Math.min(2L * capacity, scratchBytes)));
        }
    }

    static ClsClientException deliveryTimeout(Batch b, String when) {
        ClsException last = b.history().lastError();
        return new ClsClientException(
                ClsClientException.Reason.DELIVERY_TIMEOUT,
                "delivery timeout passed " + when + " (" + b.count() + " logs to topic " + b.partition.topicId + ", "
                        + b.history().made() + " attempts"
                        + (last == null ? "" : "; last error: " + last.getMessage()) + ")",
                last);
    }

    static Attempt attemptOf(ClsException e, long timeMs) {
        if (e instanceof ClsServiceException) {
            ClsServiceException s = (ClsServiceException) e;
            return new Attempt(timeMs, false, s.httpStatus(), s.errorCode(), s.errorMessage(), s.requestId());
        }
        ClsClientException c = (ClsClientException) e;
        return new Attempt(timeMs, false, 0, c.reason().name(), c.getMessage(), null);
    }
}
