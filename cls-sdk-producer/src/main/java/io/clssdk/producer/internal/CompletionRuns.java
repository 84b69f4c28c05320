package io.clssdk.producer.internal;

import java.util.Arrays;

/**
 * The completion targets of a batch's logs, run-length encoded: consecutive logs with the same target (a shared
 * callback, a tailer chunk) share one slot (a target and a run length). Owned by whoever owns the batch: the appender
 * under the partition lock while it is open, then one thread at a time.
 *
 * <p>A split batch hands its halves {@linkplain #slice slices}: a run that straddles the cut is divided, each part
 * keeping the target with its own length, so a shared callback or stream listener is told once per part and the
 * lengths still add up to the logs it was given.
 */
final class CompletionRuns {
    static final int INITIAL_CAPACITY = 4;

    private Object[] targets;
    private int[] lengths;
    private int runs;

    CompletionRuns() {
        this(INITIAL_CAPACITY);
    }

    private CompletionRuns(int capacity) {
        targets = new Object[capacity];
        lengths = new int[capacity];
    }

    /** True if a log for {@code target} continues the last run (and so costs no slot). */
    boolean continuesLast(Object target) {
        return runs > 0 && targets[runs - 1] == target;
    }

    /** True when a new run needs the arrays to grow. */
    boolean full() {
        return runs == targets.length;
    }

    /** Slots the arrays hold. */
    int capacity() {
        return targets.length;
    }

    /** Adds one log for {@code target}: continues the last run or starts a new one (doubling the arrays if full). */
    void add(Object target) {
        if (continuesLast(target)) {
            lengths[runs - 1]++;
            return;
        }
        if (full()) {
            targets = Arrays.copyOf(targets, runs * 2);
            lengths = Arrays.copyOf(lengths, runs * 2);
        }
        targets[runs] = target;
        lengths[runs] = 1;
        runs++;
    }

    /** Adds {@code logs} logs to the last run (whose target they share). */
    void extendLast(int logs) {
        if (runs == 0) {
            throw new IllegalStateException("no run to extend");
        }
        lengths[runs - 1] += logs;
    }

    int runs() {
        return runs;
    }

    Object target(int run) {
        return targets[run];
    }

    int length(int run) {
        return lengths[run];
    }

    /**
     * The runs of logs {@code [fromLog, toLog)} (counted from 0 over all runs) as new runs whose arrays hold exactly
     * them (at least {@value #INITIAL_CAPACITY} slots).
     *
     * @throws IllegalArgumentException unless {@code 0 <= fromLog < toLog <=} the logs held
     */
    CompletionRuns slice(int fromLog, int toLog) {
        if (fromLog < 0 || fromLog >= toLog) {
            throw new IllegalArgumentException("no logs in [" + fromLog + ", " + toLog + ")");
        }
        int firstRun = 0;
        int logsBefore = 0; // logs in the runs before firstRun
        while (firstRun < runs && logsBefore + lengths[firstRun] <= fromLog) {
            logsBefore += lengths[firstRun++];
        }
        int lastRun = firstRun;
        int logsThrough = logsBefore + (firstRun < runs ? lengths[firstRun] : 0); // logs in runs up to lastRun
        while (logsThrough < toLog && lastRun + 1 < runs) {
            logsThrough += lengths[++lastRun];
        }
        if (firstRun >= runs || logsThrough < toLog) {
            throw new IllegalArgumentException(
                    "logs [" + fromLog + ", " + toLog + ") exceed the " + logsThrough + " held");
        }
        int count = lastRun - firstRun + 1;
        CompletionRuns out = new CompletionRuns(Math.max(INITIAL_CAPACITY, count));
        System.arraycopy(targets, firstRun, out.targets, 0, count);
        System.arraycopy(lengths, firstRun, out.lengths, 0, count);
        out.runs = count;
        out.lengths[0] -= fromLog - logsBefore; // the first run may start before the cut
        out.lengths[count - 1] -= logsThrough - toLog; // the last may end after it
        return out;
    }

    /** Drops the targets (after the callbacks ran) so that futures and callbacks can be collected. */
    void release() {
        targets = null;
    }
}
