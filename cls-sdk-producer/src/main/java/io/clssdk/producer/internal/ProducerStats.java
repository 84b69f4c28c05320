package io.clssdk.producer.internal;

import io.clssdk.producer.ProducerMetrics;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The producer's counters, its {@link ProducerMetrics} snapshots and its JMX registration. Thread-safe. */
final class ProducerStats implements ProducerStatsMXBean {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerStats.class);

    final LongAdder accepted = new LongAdder();
    final LongAdder succeeded = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder expired = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder rawBytes = new LongAdder();
    final LongAdder compressedBytes = new LongAdder();
    final LongAdder surrogatesReplaced = new LongAdder();
    final LongAdder replayedSucceeded = new LongAdder();
    final LongAdder replayedFailed = new LongAdder();
    /** The disk spool, or null. */
    volatile Spool spool;

    final AtomicInteger batchesInFlight = new AtomicInteger();
    final LatencyHistogram latency = new LatencyHistogram();
    private final BufferPool pool;
    private ObjectName registeredAs;

    ProducerStats(BufferPool pool) {
        this.pool = pool;
    }

    ProducerMetrics snapshot() {
        // read completions before acceptances so that pending never looks negative
        long s = succeeded.sum();
        long f = failed.sum();
        long a = accepted.sum();
        return ProducerMetrics.builder()
                .accepted(a)
                .succeeded(s)
                .failed(f)
                .expired(expired.sum())
                .retries(retries.sum())
                .requests(requests.sum())
                .rawBytes(rawBytes.sum())
                .compressedBytes(compressedBytes.sum())
                .batchesInFlight(batchesInFlight.get())
                .bufferUsedBytes(pool.allocatedBytes())
                .bufferTotalBytes(pool.totalBytes())
                .requestLatencyMeanMs(latency.meanMs())
                .requestLatencyP99Ms(latency.quantileMs(0.99))
                .requestLatencyMaxMs(latency.maxMs())
                .surrogatesReplaced(surrogatesReplaced.sum())
                .replayedSucceeded(replayedSucceeded.sum())
                .replayedFailed(replayedFailed.sum())
                .spoolDroppedLogs(spool == null ? 0 : spool.droppedLogs.sum())
                .spoolBytes(spool == null ? 0 : spool.bytes())
                .build();
    }

    void register(String producerId) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("io.clssdk:type=ClsProducer,name=" + ObjectName.quote(producerId));
            server.registerMBean(this, name);
            registeredAs = name;
        } catch (JMException | RuntimeException e) {
            LOG.warn("Could not register the producer MBean for {}: {}", producerId, e.toString());
        }
    }

    void unregister() {
        if (registeredAs == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
        } catch (JMException | RuntimeException e) {
            LOG.debug("Could not unregister {}: {}", registeredAs, e.toString());
        }
        registeredAs = null;
    }

    @Override
    public long getAccepted() {
        return accepted.sum();
    }

    @Override
    public long getSucceeded() {
        return succeeded.sum();
    }

    @Override
    public long getFailed() {
        return failed.sum();
    }

    @Override
    public long getExpired() {
        return expired.sum();
    }

    @Override
    public long getPending() {
        return snapshot().pending();
    }

    @Override
    public long getRetries() {
        return retries.sum();
    }

    @Override
    public long getRequests() {
        return requests.sum();
    }

    @Override
    public long getRawBytes() {
        return rawBytes.sum();
    }

    @Override
    public long getCompressedBytes() {
        return compressedBytes.sum();
    }

    @Override
    public int getBatchesInFlight() {
        return batchesInFlight.get();
    }

    @Override
    public long getBufferUsedBytes() {
        return pool.allocatedBytes();
    }

    @Override
    public long getBufferFreeBytes() {
        return pool.totalBytes() - pool.allocatedBytes();
    }

    @Override
    public double getRequestLatencyMeanMs() {
        return latency.meanMs();
    }

    @Override
    public double getRequestLatencyP99Ms() {
        return latency.quantileMs(0.99);
    }

    @Override
    public double getRequestLatencyMaxMs() {
        return latency.maxMs();
    }

    @Override
    public long getSurrogatesReplaced() {
        return surrogatesReplaced.sum();
    }
}
