package io.clssdk.producer.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests one split tree may still spend: a batch CLS rejected for its content, and every half split from it,
 * share one budget. Set at the first split to {@value #BASE_REQUESTS} + 4·⌈log2 n⌉ for n logs: enough to isolate a few
 * bad logs. Once spent, a rejected batch fails whole. Without the bound, a request CLS refuses for something other
 * than one log (every half rejected alike, as for a configuration error) would cost 2n − 1 requests.
 */
final class SplitBudget {
    /** Requests a split tree may spend besides 4 per halving level. */
    static final int BASE_REQUESTS = 16;

    private final AtomicInteger left;

    /** The budget of a tree whose root holds {@code logs} logs (at least 2). */
    SplitBudget(int logs) {
        this.left = new AtomicInteger(BASE_REQUESTS + 4 * (32 - Integer.numberOfLeadingZeros(logs - 1)));
    }

    /** Takes the two requests a split costs; false once the budget is spent. */
    boolean take() {
        return left.addAndGet(-2) >= 0;
    }
}
