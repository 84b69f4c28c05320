package io.clssdk.producer.internal;

import io.clssdk.core.ClsException;
import io.clssdk.producer.Attempt;
import java.util.ArrayList;
import java.util.List;

/**
 * The upload attempts of a batch: how many it made, how many rejected signatures a credentials refresh was to cure,
 * the last {@value #KEPT} attempts for its {@code SendResult} (a split's half continues its parent's), and the error of
 * the last failed one. Written by the thread owning the batch; {@link #lastError()} may be read by any, and {@link
 * #made()} by any for a message (a stale count there is harmless).
 */
final class AttemptHistory {
    static final int KEPT = 10;

    private final Attempt[] attempts = new Attempt[KEPT];
    private int count;
    private volatile ClsException lastError;
    private int made;
    private int authRefreshes;

    /** Counts an attempt of this batch that reaches the network; returns its number (1 for the first). */
    int begin() {
        return ++made;
    }

    /** Attempts this batch made itself (a split's half starts at 0; its list keeps the parent's). */
    int made() {
        return made;
    }

    /** Rejected signatures a credentials refresh may cure so far, counting one more if {@code another}. */
    int authRefreshes(boolean another) {
        return another ? ++authRefreshes : authRefreshes;
    }

    /** A history that starts with the attempts and last error of {@code earlier} (a split batch's, for its halves). */
    static AttemptHistory continuing(AttemptHistory earlier) {
        AttemptHistory h = new AttemptHistory();
        for (Attempt a : earlier.list()) {
            h.record(a, null);
        }
        h.lastError = earlier.lastError;
        return h;
    }

    /** Records a finished attempt; a failed one's error becomes {@link #lastError()}. */
    void record(Attempt attempt, ClsException error) {
        if (error != null) {
            lastError = error;
        }
        attempts[count % KEPT] = attempt;
        count++;
    }

    /** The last attempts, oldest first. */
    List<Attempt> list() {
        int n = Math.min(count, KEPT);
        List<Attempt> out = new ArrayList<>(n);
        for (int i = count - n; i < count; i++) {
            out.add(attempts[i % KEPT]);
        }
        return out;
    }

    /** The error of the last failed attempt, null if none failed. */
    ClsException lastError() {
        return lastError;
    }
}
