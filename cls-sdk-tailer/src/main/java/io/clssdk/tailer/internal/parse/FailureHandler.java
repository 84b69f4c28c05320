package io.clssdk.tailer.internal.parse;

/**
 * What happens to an entry that failed to parse. With {@code UnMatchUpLoadSwitch} off it is dropped
 * ({@link DropReason#PARSE_FAILURE}); with it on, it is uploaded as one field {@code UnMatchLogKey} (default
 * {@code LogParseFailure}) holding the raw entry, at its collection time. With {@code ClsAgentParseFailMerge} on as
 * well, consecutive failures are joined with {@code \n} into one log (capped like a multi-line entry, time of the
 * first), emitted before the next successfully parsed log or on flush. One instance per pipeline.
 */
final class FailureHandler {
    private final byte[] key;
    private final EntryBuffer merged;
    private final ParsedLog log = new ParsedLog();

    /**
     * @param key the field of uploaded failures, or null to drop them
     * @param merge whether to merge consecutive failures
     */
    FailureHandler(byte[] key, boolean merge, int maxEntryBytes) {
        this.key = key;
        this.merged = key != null && merge ? new EntryBuffer(maxEntryBytes) : null;
    }

    /** Handles a failed entry whose first line is pipeline line number {@code lineNo}. */
    void failed(byte[] a, int off, int len, boolean ascii, long collectTimeMs, long lineNo, LogOutput out) {
        if (key == null) {
            out.dropped(DropReason.PARSE_FAILURE);
        } else if (merged == null) {
            emit(a, off, len, collectTimeMs, out);
        } else if (merged.isOpen()) {
            merged.append(a, off, len, ascii);
        } else {
            merged.start(a, off, len, ascii, collectTimeMs, lineNo);
        }
    }

    /** Emits merged failures, if any. */
    void flush(LogOutput out) {
        if (merged != null && merged.isOpen()) {
            try {
                emit(merged.array(), 0, merged.length(), merged.firstReadTimeMs(), out);
            } finally {
                merged.reset();
            }
        }
    }

    /** Whether merged failures wait for {@link #flush}. */
    boolean hasPending() {
        return merged != null && merged.isOpen();
    }

    /** The line number of the oldest merged failure; meaningful while {@link #hasPending()}. */
    long firstPendingLine() {
        return merged.firstLine();
    }

    private void emit(byte[] a, int off, int len, long timeMs, LogOutput out) {
        log.clear();
        log.timeMs(timeMs);
        log.add(key, a, off, len);
        try {
            out.log(log);
        } finally {
            log.clear();
        }
    }
}
