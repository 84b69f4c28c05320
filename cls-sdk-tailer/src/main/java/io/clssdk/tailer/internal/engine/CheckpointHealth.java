package io.clssdk.tailer.internal.engine;

import io.clssdk.core.spi.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is wrong with checkpointing, for the log and {@code TailerStatus.checkpointProblem()}:
 *
 * <ul>
 *   <li>the checkpoint file found at start was set aside: reported for the tailer's life;
 *   <li>writes are failing: logged at the first failure, then at most once a {@link #LOG_INTERVAL_NANOS minute} while
 *       they keep failing, and shown until a write succeeds (which is logged too). The caller keeps retrying at its
 *       checkpoint interval;
 *   <li>the directory was taken over by another tailer: checkpointing stopped for good (see {@link #takenOver}).
 * </ul>
 *
 * <p>{@link #problem()} may be read by any thread; everything else is engine-thread only.
 */
final class CheckpointHealth {
    private static final Logger log = LoggerFactory.getLogger(CheckpointHealth.class);
    /** A failure that persists is logged again at most this often. */
    static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Path file;
    private final Clock clock;
    private final Duration retryInterval;
    private volatile String setAside;
    private volatile String current;
    private boolean stopped;
    /** Consecutive failed writes; 0 while writes succeed. */
    private int failures;

    private long firstFailureMillis;
    private long lastLogNanos;

    CheckpointHealth(Path file, Clock clock, Duration retryInterval) {
        this.file = file;
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /** The checkpoint file found at start could not be used (null: it could). */
    void setAside(String problem) {
        setAside = problem;
    }

    boolean failing() {
        return failures > 0;
    }

    /** True once the directory was taken over: nothing is written any more. */
    boolean stopped() {
        return stopped;
    }

    void failed(IOException e) {
        long nanos = clock.nanoTime();
        if (failures++ == 0) {
            firstFailureMillis = clock.currentTimeMillis();
            lastLogNanos = nanos;
            log.warn(
                    "cannot write checkpoint {}: {}; retrying every {} ms. Until a write succeeds a restart resumes"
                            + " from the last checkpoint written, repeating what was delivered since",
                    file,
                    e.toString(),
                    retryInterval.toMillis());
        } else if (nanos - lastLogNanos >= LOG_INTERVAL_NANOS) {
            lastLogNanos = nanos;
            log.warn("checkpoint {} still cannot be written ({} attempts so far): {}", file, failures, e.toString());
        }
        current = "checkpoint writes to " + file + " fail since " + Instant.ofEpochMilli(firstFailureMillis) + " ("
                + failures + " attempts, last: " + e + "); retrying every " + retryInterval.toMillis()
                + " ms. Until a write succeeds a restart resumes from the last checkpoint written";
    }

    void succeeded() {
        if (failures > 0) {
            log.info("checkpoint {} written again after {} failed attempts", file, failures);
            failures = 0;
            current = null;
        }
    }

    /**
     * The checkpoint directory was deleted while the tailer ran and another tailer took the re-created one. Writing
     * there would overwrite the other tailer's checkpoint (two writers, last rename wins), so this tailer stops
     * writing checkpoints for good. It keeps collecting: stopping would leave its sources uncollected if the other
     * tailer follows other files, whereas collecting twice only repeats lines. Its position is lost on restart (the
     * directory belongs to the other tailer), which the error says.
     */
    void takenOver(IOException e) {
        stopped = true;
        current = "checkpointing stopped: " + e.getMessage() + " (the directory was deleted while this tailer ran and"
                + " another tailer took it since). This tailer keeps collecting but writes no checkpoint there any"
                + " more, so its positions are lost when it stops; run one tailer per checkpoint directory";
        log.error(current);
    }

    /** Logs, when the tailer stops, that its final checkpoint could not be written. */
    void finalWriteMissed() {
        String p = current;
        if (p != null) {
            log.error("stopping without writing the final checkpoint: {}", p);
        }
    }

    /** Everything wrong now, or null. */
    String problem() {
        String a = setAside;
        String b = current;
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }
}
