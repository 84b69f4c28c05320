package io.clssdk.producer.internal;

import io.clssdk.producer.internal.Batch.State;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of one {@link Batch} in its life cycle, with the moves it allows checked: OPEN → SEALED; SEALED or
 * RETRY_WAIT → IN_FLIGHT; IN_FLIGHT → RETRY_WAIT or SPLIT; any state → DONE, which is final. It is the atomic
 * reference itself (no object besides it), so threads that race to decide a batch agree on one winner.
 */
final class BatchLifecycle extends AtomicReference<State> {
    private static final long serialVersionUID = 1L;

    BatchLifecycle() {
        super(State.OPEN);
    }

    /**
     * Moves {@code batch} to {@code to} if the life cycle allows it from the current state. Returns false, changing
     * nothing, when it is already DONE (decided by another thread, which wins).
     *
     * @throws IllegalStateException for any other move not in the life cycle, naming both states
     */
    boolean move(State to, Batch batch) {
        while (true) {
            State from = get();
            if (from == State.DONE) {
                return false;
            }
            if (!allowed(from, to)) {
                throw refused(from, to, batch);
            }
            if (compareAndSet(from, to)) {
                return true;
            }
        }
    }

    static IllegalStateException refused(State from, State to, Batch batch) {
        return new IllegalStateException("a batch may not move from " + from + " to " + to + ": " + batch);
    }

    private static boolean allowed(State from, State to) {
        switch (to) {
            case SEALED:
                return from == State.OPEN;
            case IN_FLIGHT:
                return from == State.SEALED || from == State.RETRY_WAIT;
            case RETRY_WAIT:
            case SPLIT:
                return from == State.IN_FLIGHT;
            case DONE:
                return true;
            default:
                return false;
        }
    }
}
