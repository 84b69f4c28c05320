package io.clssdk.producer;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The senders of the chaos and soak tests: {@code threads} threads, each offering logs to {@code topics} topics in
 * turn — to a quarter of them with the thread's own hash key — until its count reaches the pacing target, which the test
 * raises with time. Every log carries {@code id = "<thread>:<seq>"} and is entered in the {@link LogLedger}.
 */
final class ChaosLoad {
    private static final String PAYLOAD = "GET /api/v1/orders/42 200 12ms user-agent=Mozilla/5.0 (X11; Linux x86_64)";

    private final ClsProducer producer;
    private final LogLedger ledger;
    private final int topics;
    private final LongSupplier targetPerThread;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
    private final LongAdder unexpected = new LongAdder();
    private volatile boolean stopped;

    /**
     * @param targetPerThread how many logs each thread should have offered by now; read in a loop
     */
    ChaosLoad(ClsProducer producer, LogLedger ledger, int topics, LongSupplier targetPerThread) {
        this.producer = producer;
        this.ledger = ledger;
        this.topics = topics;
        this.targetPerThread = targetPerThread;
    }

    static String topic(int index) {
        return "chaos-topic-" + index;
    }

    void start() {
        for (int t = 0; t < ledger.threads(); t++) {
            int thread = t;
            Thread sender = new Thread(() -> run(thread), "chaos-sender-" + t);
            sender.setDaemon(true);
            threads.add(sender);
            sender.start();
        }
    }

    private void run(int thread) {
        while (!stopped) {
            long target = targetPerThread.getAsLong();
            if (ledger.offered(thread) >= target || !ledger.hasRoom(thread)) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                continue;
            }
            offer(thread, ledger.nextSeq(thread));
        }
    }

    private void offer(int thread, int seq) {
        int topic = (thread * 7 + seq) % topics;
        String hashKey = topic % 4 == 0 ? "k" + thread : null;
        LogRecord log = LogRecord.builder()
                .timeMs(1_700_000_000_000L + seq)
                .field("id", LogLedger.id(thread, seq))
                .field("payload", PAYLOAD)
                .build();
        try {
            producer.send(topic(topic), hashKey, log, ledger.callback(thread, seq));
            ledger.accepted(thread, seq);
        } catch (ClsClientException e) {
            rejections.computeIfAbsent(e.reason().name(), k -> new LongAdder()).increment();
        } catch (RuntimeException e) {
            unexpected.increment();
        }
    }

    /** True when every thread has offered {@code target} logs (or filled its ledger row). */
    boolean reached(long target) {
        for (int t = 0; t < ledger.threads(); t++) {
            if (ledger.offered(t) < target && ledger.hasRoom(t)) {
                return false;
            }
        }
        return true;
    }

    /** Stops the senders and waits for them. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Rejected sends per reason. */
    Map<String, LongAdder> rejections() {
        return rejections;
    }

    /** send() threw something other than a ClsClientException (a bug). */
    long unexpected() {
        return unexpected.sum();
    }
}
