package io.clssdk.tailer.internal.parse;

/**
 * Parses the lines of one followed file into logs, the way LogListener does for the configuration it was made from
 * ({@link PipelineFactory#newPipeline()}). Holds per-file state (the multi-line entry being assembled, merged parse
 * failures) and reusable buffers, so use one instance per file, from one thread at a time.
 *
 * <p>Each line is first made valid UTF-8 ({@code IsGBK=1}: decoded from GBK; otherwise ill-formed bytes become
 * U+FFFD), so every emitted value is valid UTF-8. An empty line produces nothing ({@link DropReason#EMPTY}) except
 * inside a multi-line entry, where it is kept.
 *
 * <p>Multi-line modes: a line whose whole text matches {@code BeginRegex} starts an entry; the following lines that do
 * not match are appended with {@code \n}. The entry is emitted when the next first line arrives or on
 * {@link #flush}. A line that does not match while no entry is open (the start of a file read from the middle of an
 * entry, or a file the regex never matches) becomes an entry of its own: nothing is lost and no entry grows without
 * bound. An entry is capped at {@link PipelineOptions#maxEntryBytes()}. A {@code BeginRegex} evaluation abandoned for
 * exceeding its budget counts as "not a first line".
 *
 * <p>Log time: the read time of the (first) line, unless {@code TimeKey}/{@code TimeFormat} apply ({@code json_log},
 * {@code delimiter_log} and the regex modes) and parse.
 *
 * <p>If {@code out} throws, the exception propagates; the entry it was given counts as emitted.
 */
public final class LinePipeline {
    private final LineDecoder decoder;
    private final RegexRunner begin;
    private final EntryBuffer entry;
    private final EntryProcessor processor;
    private final FailureHandler failures;
    private long lines;

    LinePipeline(
            LineDecoder decoder,
            RegexRunner begin,
            EntryBuffer entry,
            EntryProcessor processor,
            FailureHandler failures) {
        this.decoder = decoder;
        this.begin = begin;
        this.entry = entry;
        this.processor = processor;
        this.failures = failures;
    }

    /**
     * Processes one line.
     *
     * @param buf the bytes; {@code buf[start, end)} is the line without {@code \n} (and without the {@code \r}
     *     before it). Read only during the call.
     * @param truncated whether the tailer cut the line at its size limit (the cut text is parsed as it is)
     * @param readTimeMs when the line was read: the collection time
     */
    public void line(byte[] buf, int start, int end, boolean truncated, long readTimeMs, LogOutput out) {
        line(buf, start, end, truncated, false, readTimeMs, out);
    }

    /**
     * Processes one line the caller may already know to be 7-bit ASCII (the tailer learns it while finding the line's
     * end), which spares the UTF-8 scan.
     *
     * @param knownAscii true only if every byte of {@code buf[start, end)} is below 0x80; false when unknown
     */
    public void line(
            byte[] buf, int start, int end, boolean truncated, boolean knownAscii, long readTimeMs, LogOutput out) {
        if (start < 0 || end < start || end > buf.length) {
            throw new IndexOutOfBoundsException("line " + start + ".." + end + " of " + buf.length);
        }
        lines++;
        if (knownAscii) {
            decoder.ascii(buf, start, end);
        } else {
            decoder.decode(buf, start, end, truncated);
        }
        byte[] a = decoder.array();
        int off = decoder.offset();
        int len = decoder.length();
        boolean ascii = decoder.ascii();
        try {
            if (begin == null) {
                single(a, off, len, ascii, readTimeMs, out);
            } else {
                multi(a, off, len, ascii, readTimeMs, out);
            }
        } finally {
            decoder.release();
            processor.release();
        }
    }

    private void single(byte[] a, int off, int len, boolean ascii, long readTimeMs, LogOutput out) {
        if (len == 0) {
            out.dropped(DropReason.EMPTY);
        } else {
            processor.process(a, off, len, ascii, readTimeMs, lines, out);
        }
    }

    private void multi(byte[] a, int off, int len, boolean ascii, long readTimeMs, LogOutput out) {
        boolean first = begin.matches(a, off, len, ascii) == RegexRunner.MATCH;
        begin.release();
        if (first) {
            if (entry.isOpen()) {
                emitEntry(out);
            }
            entry.start(a, off, len, ascii, readTimeMs, lines);
        } else if (entry.isOpen()) {
            entry.append(a, off, len, ascii);
        } else {
            single(a, off, len, ascii, readTimeMs, out);
        }
    }

    /**
     * Emits the multi-line entry being assembled and merged parse failures, if any. Call when the file has been
     * quiet for a while (LogListener's aggregation window is 3 s) and when it is closed.
     *
     * @param nowMs the caller's clock; not used for log times (an entry keeps its first line's read time)
     */
    public void flush(long nowMs, LogOutput out) {
        try {
            if (entry != null && entry.isOpen()) {
                emitEntry(out);
            }
        } finally {
            failures.flush(out);
        }
    }

    /**
     * Whether lines already passed to {@link #line} are held back (an open multi-line entry, merged failures): the
     * offsets of those lines must not be acknowledged until {@link #flush} or a later line emits them.
     */
    public boolean hasPending() {
        return (entry != null && entry.isOpen()) || failures.hasPending();
    }

    /**
     * How many of the most recent lines passed to {@link #line} are held back: counted from the oldest line whose log
     * is not emitted yet (the first line of the open multi-line entry, or the first merged failure) up to the last
     * line; 0 when nothing is pending. Offsets before those lines are safe to acknowledge.
     */
    public long pendingLines() {
        long oldest = Long.MAX_VALUE;
        if (entry != null && entry.isOpen()) {
            oldest = entry.firstLine();
        }
        if (failures.hasPending()) {
            oldest = Math.min(oldest, failures.firstPendingLine());
        }
        return oldest == Long.MAX_VALUE ? 0 : lines - oldest + 1;
    }

    /** Regular-expression evaluations abandoned so far for exceeding their budget (they count as non-matches). */
    public long regexAbandoned() {
        return processor.regexAbandoned() + (begin == null ? 0 : begin.abandoned());
    }

    private void emitEntry(LogOutput out) {
        try {
            processor.process(
                    entry.array(), 0, entry.length(), entry.ascii(), entry.firstReadTimeMs(), entry.firstLine(), out);
        } finally {
            entry.reset();
            processor.release();
        }
    }
}
