package io.clssdk.core.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Decides how {@link FakeClsServer} misbehaves: the scripted faults ({@link FakeClsServer#enqueue}), the seeded random
 * ones ({@link FakeClsServer#failRandomly}) and the rules that refuse a request for one of its logs
 * ({@link FakeClsServer#rejectRequestsWithLog}). Thread-safe.
 */
final class FaultSchedule {
    private final Deque<Fault> script = new ArrayDeque<>();
    private final List<LogRule> logRules = new CopyOnWriteArrayList<>();
    private Random random;
    private double failureRate;
    private Fault[] randomFaults = new Fault[0];

    synchronized void enqueue(Fault... faults) {
        for (Fault f : faults) {
            script.addLast(f);
        }
    }

    synchronized void failRandomly(double rate, long seed, Fault... faults) {
        this.failureRate = rate;
        this.random = new Random(seed);
        this.randomFaults = faults.clone();
    }

    void rejectRequestsWithLog(Predicate<ReceivedLog> predicate, int status, String errorCode) {
        if (predicate == null || errorCode == null) {
            throw new NullPointerException("predicate and errorCode are required");
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an error status (400 to 599): " + status);
        }
        logRules.add(new LogRule(predicate, status, errorCode));
    }

    synchronized void clear() {
        logRules.clear();
        script.clear();
        failureRate = 0;
        randomFaults = new Fault[0];
    }

    /** The fault for the next request: the next scripted one, else a random one by the failure rate, else null. */
    synchronized Fault next() {
        Fault f = script.pollFirst();
        if (f == null && failureRate > 0 && randomFaults.length > 0 && random.nextDouble() < failureRate) {
            f = randomFaults[random.nextInt(randomFaults.length)];
        }
        return f;
    }

    /** Refuses the whole request when {@code log} matches a rule (the first matching rule answers). */
    void checkRules(ReceivedLog log) throws Rejected {
        for (LogRule rule : logRules) {
            if (rule.predicate.test(log)) {
                throw new Rejected(rule.status, rule.errorCode, "the request carries a log this server refuses");
            }
        }
    }

    /** A rule of {@link FakeClsServer#rejectRequestsWithLog}. */
    private static final class LogRule {
        final Predicate<ReceivedLog> predicate;
        final int status;
        final String errorCode;

        LogRule(Predicate<ReceivedLog> predicate, int status, String errorCode) {
            this.predicate = predicate;
            this.status = status;
            this.errorCode = errorCode;
        }
    }
}
