package io.clssdk.producer;

/**
 * A snapshot of a producer's counters and gauges, taken by {@link ClsProducer#metrics()}. The same values are
 * published as the JMX MBean {@code io.clssdk:type=ClsProducer,name=<producer id>}. Immutable.
 *
 * <p>Counters only grow. Every accepted log ends in exactly one of succeeded or failed, so at any time
 * {@code accepted = succeeded + failed + pending}; {@link #expired()} counts the failed logs whose delivery timeout
 * ran out.
 */
public final class ProducerMetrics {
    private final long accepted;
    private final long succeeded;
    private final long failed;
    private final long expired;
    private final long retries;
    private final long requests;
    private final long rawBytes;
    private final long compressedBytes;
    private final int batchesInFlight;
    private final long bufferUsedBytes;
    private final long bufferTotalBytes;
    private final double requestLatencyMeanMs;
    private final double requestLatencyP99Ms;
    private final double requestLatencyMaxMs;
    private final long surrogatesReplaced;
    private final long replayedSucceeded;
    private final long replayedFailed;
    private final long spoolDroppedLogs;
    private final long spoolBytes;

    /** Creates a snapshot without replaced surrogates (for tests and test doubles). */
    public ProducerMetrics(
            long accepted,
            long succeeded,
            long failed,
            long expired,
            long retries,
            long requests,
            long rawBytes,
            long compressedBytes,
            int batchesInFlight,
            long bufferUsedBytes,
            long bufferTotalBytes,
            double requestLatencyMeanMs,
            double requestLatencyP99Ms,
            double requestLatencyMaxMs) {
        this(
                accepted,
                succeeded,
                failed,
                expired,
                retries,
                requests,
                rawBytes,
                compressedBytes,
                batchesInFlight,
                bufferUsedBytes,
                bufferTotalBytes,
                requestLatencyMeanMs,
                requestLatencyP99Ms,
                requestLatencyMaxMs,
                0);
    }

    /** Creates a snapshot (for tests and test doubles). */
    public ProducerMetrics(
            long accepted,
            long succeeded,
            long failed,
            long expired,
            long retries,
            long requests,
            long rawBytes,
            long compressedBytes,
            int batchesInFlight,
            long bufferUsedBytes,
            long bufferTotalBytes,
            double requestLatencyMeanMs,
            double requestLatencyP99Ms,
            double requestLatencyMaxMs,
            long surrogatesReplaced) {
        this(
                accepted,
                succeeded,
                failed,
                expired,
                retries,
                requests,
                rawBytes,
                compressedBytes,
                batchesInFlight,
                bufferUsedBytes,
                bufferTotalBytes,
                requestLatencyMeanMs,
                requestLatencyP99Ms,
                requestLatencyMaxMs,
                surrogatesReplaced,
                0,
                0,
                0,
                0);
    }

    /** Creates a snapshot with the disk spool's counters (for tests and test doubles). */
    public ProducerMetrics(
            long accepted,
            long succeeded,
            long failed,
            long expired,
            long retries,
            long requests,
            long rawBytes,
            long compressedBytes,
            int batchesInFlight,
            long bufferUsedBytes,
            long bufferTotalBytes,
            double requestLatencyMeanMs,
            double requestLatencyP99Ms,
            double requestLatencyMaxMs,
            long surrogatesReplaced,
            long replayedSucceeded,
            long replayedFailed,
            long spoolDroppedLogs,
            long spoolBytes) {
        this.replayedSucceeded = replayedSucceeded;
        this.replayedFailed = replayedFailed;
        this.spoolDroppedLogs = spoolDroppedLogs;
        this.spoolBytes = spoolBytes;
        this.accepted = accepted;
        this.succeeded = succeeded;
        this.failed = failed;
        this.expired = expired;
        this.retries = retries;
        this.requests = requests;
        this.rawBytes = rawBytes;
        this.compressedBytes = compressedBytes;
        this.batchesInFlight = batchesInFlight;
        this.bufferUsedBytes = bufferUsedBytes;
        this.bufferTotalBytes = bufferTotalBytes;
        this.requestLatencyMeanMs = requestLatencyMeanMs;
        this.requestLatencyP99Ms = requestLatencyP99Ms;
        this.requestLatencyMaxMs = requestLatencyMaxMs;
        this.surrogatesReplaced = surrogatesReplaced;
    }

    /** Logs accepted by {@code send()}. */
    public long accepted() {
        return accepted;
    }

    /** Logs CLS acknowledged. */
    public long succeeded() {
        return succeeded;
    }

    /** Logs completed as failed (service rejection, retries exhausted, delivery timeout, closed). */
    public long failed() {
        return failed;
    }

    /** Of the failed logs, those whose delivery timeout ran out. */
    public long expired() {
        return expired;
    }

    /** Logs accepted but not completed yet. */
    public long pending() {
        return accepted - succeeded - failed;
    }

    /** Upload attempts that were retries of an earlier attempt. */
    public long retries() {
        return retries;
    }

    /** Upload requests sent (any outcome). */
    public long requests() {
        return requests;
    }

    /** Uncompressed body bytes of all requests sent. */
    public long rawBytes() {
        return rawBytes;
    }

    /** Body bytes on the wire of all requests sent. */
    public long compressedBytes() {
        return compressedBytes;
    }

    /** Batches sealed but not completed: queued, uploading or waiting to retry. */
    public int batchesInFlight() {
        return batchesInFlight;
    }

    /**
     * Bytes of the buffer bound in use: buffers holding logs not yet completed, recycled buffers kept for reuse, and
     * what pending logs hold besides their bytes (batch objects, completion slots, futures).
     */
    public long bufferUsedBytes() {
        return bufferUsedBytes;
    }

    /** The configured {@code totalBufferBytes}. */
    public long bufferTotalBytes() {
        return bufferTotalBytes;
    }

    /** {@code bufferTotalBytes - bufferUsedBytes}. */
    public long bufferFreeBytes() {
        return bufferTotalBytes - bufferUsedBytes;
    }

    /** Mean upload request latency in milliseconds. */
    public double requestLatencyMeanMs() {
        return requestLatencyMeanMs;
    }

    /** 99th percentile of upload request latency in milliseconds (bucketed, within 10 %). */
    public double requestLatencyP99Ms() {
        return requestLatencyP99Ms;
    }

    /** Slowest upload request in milliseconds. */
    public double requestLatencyMaxMs() {
        return requestLatencyMaxMs;
    }

    /**
     * Unpaired UTF-16 surrogates (a lone high or low surrogate {@code char}, never valid text) in the keys and values
     * of accepted logs, sent as {@code '?'} exactly as protobuf-java encodes them. Zero for well-formed text; anything
     * else points at a string cut in the middle of a character. The producer also logs a WARN naming the topic and
     * field key, at most once a minute.
     */
    public long surrogatesReplaced() {
        return surrogatesReplaced;
    }

    /**
     * Logs of batches rebuilt from the disk spool that CLS stored: replayed at start (accepted by an earlier process),
     * or sent again after their callbacks were told of a transient failure. Not part of {@link #accepted()} or {@link
     * #succeeded()}. Zero without a spool.
     */
    public long replayedSucceeded() {
        return replayedSucceeded;
    }

    /**
     * Logs of batches rebuilt from the disk spool that failed in this process (a transient failure keeps them in the
     * spool, to be sent again); zero without a spool.
     */
    public long replayedFailed() {
        return replayedFailed;
    }

    /** Undelivered logs deleted from a full disk spool ({@code WhenFull.DROP_OLDEST}); zero without a spool. */
    public long spoolDroppedLogs() {
        return spoolDroppedLogs;
    }

    /** Bytes the disk spool's segment files hold now; zero without a spool. */
    public long spoolBytes() {
        return spoolBytes;
    }

    @Override
    public String toString() {
        return "ProducerMetrics{accepted=" + accepted + ", succeeded=" + succeeded + ", failed=" + failed
                + ", expired=" + expired + ", pending=" + pending() + ", retries=" + retries + ", requests="
                + requests + ", rawBytes=" + rawBytes + ", compressedBytes=" + compressedBytes + ", batchesInFlight="
                + batchesInFlight + ", bufferUsedBytes=" + bufferUsedBytes + ", bufferTotalBytes=" + bufferTotalBytes
                + String.format(
                        ", requestLatencyMs{mean=%.2f, p99=%.2f, max=%.2f}",
                        requestLatencyMeanMs, requestLatencyP99Ms, requestLatencyMaxMs)
                + ", surrogatesReplaced=" + surrogatesReplaced
                + (spoolBytes == 0 && replayedSucceeded == 0 && replayedFailed == 0 && spoolDroppedLogs == 0
                        ? ""
                        : ", replayedSucceeded=" + replayedSucceeded + ", replayedFailed=" + replayedFailed
                                + ", spoolDroppedLogs=" + spoolDroppedLogs + ", spoolBytes=" + spoolBytes)
                + '}';
    }
}
