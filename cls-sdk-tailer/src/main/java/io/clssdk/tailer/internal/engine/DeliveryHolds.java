package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine does when a file's lines could not be delivered for a reason that is not theirs ({@link
 * io.clssdk.tailer.LineChunk#retryLater}): the data is on disk, so nothing is skipped and the checkpoint stays.
 *
 * <ol>
 *   <li>A failed range in the file's {@link io.clssdk.tailer.internal.file.CommitTracker} <b>holds</b> the file
 *       ({@link ReadSchedule.State#HELD}): it is not read, however it grows; other files go on.
 *   <li>Once no range of the file waits for an outcome, it is <b>rewound</b>: a new tracker generation at the committed
 *       offset, the read offset back there, and the sink told to drop its per-file state without emitting it ({@link
 *       io.clssdk.tailer.TailSink#fileRewound}, a reader task).
 *   <li>After a backoff (about 1 s doubling to 30 s, jittered: {@link ReadSchedule#rewound}) one <b>probe</b> chunk is
 *       read and the file is held again until its outcome: acknowledged, the file is read at full speed again;
 *       failed, it is rewound with a longer backoff.
 * </ol>
 *
 * <p>Only lines after the committed offset are ever offered twice. A held file costs no reads and no memory beyond its
 * ranges' outcomes (bounded by the in-flight budget, and released when they fail). Engine-thread only.
 */
final class DeliveryHolds {
    private static final Logger log = LoggerFactory.getLogger(DeliveryHolds.class);

    private final Clock clock;
    private final Timers.Tasks tasks;

    DeliveryHolds(Clock clock, Timers.Tasks tasks) {
        this.clock = clock;
        this.tasks = tasks;
    }

    /**
     * Looks at a file no task runs for: holds it if a delivery failed, rewinds or releases a held file whose ranges have
     * settled.
     *
     * @return true if the file is held (its other timers wait)
     */
    boolean check(TrackedFile f) {
        if (!f.schedule.held()) {
            if (f.tracker.failure() == null || f.schedule.retired()) {
                return false;
            }
            hold(f);
        }
        if (f.tracker.outstanding() > 0) {
            return true; // the tracker signals the engine when the last outcome arrives
        }
        if (f.tracker.failure() != null) {
            rewind(f);
            return true;
        }
        f.schedule.deliveryRecovered();
        f.tracker.wakeWhenSettled(false);
        log.info("delivery of {} works again; reading it from offset {} at full speed", f.path, f.tracker.committed());
        f.deliveryFailingSinceMillis = -1;
        f.deliveryError = null;
        tasks.dirty(f);
        return false;
    }

    /**
     * Updates a file from the result of one of its tasks: after the rewind notice its backoff starts; after a probe
     * read, or any read once a delivery failed, it is held.
     *
     * @return true if the result was handled here (nothing else is owed for it)
     */
    boolean afterTask(TrackedFile f, ReadResult r, long now) {
        if (r.kind == ReadResult.Kind.REWIND) {
            if (f.schedule.retired()) {
                return true; // released (gone, or dropped) while the notice ran
            }
            long backoff = f.schedule.rewound(now, ThreadLocalRandom.current().nextDouble());
            log.debug("{}: next read in {} ms", f.path, TimeUnit.NANOSECONDS.toMillis(backoff));
            return true;
        }
        if (r.kind != ReadResult.Kind.READ || !(f.schedule.probing() || f.tracker.failure() != null)) {
            return false;
        }
        if (r.eof && r.size > f.size) {
            f.size = r.size;
        }
        if (f.schedule.retired()) {
            return true;
        }
        if (!f.schedule.held()) {
            hold(f);
        }
        check(f);
        return true;
    }

    private void hold(TrackedFile f) {
        tasks.hold(f);
        f.tracker.wakeWhenSettled(true);
        String failure = f.tracker.failure();
        if (failure != null) {
            f.deliveryError = failure;
        }
        if (f.deliveryFailingSinceMillis < 0 && failure != null) {
            f.deliveryFailingSinceMillis = clock.currentTimeMillis();
            log.warn(
                    "delivery of lines from {} failed ({}); holding the file at offset {} and reading it again later",
                    f.path,
                    failure,
                    f.tracker.committed());
        }
    }

    private void rewind(TrackedFile f) {
        long committed = f.tracker.committed();
        long to = committed >= 0 ? committed : f.readOffset;
        f.deliveryError = f.tracker.failure();
        log.debug("rewinding {} from offset {} to {}", f.path, f.readOffset, to);
        f.tracker.reset(committed);
        if (committed >= 0) {
            f.readOffset = to;
            f.scanOffset = -1;
            f.keepHead = false;
        }
        f.partialPending = false;
        tasks.submit(f, ReadResult.Kind.REWIND);
    }
}
