package io.clssdk.producer.internal;

import io.clssdk.producer.SpoolOptions;

/**
 * The thread that forces the disk spool's current segment to the device every fsyncInterval (fsync INTERVAL). It is
 * stopped by a notification, never interrupted: an interrupt during {@code force} would close the segment's channel.
 */
final class SpoolSync implements Runnable {
    private final Spool spool;
    private final long intervalMs;
    private final Thread thread;
    private boolean running = true;

    SpoolSync(Spool spool, SpoolOptions options) {
        this.spool = spool;
        this.intervalMs = options.fsyncInterval().toMillis();
        this.thread = new Thread(this, "cls-spool-sync-" + options.directory().getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        while (awaitPeriod()) {
            spool.force();
        }
    }

    /** Waits one interval; false once stopped. */
    private synchronized boolean awaitPeriod() {
        long end = System.currentTimeMillis() + intervalMs;
        try {
            for (long left = intervalMs; running && left > 0; left = end - System.currentTimeMillis()) {
                wait(left);
            }
        } catch (InterruptedException e) {
            return false;
        }
        return running;
    }

    void stop() {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
