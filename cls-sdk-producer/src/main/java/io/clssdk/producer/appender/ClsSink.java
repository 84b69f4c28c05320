package io.clssdk.producer.appender;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.LogRecord;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.SendCallback;
import io.clssdk.producer.SendResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The part of an appender that talks to the producer, shared by both frameworks: hands records to
 * {@link ClsProducer#send} (which, with maxBlock 0, never waits), counts events dropped because the buffer was full
 * or refused, and events whose delivery failed later, and reports them to the framework's status system at most once
 * per {@link #WARN_INTERVAL_NANOS} (the drop count says how many were not reported one by one). It also keeps the
 * SDK's own log lines out: events of loggers under {@value #SDK_LOGGER_PREFIX}, and events logged on a thread that is
 * already inside {@link #send}, are ignored. Thread-safe.
 */
final class ClsSink implements SendCallback {
    static final String SDK_LOGGER_PREFIX = "io.clssdk.";
    static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final ThreadLocal<boolean[]> SENDING = ThreadLocal.withInitial(() -> new boolean[1]);

    private final String name;
    private final ClsProducer producer;
    private final String topicId;
    private final Duration stopTimeout;
    private final Consumer<String> warn;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong nextWarnNanos = new AtomicLong(System.nanoTime());

    ClsSink(String name, ClsProducer producer, String topicId, Duration stopTimeout, Consumer<String> warn) {
        this.name = name;
        this.producer = producer;
        this.topicId = topicId;
        this.stopTimeout = stopTimeout;
        this.warn = warn;
    }

    /** Whether an event of {@code loggerName} on this thread must be ignored (the SDK's own, or re-entrant). */
    private static boolean ignored(String loggerName) {
        return (loggerName != null && loggerName.startsWith(SDK_LOGGER_PREFIX)) || SENDING.get()[0];
    }

    /**
     * Turns {@code event} into a record with {@code toRecord} and sends it, unless it is to be {@link #ignored}. Never
     * throws: an event that cannot be read (say, a logback context without an MDC adapter) is counted as dropped.
     */
    <E> void offer(String loggerName, E event, RecordLayout layout, BiFunction<E, RecordLayout, LogRecord> toRecord) {
        if (ignored(loggerName)) {
            return;
        }
        LogRecord record;
        try {
            record = toRecord.apply(event, layout);
        } catch (RuntimeException e) {
            drop("cannot read the event: " + e);
            return;
        }
        send(record);
    }

    /** Sends {@code record}; never throws and never waits longer than the producer's maxBlock. */
    void send(LogRecord record) {
        boolean[] sending = SENDING.get();
        sending[0] = true;
        try {
            producer.send(topicId, record, this);
        } catch (ClsClientException e) {
            drop(e.reason() + " " + e.getMessage());
        } catch (RuntimeException e) {
            drop(e.toString());
        } finally {
            sending[0] = false;
        }
    }

    /** Counts an event that could not be sent, {@code why} for the rate-limited warning. */
    void drop(String why) {
        long n = dropped.incrementAndGet();
        maybeWarn("dropped " + n + " events so far; the last: " + why);
    }

    @Override
    public void onCompletion(SendResult result) {
        if (!result.success()) {
            long n = failed.incrementAndGet();
            maybeWarn("delivery failed for " + n + " events so far; the last: " + result.errorCode() + " "
                    + result.errorMessage());
        }
    }

    private void maybeWarn(String message) {
        long now = System.nanoTime();
        long next = nextWarnNanos.get();
        if (now - next >= 0 && nextWarnNanos.compareAndSet(next, now + WARN_INTERVAL_NANOS)) {
            warn.accept("CLS appender '" + name + "': " + message + " (reported at most every "
                    + TimeUnit.NANOSECONDS.toSeconds(WARN_INTERVAL_NANOS) + " s)");
        }
    }

    /** Events not accepted by the producer: buffer full for longer than maxBlock, closed, or invalid. */
    long dropped() {
        return dropped.get();
    }

    /** Events accepted whose delivery failed (delivery timeout, refused by CLS, or still pending at stop). */
    long failed() {
        return failed.get();
    }

    ClsProducer producer() {
        return producer;
    }

    /** Sends what is buffered and closes the producer, waiting at most the stop timeout; true if all finished. */
    boolean close() {
        return producer.close(stopTimeout);
    }
}
