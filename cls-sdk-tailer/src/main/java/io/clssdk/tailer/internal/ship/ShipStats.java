package io.clssdk.tailer.internal.ship;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one shipping source; read through the public metrics snapshot. */
public final class ShipStats {
    /** Logs handed to the producer. */
    public final LongAdder shipped = new LongAdder();
    /** Logs the producer delivered. */
    public final LongAdder delivered = new LongAdder();
    /** Logs the producer finally failed to deliver, recorded and skipped. */
    public final LongAdder lost = new LongAdder();
    /**
     * Logs whose delivery failed for a reason that is not theirs (endpoint down, timeout, throttling…) other than a
     * closed producer: not acknowledged, so their file is read again from its committed offset.
     */
    public final LongAdder retried = new LongAdder();
    /** Logs failed because the producer closed; not acknowledged, so read again after a restart. */
    public final LongAdder unacknowledged = new LongAdder();
    /** Logs dropped by FilterKeyRegex / AdvanceFilterRules. */
    public final LongAdder filtered = new LongAdder();
    /** Lines or entries that did not parse and were dropped (UnMatchUpLoadSwitch off). */
    public final LongAdder parseFailures = new LongAdder();
}
