package io.clssdk.producer.internal;

/**
 * Whether the callbacks of a batch's logs have run, for {@code flush()} and {@code close()} to wait on; for a split
 * batch, set once both its halves' have.
 */
final class CallbackLatch {
    private boolean done;
    private int halvesDone;

    /** Marks the callbacks as run and wakes every waiter. */
    synchronized void done() {
        done = true;
        notifyAll();
    }

    /** One half of a split batch ran its callbacks; true for the second (then the split batch's count as run). */
    synchronized boolean halfDone() {
        return ++halvesDone == 2;
    }

    synchronized void await() throws InterruptedException {
        while (!done) {
            wait();
        }
    }

    /** Waits at most {@code timeoutNanos}; true if the callbacks ran. */
    synchronized boolean await(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!done) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return true;
    }
}
