package io.clssdk.producer.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Context flows for sealed batches: {@code <producer id>-<batch number>}, both upper-case hexadecimal, the format CLS
 * documents ("102700A66102516A-59F59"). The id is random per producer (drawn by the producer from its injected
 * randomness), so a batch stored twice after a lost response carries the same context flow both times and is
 * recognisable as a replay.
 */
final class ContextFlows {
    /** The longest context flow this class produces (for sizing). */
    static final String LONGEST = "FFFFFFFFFFFFFFFF-FFFFFFFFFFFFFFFF";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String prefix;
    private final AtomicLong sequence;

    ContextFlows(long producerId) {
        this(producerId, 0);
    }

    /** Flows whose next batch number is {@code lastNumber + 1}. */
    ContextFlows(long producerId, long lastNumber) {
        this.prefix = String.format(Locale.ROOT, "%016X-", producerId);
        this.sequence = new AtomicLong(lastNumber);
    }

    /**
     * The next batch's context flow. Written straight into one char array (one string per sealed batch, not three), so
     * the sealing path the JIT compiles into the append path stays small.
     */
    String next() {
        long n = sequence.incrementAndGet();
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(n)) >>> 2);
        char[] flow = new char[prefix.length() + digits];
        prefix.getChars(0, prefix.length(), flow, 0);
        for (int i = flow.length - 1; i >= prefix.length(); i--) {
            flow[i] = HEX[(int) n & 0xF];
            n >>>= 4;
        }
        return new String(flow);
    }
}
