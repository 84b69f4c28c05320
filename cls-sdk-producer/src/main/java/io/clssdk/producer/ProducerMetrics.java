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

    private ProducerMetrics(Builder b) {
        this.accepted = b.accepted;
        this.succeeded = b.succeeded;
        this.failed = b.failed;
        this.expired = b.expired;
        this.retries = b.retries;
        this.requests = b.requests;
        this.rawBytes = b.rawBytes;
        this.compressedBytes = b.compressedBytes;
        this.batchesInFlight = b.batchesInFlight;
        this.bufferUsedBytes = b.bufferUsedBytes;
        this.bufferTotalBytes = b.bufferTotalBytes;
        this.requestLatencyMeanMs = b.requestLatencyMeanMs;
        this.requestLatencyP99Ms = b.requestLatencyP99Ms;
        this.requestLatencyMaxMs = b.requestLatencyMaxMs;
        this.surrogatesReplaced = b.surrogatesReplaced;
        this.replayedSucceeded = b.replayedSucceeded;
        this.replayedFailed = b.replayedFailed;
        this.spoolDroppedLogs = b.spoolDroppedLogs;
        this.spoolBytes = b.spoolBytes;
    }

    /** A builder of snapshots, every value 0 until set: for test doubles of {@link ClsProducer}. */
    public static Builder builder() {
        return new Builder();
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

    /** Builds a {@link ProducerMetrics}; each setter takes the value of the getter of the same name. Not thread-safe. */
    public static final class Builder {
        private long accepted;
        private long succeeded;
        private long failed;
        private long expired;
        private long retries;
        private long requests;
        private long rawBytes;
        private long compressedBytes;
        private int batchesInFlight;
        private long bufferUsedBytes;
        private long bufferTotalBytes;
        private double requestLatencyMeanMs;
        private double requestLatencyP99Ms;
        private double requestLatencyMaxMs;
        private long surrogatesReplaced;
        private long replayedSucceeded;
        private long replayedFailed;
        private long spoolDroppedLogs;
        private long spoolBytes;

        private Builder() {}

        public Builder accepted(long accepted) {
            this.accepted = accepted;
            return this;
        }

        public Builder succeeded(long succeeded) {
            this.succeeded = succeeded;
            return this;
        }

        public Builder failed(long failed) {
            this.failed = failed;
            return this;
        }

        public Builder expired(long expired) {
            this.expired = expired;
            return this;
        }

        public Builder retries(long retries) {
            this.retries = retries;
            return this;
        }

        public Builder requests(long requests) {
            this.requests = requests;
            return this;
        }

        public Builder rawBytes(long rawBytes) {
            this.rawBytes = rawBytes;
            return this;
        }

        public Builder compressedBytes(long compressedBytes) {
            this.compressedBytes = compressedBytes;
            return this;
        }

        public Builder batchesInFlight(int batchesInFlight) {
            this.batchesInFlight = batchesInFlight;
            return this;
        }

        public Builder bufferUsedBytes(long bufferUsedBytes) {
            this.bufferUsedBytes = bufferUsedBytes;
            return this;
        }

        public Builder bufferTotalBytes(long bufferTotalBytes) {
            this.bufferTotalBytes = bufferTotalBytes;
            return this;
        }

        public Builder requestLatencyMeanMs(double requestLatencyMeanMs) {
            this.requestLatencyMeanMs = requestLatencyMeanMs;
            return this;
        }

        public Builder requestLatencyP99Ms(double requestLatencyP99Ms) {
            this.requestLatencyP99Ms = requestLatencyP99Ms;
            return this;
        }

        public Builder requestLatencyMaxMs(double requestLatencyMaxMs) {
            this.requestLatencyMaxMs = requestLatencyMaxMs;
            return this;
        }

        public Builder surrogatesReplaced(long surrogatesReplaced) {
            this.surrogatesReplaced = surrogatesReplaced;
            return this;
        }

        public Builder replayedSucceeded(long replayedSucceeded) {
            this.replayedSucceeded = replayedSucceeded;
            return this;
        }

        public Builder replayedFailed(long replayedFailed) {
            this.replayedFailed = replayedFailed;
            return this;
        }

        public Builder spoolDroppedLogs(long spoolDroppedLogs) {
            this.spoolDroppedLogs = spoolDroppedLogs;
            return this;
        }

        public Builder spoolBytes(long spoolBytes) {
            this.spoolBytes = spoolBytes;
            return this;
        }

        public ProducerMetrics build() {
            return new ProducerMetrics(this);
        }
    }
}
