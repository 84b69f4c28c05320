package io.clssdk.tailer;

/**
 * Counters of one {@link CollectionSource} since it was built: what its files turned into and what became of it.
 * Every log made from a line ends in exactly one of delivered, lost or unacknowledged (or is still pending).
 */
public final class CollectionMetrics {
    private final long shipped;
    private final long delivered;
    private final long lost;
    private final long unacknowledged;
    private final long filtered;
    private final long parseFailures;
    private final long retried;

    /** Creates a snapshot without {@linkplain #retried() retried} logs (mainly for tests). */
    public CollectionMetrics(
            long shipped, long delivered, long lost, long unacknowledged, long filtered, long parseFailures) {
        this(shipped, delivered, lost, unacknowledged, filtered, parseFailures, 0);
    }

    /** Creates a snapshot (mainly for tests). */
    public CollectionMetrics(
            long shipped,
            long delivered,
            long lost,
            long unacknowledged,
            long filtered,
            long parseFailures,
            long retried) {
        this.retried = retried;
        this.shipped = shipped;
        this.delivered = delivered;
        this.lost = lost;
        this.unacknowledged = unacknowledged;
        this.filtered = filtered;
        this.parseFailures = parseFailures;
    }

    /** Logs handed to the producer. */
    public long shipped() {
        return shipped;
    }

    /** Logs CLS acknowledged. */
    public long delivered() {
        return delivered;
    }

    /**
     * Logs CLS can never accept (rejected as invalid content or parameters, or too large); each run of them was logged
     * at ERROR with its file and byte range, and their lines were acknowledged so the file kept moving. A delivery
     * outage (endpoint unreachable, delivery timeout, 5xx, throttling, credentials) never counts here: see {@link
     * #retried()}.
     */
    public long lost() {
        return lost;
    }

    /**
     * Logs whose delivery failed for a reason that is not theirs (endpoint unreachable, delivery timeout, 5xx,
     * throttling, credentials or topic configuration) while the producer was open: their lines were not acknowledged,
     * and the tailer reads them again from the file's committed offset once a probe gets through. A log may be counted
     * here several times during a long outage, and then once in {@link #delivered()}.
     */
    public long retried() {
        return retried;
    }

    /**
     * Logs that failed because the producer was closed first; their lines were not acknowledged, so they are read
     * again from the file's committed offset — by this tailer once a probe gets through (if the producer is replaced),
     * or by the next tailer on the same checkpoint directory.
     */
    public long unacknowledged() {
        return unacknowledged;
    }

    /** Logs dropped by {@code FilterKeyRegex} or {@code AdvanceFilterRules}. */
    public long filtered() {
        return filtered;
    }

    /** Lines (or multi-line entries) that did not parse and were dropped ({@code UnMatchUpLoadSwitch} off). */
    public long parseFailures() {
        return parseFailures;
    }

    /** Logs handed to the producer and not yet settled. */
    public long pending() {
        return shipped - delivered - lost - unacknowledged - retried;
    }

    @Override
    public String toString() {
        return "CollectionMetrics{shipped=" + shipped + ", delivered=" + delivered + ", lost=" + lost + ", retried="
                + retried
                + ", unacknowledged=" + unacknowledged + ", filtered=" + filtered + ", parseFailures=" + parseFailures
                + '}';
    }
}
