package io.clssdk.producer.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Context flows for sealed batches: {@code <producer id>-<batch number>}, both upper-case hexadecimal, the format CLS
 * documents ("102700A66102516A-59F59"). The id is random per producer (drawn by the producer from its injected randomness), so a batch stored twice after a lost response
 * carries the same context flow both times and is recognisable as a replay.
 */
final class ContextFlows {
    /** The longest context flow this class produces (for sizing). */
    static final String LONGEST = "FFFFFFFFFFFFFFFF-FFFFFFFFFFFFFFFF";

    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();

    ContextFlows(long producerId) {
        this.prefix = String.format(Locale.ROOT, "%016X-", producerId);
    }

    String next() {
        return prefix + Long.toHexString(sequence.incrementAndGet()).toUpperCase(Locale.ROOT);
    }
}
