package io.clssdk.tailer.internal.parse;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of the parsing layer that are not part of a collection configuration. Immutable; {@link #defaults()} or
 * {@link #builder()}.
 */
public final class PipelineOptions {
    /** Default {@link #maxEntryBytes()}: 512 KiB, LogListener's multi-line entry limit. */
    public static final int DEFAULT_MAX_ENTRY_BYTES = 512 * 1024;
    /** Default {@link #regexBaseSteps()}. */
    public static final long DEFAULT_REGEX_BASE_STEPS = 100_000;
    /** Default {@link #regexStepsPerChar()}. */
    public static final int DEFAULT_REGEX_STEPS_PER_CHAR = 100;

    private final ZoneId zone;
    private final int maxEntryBytes;
    private final long regexBaseSteps;
    private final int regexStepsPerChar;

    private PipelineOptions(Builder b) {
        zone = b.zone != null ? b.zone : ZoneId.systemDefault();
        maxEntryBytes = b.maxEntryBytes;
        regexBaseSteps = b.regexBaseSteps;
        regexStepsPerChar = b.regexStepsPerChar;
    }

    /** Every option at its default; the zone is the JVM default zone at the time of the call. */
    public static PipelineOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The zone of times whose {@code TimeFormat} has no {@code %z}, and of the collection time when a format lacks the
     * year or date. Default: the JVM default zone (LogListener uses the agent host's local zone).
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Largest multi-line entry, and largest merged parse-failure log, in bytes (default 512 KiB, at least 1 KiB).
     * Longer entries are cut at a character boundary; the lines after the cut are dropped, never stalling the file.
     */
    public int maxEntryBytes() {
        return maxEntryBytes;
    }

    /**
     * Regular-expression budget: one evaluation may read at most {@code regexBaseSteps + regexStepsPerChar × length}
     * characters of its input (counted in {@code charAt} calls) before it is abandoned as a non-match. Defaults
     * 100,000 and 100: about 115,000 reads for a 150-char line, well above what ordinary patterns need, and bounding
     * catastrophic backtracking to a few milliseconds on short lines.
     */
    public long regexBaseSteps() {
        return regexBaseSteps;
    }

    /** See {@link #regexBaseSteps()}. */
    public int regexStepsPerChar() {
        return regexStepsPerChar;
    }

    /** Builds {@link PipelineOptions}; {@link #build()} validates. */
    public static final class Builder {
        private ZoneId zone;
        private int maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
        private long regexBaseSteps = DEFAULT_REGEX_BASE_STEPS;
        private int regexStepsPerChar = DEFAULT_REGEX_STEPS_PER_CHAR;

        private Builder() {}

        /** See {@link PipelineOptions#zone()}. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** See {@link PipelineOptions#maxEntryBytes()}. */
        public Builder maxEntryBytes(int maxEntryBytes) {
            this.maxEntryBytes = maxEntryBytes;
            return this;
        }

        /** See {@link PipelineOptions#regexBaseSteps()}. */
        public Builder regexBudget(long baseSteps, int stepsPerChar) {
            this.regexBaseSteps = baseSteps;
            this.regexStepsPerChar = stepsPerChar;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException naming the option that is out of bounds
         */
        public PipelineOptions build() {
            if (maxEntryBytes < 1024 || maxEntryBytes > 64 * 1024 * 1024) {
                throw new IllegalArgumentException("maxEntryBytes must be 1 KiB .. 64 MiB, got " + maxEntryBytes);
            }
            if (regexBaseSteps < 1 || regexStepsPerChar < 1) {
                throw new IllegalArgumentException("regex budget must be positive, got base " + regexBaseSteps
                        + ", per char " + regexStepsPerChar);
            }
            return new PipelineOptions(this);
        }
    }
}
