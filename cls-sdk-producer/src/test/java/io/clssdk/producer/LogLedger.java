package io.clssdk.producer;

import io.clssdk.core.testing.ReceivedLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the chaos and soak tests know about every log they offered. A log is identified by its sender thread and
 * sequence number and carries them as the field {@code id = "<thread>:<seq>"}. The ledger records whether
 * {@code send()} accepted the log, each outcome its callback received, and every copy the endpoint stored — split by
 * whether the storing request was answered normally or misbehaved after storing (a lost or late answer). {@link
 * #verify()} checks the delivery invariants over all of it.
 *
 * <p>About one to three bytes per log, so a long soak can track tens of millions. Every array has a single writer:
 * sender thread {@code t} writes its own {@code accepted} row, the producer's one callback thread writes the outcomes,
 * and one thread feeds {@link #received}. Read the result only after those threads are done (senders joined, producer
 * closed, draining finished), which orders their writes before {@link #verify()}.
 */
final class LogLedger {
    private static final int COMPLETIONS = 0x03; // saturating count of callbacks
    private static final int SUCCESS = 0x04;
    private static final int CLEAN = 0x0F; // low nibble of copies: stored by normally answered requests
    private static final int SAMPLES = 10;

    private final int capacity;
    private final byte[][] accepted;
    private final byte[][] outcomes;
    private final byte[][] copies;
    private final SendResult[][] results;
    private final AtomicIntegerArray offered;
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, Replay> replays = new LinkedHashMap<>();
    private final List<String> unknownSamples = Collections.synchronizedList(new ArrayList<>());
    private long unknown;
    private long copiesSeen;

    /**
     * @param keepResults keep every log's {@link SendResult} so that {@link #result} can return it (short runs only)
     */
    LogLedger(int threads, int capacityPerThread, boolean keepResults) {
        this.capacity = capacityPerThread;
        accepted = new byte[threads][capacityPerThread];
        outcomes = new byte[threads][capacityPerThread];
        copies = new byte[threads][capacityPerThread];
        results = keepResults ? new SendResult[threads][capacityPerThread] : null;
        offered = new AtomicIntegerArray(threads);
    }

    static String id(int thread, int seq) {
        return thread + ":" + seq;
    }

    /** True while thread {@code t} may offer another log. */
    boolean hasRoom(int thread) {
        return offered.get(thread) < capacity;
    }

    /** Sender thread {@code thread} is about to offer its next log; returns its sequence number. */
    int nextSeq(int thread) {
        return offered.getAndIncrement(thread);
    }

    /** {@code send()} accepted the log (called by its sender thread after send() returned). */
    void accepted(int thread, int seq) {
        accepted[thread][seq] = 1;
    }

    /** The callback to pass to {@code send()} for this log. */
    SendCallback callback(int thread, int seq) {
        return result -> completed(thread, seq, result);
    }

    private void completed(int thread, int seq, SendResult result) {
        int o = outcomes[thread][seq];
        int count = Math.min(COMPLETIONS, (o & COMPLETIONS) + 1);
        outcomes[thread][seq] = (byte) ((o & ~COMPLETIONS) | count | (result.success() ? SUCCESS : 0));
        if (results != null) {
            results[thread][seq] = result;
        }
        if (!result.success()) {
            failures.computeIfAbsent(result.errorCode(), k -> new LongAdder()).increment();
        }
    }

    /** A copy the endpoint stored. */
    void received(ReceivedLog log) {
        copiesSeen++;
        String id = log.field("id");
        int colon = id == null ? -1 : id.indexOf(':');
        int thread;
        int seq;
        try {
            thread = Integer.parseInt(id.substring(0, colon));
            seq = Integer.parseInt(id.substring(colon + 1));
        } catch (RuntimeException e) {
            thread = -1;
            seq = -1;
        }
        if (thread < 0 || thread >= offered.length() || seq < 0 || seq >= offered.get(thread)) {
            unknown++;
            sample(unknownSamples, "unknown log " + log);
            return;
        }
        int c = copies[thread][seq] & 0xFF;
        int clean = c & CLEAN;
        int faulted = c >>> 4;
        if (log.fault() == null) {
            clean = Math.min(CLEAN, clean + 1);
        } else {
            faulted = Math.min(CLEAN, faulted + 1);
        }
        copies[thread][seq] = (byte) ((faulted << 4) | clean);
        if (clean + faulted >= 2) {
            Replay r = replays.get(log.contextFlow());
            if (r == null && replays.size() < SAMPLES) {
                r = new Replay(id);
                replays.put(log.contextFlow(), r);
            }
            if (r != null) {
                r.logs++;
            }
        }
    }

    /** The result of a log (only with {@code keepResults}); null if it has none. */
    SendResult result(int thread, int seq) {
        return results[thread][seq];
    }

    int threads() {
        return offered.length();
    }

    int offered(int thread) {
        return offered.get(thread);
    }

    /** Failed logs per error code. */
    Map<String, Long> failuresByCode() {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, LongAdder> e : failures.entrySet()) {
            out.put(e.getKey(), e.getValue().sum());
        }
        return out;
    }

    /**
     * Checks every log: a rejected log was never completed nor stored; an accepted log was completed exactly once; a
     * successful log was stored; a failed log was never acknowledged by a normal answer; no log was stored twice by
     * normally answered requests (a repeat needs an answer lost after storing); nothing unknown was stored.
     */
    Summary verify() {
        Summary s = new Summary();
        s.unknown = unknown;
        s.copies = copiesSeen;
        for (Map.Entry<String, Replay> e : replays.entrySet()) {
            s.duplicateSamples.add("contextFlow " + e.getKey() + ": " + e.getValue());
        }
        s.violations.addAll(unknownSamples);
        for (int t = 0; t < offered.length(); t++) {
            for (int seq = 0; seq < offered.get(t); seq++) {
                check(s, t, seq);
            }
        }
        return s;
    }

    private void check(Summary s, int t, int seq) {
        boolean isAccepted = accepted[t][seq] != 0;
        int o = outcomes[t][seq];
        int completions = o & COMPLETIONS;
        boolean success = (o & SUCCESS) != 0;
        int c = copies[t][seq] & 0xFF;
        int clean = c & CLEAN;
        int stored = clean + (c >>> 4);
        s.offered++;
        if (!isAccepted) {
            s.rejected++;
            if (completions != 0 || stored != 0) {
                s.violation(id(t, seq) + " was rejected by send() but completed " + completions + " times and stored "
                        + stored + " times");
            }
            return;
        }
        s.accepted++;
        if (completions != 1) {
            s.violation(id(t, seq) + " was accepted and completed " + completions + " times (3 = 3 or more)");
        }
        if (success) {
            s.succeeded++;
            if (stored == 0) {
                s.violation(id(t, seq) + " was reported successful but the endpoint never stored it");
            }
        } else if (completions > 0) {
            s.failed++;
            if (clean > 0) {
                s.violation(id(t, seq) + " was reported failed although the endpoint stored it and answered normally");
            }
        }
        if (clean > 1) {
            s.violation(id(t, seq) + " was stored " + clean + " times by normally answered requests");
        }
        if (stored > 1) {
            s.duplicated++;
        }
    }

    private static void sample(List<String> samples, String line) {
        if (samples.size() < SAMPLES) {
            samples.add(line);
        }
    }

    /** The repeated copies of one batch (one context flow). */
    private static final class Replay {
        final String firstId;
        long logs;

        Replay(String firstId) {
            this.firstId = firstId;
        }

        @Override
        public String toString() {
            return logs + " logs again, e.g. " + firstId;
        }
    }

    /** Counts and the first violations found. */
    static final class Summary {
        long offered;
        long accepted;
        long rejected;
        long succeeded;
        long failed;
        long duplicated;
        long unknown;
        long copies;
        long violationCount;
        final List<String> violations = new ArrayList<>();
        final List<String> duplicateSamples = new ArrayList<>();

        private void violation(String v) {
            violationCount++;
            if (violations.size() < 20) {
                violations.add(v);
            }
        }

        boolean ok() {
            return violationCount == 0 && unknown == 0;
        }

        @Override
        public String toString() {
            return "offered=" + offered + ", accepted=" + accepted + ", rejected=" + rejected + ", succeeded="
                    + succeeded + ", failed=" + failed + ", stored copies=" + copies + ", logs stored more than once="
                    + duplicated + ", unknown stored=" + unknown + ", violations=" + violationCount
                    + (violations.isEmpty() ? "" : " " + violations);
        }
    }
}
