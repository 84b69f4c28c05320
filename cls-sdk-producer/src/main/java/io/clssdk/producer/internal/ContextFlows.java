package io.clssdk.producer.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Context flows for sealed batches: {@code <producer id>-<batch number>}, both upper-case hexadecimal of 16 digits, as
 * the official Go producer writes them ({@code %016X}); CLS documents the form with an example,
 * "102700A66102516A-59F59". The id is random per producer (drawn by the producer from its injected randomness), so a
 * batch stored twice after a lost response carries the same context flow both times and is recognisable as a replay.
 *
 * <p>The fixed width is for the JIT as much as for the reader: the sealing path, which C2 compiles into the append
 * path, holds a loop of a constant 16 steps. With as many digits as the batch number needed, a tailer benchmark run
 * logged with {@code -XX:+LogCompilation} showed a {@code loop_limit_check} trap in that loop, after which C2 compiled
 * {@code Partition.tryAppendLocked} again (0.45 s of compiler time, 237 methods inlined).
 */
final class ContextFlows {
    /** The length of every context flow (for sizing). */
    static final String LONGEST = "FFFFFFFFFFFFFFFF-FFFFFFFFFFFFFFFF";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int DIGITS = 16;

    /** The producer id and the dash, then room for the batch number. */
    private final char[] template;

    private final AtomicLong sequence;

    ContextFlows(long producerId) {
        this(producerId, 0);
    }

    /** Flows whose next batch number is {@code lastNumber + 1}. */
    ContextFlows(long producerId, long lastNumber) {
        this.template =
                Arrays.copyOf(String.format(Locale.ROOT, "%016X-", producerId).toCharArray(), LONGEST.length());
        this.sequence = new AtomicLong(lastNumber);
    }

    /** The next batch's context flow, written into one char array (one string per sealed batch). */
    String next() {
        long n = sequence.incrementAndGet();
        char[] flow = template.clone();
        for (int i = 0; i < DIGITS; i++) {
            flow[LONGEST.length() - 1 - i] = HEX[(int) (n >>> (4 * i)) & 0xF];
        }
        return new String(flow);
    }
}
