package io.clssdk.tailer.internal.parse;

/**
 * Turns one complete entry (a line, or a joined multi-line entry) into a log: parse, filter, time, raw copy, emit.
 * One instance per pipeline.
 */
final class EntryProcessor {
    private final FieldParser parser;
    private final LogFilter filter;
    private final byte[] timeKey;
    private final TimeParser time;
    private final byte[] rawLogKey;
    private final FailureHandler failures;
    private final ParsedLog log = new ParsedLog();

    /**
     * @param filter null when the configuration has no filter
     * @param timeKey the field holding the log time, or null to use the collection time
     * @param rawLogKey the field that also receives the raw entry, or null
     */
    EntryProcessor(
            FieldParser parser,
            LogFilter filter,
            byte[] timeKey,
            TimeParser time,
            byte[] rawLogKey,
            FailureHandler failures) {
        this.parser = parser;
        this.filter = filter;
        this.timeKey = timeKey;
        this.time = time;
        this.rawLogKey = rawLogKey;
        this.failures = failures;
    }

    /**
     * Processes {@code len} bytes of valid UTF-8 from {@code off}, collected at {@code collectTimeMs}, whose first line
     * is pipeline line number {@code lineNo}.
     */
    void process(byte[] a, int off, int len, boolean ascii, long collectTimeMs, long lineNo, LogOutput out) {
        // the log is empty here: it starts empty and every call ends by clearing it
        try {
            if (!parser.parse(a, off, len, ascii, log)) {
                failures.failed(a, off, len, ascii, collectTimeMs, lineNo, out);
                return;
            }
            failures.flush(out);
            if (log.fieldCount() == 0) {
                out.dropped(DropReason.EMPTY);
                return;
            }
            if (filter != null && !filter.accepts(log)) {
                out.dropped(DropReason.FILTERED);
                return;
            }
            log.timeMs(logTime(collectTimeMs));
            if (rawLogKey != null) {
                log.add(rawLogKey, a, off, len);
            }
            out.log(log);
        } finally {
            log.trim();
        }
    }

    private long logTime(long collectTimeMs) {
        if (timeKey == null) {
            return collectTimeMs;
        }
        int f = log.indexOf(timeKey);
        if (f < 0) {
            return collectTimeMs;
        }
        long t = time.parse(log.valueArray(f), log.valueOffset(f), log.valueLength(f), collectTimeMs);
        return t == TimeParser.FAILED ? collectTimeMs : t;
    }

    long regexAbandoned() {
        long n = filter == null ? 0 : filter.abandoned();
        return parser instanceof RegexParser
                ? n + ((RegexParser) parser).runner().abandoned()
                : n;
    }

    /** Drops references to the last entry and oversized scratch arrays. */
    void release() {
        if (filter != null) {
            filter.release();
        }
        if (parser instanceof RegexParser) {
            ((RegexParser) parser).runner().release();
        }
    }
}
