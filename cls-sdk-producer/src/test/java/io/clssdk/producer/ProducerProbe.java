package io.clssdk.producer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches a running producer from outside: samples its buffer use against the bound, the number of its threads
 * ({@code cls-<producer id>-*}) and the JVM's heap use, and reads the CPU time its threads have used. Run it on its own thread
 * with {@link #start}, or call {@link #sample} at chosen moments.
 */
final class ProducerProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final ClsProducer producer;
    private final String threadPrefix;
    private final int maxThreads;
    private final List<String> violations = new ArrayList<>();
    private volatile boolean running = true;
    private Thread thread;
    private long samples;
    private long maxBufferUsed;
    private int maxProducerThreads;
    private long maxHeapUsed;
    private long maxHeapAfterGc;

    /**
     * @param producerId the producer's id, as in its thread names
     * @param maxThreads how many threads the producer may have at most
     */
    ProducerProbe(ClsProducer producer, String producerId, int maxThreads) {
        this.producer = producer;
        this.threadPrefix = "cls-" + producerId + "-";
        this.maxThreads = maxThreads;
    }

    /** Samples every {@code periodMs} on a daemon thread until {@link #stop}. */
    ProducerProbe start(long periodMs) {
        thread = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            TimeUnit.MILLISECONDS.sleep(periodMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "producer-probe");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join();
        }
    }

    /** Takes one sample; a bound that does not hold is recorded as a violation. */
    synchronized void sample() {
        samples++;
        ProducerMetrics m = producer.metrics();
        maxBufferUsed = Math.max(maxBufferUsed, m.bufferUsedBytes());
        if (m.bufferUsedBytes() > m.bufferTotalBytes()) {
            violation("buffer use " + m.bufferUsedBytes() + " above the bound " + m.bufferTotalBytes());
        }
        int threads = producerThreadIds().size();
        maxProducerThreads = Math.max(maxProducerThreads, threads);
        if (threads > maxThreads) {
            violation(threads + " producer threads, more than " + maxThreads);
        }
        maxHeapUsed = Math.max(maxHeapUsed, MEMORY.getHeapMemoryUsage().getUsed());
        maxHeapAfterGc = Math.max(maxHeapAfterGc, heapAfterLastGc());
    }

    /** Heap in use right after the last collection of each pool: the live data, without garbage. */
    private static long heapAfterLastGc() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                sum += afterGc.getUsed();
            }
        }
        return sum;
    }

    /** CPU time used so far by the producer's live threads, in nanoseconds. */
    long producerCpuNanos() {
        long sum = 0;
        for (long id : producerThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu > 0) {
                sum += cpu;
            }
        }
        return sum;
    }

    private List<Long> producerThreadIds() {
        List<Long> ids = new ArrayList<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(threadPrefix)) {
                ids.add(info.getThreadId());
            }
        }
        return ids;
    }

    private void violation(String v) {
        if (violations.size() < 10) {
            violations.add(v);
        }
    }

    synchronized List<String> violations() {
        return new ArrayList<>(violations);
    }

    synchronized long samples() {
        return samples;
    }

    synchronized long maxBufferUsed() {
        return maxBufferUsed;
    }

    synchronized int maxProducerThreads() {
        return maxProducerThreads;
    }

    /** The most heap in use at a sample, garbage included. */
    synchronized long maxHeapUsed() {
        return maxHeapUsed;
    }

    /** The most heap in use just after a collection (live data), over the samples. */
    synchronized long maxHeapAfterGc() {
        return maxHeapAfterGc;
    }
}
