package io.clssdk.tailer.internal.parse;

import io.clssdk.core.api.LogType;
import java.nio.charset.Charset;
import java.util.regex.Pattern;

/**
 * A validated, compiled collection configuration that makes one {@link LinePipeline} per followed file. Made by
 * {@link LinePipelines#create}; immutable and thread-safe (compiled patterns and formats are shared, matchers and
 * buffers belong to each pipeline).
 */
public final class PipelineFactory {
    /** How an entry's fields are extracted. */
    enum Extraction {
        CONTENT,
        JSON,
        DELIMITER,
        REGEX
    }

    final LogType logType;
    final Extraction extraction;
    final Pattern beginRegex;
    final Pattern logRegex;
    final byte[][] keys;
    final byte[] delimiter;
    final boolean jsonStrict;
    final byte[] timeKey;
    final TimeFormat timeFormat;
    final LogFilter.Rules filters;
    final byte[] rawLogKey;
    final byte[] unMatchLogKey;
    final boolean mergeFailures;
    final Charset gbk;
    final PipelineOptions options;

    PipelineFactory(
            LogType logType,
            Extraction extraction,
            Pattern beginRegex,
            Pattern logRegex,
            byte[][] keys,
            byte[] delimiter,
            boolean jsonStrict,
            byte[] timeKey,
            TimeFormat timeFormat,
            LogFilter.Rules filters,
            byte[] rawLogKey,
            byte[] unMatchLogKey,
            boolean mergeFailures,
            Charset gbk,
            PipelineOptions options) {
        this.logType = logType;
        this.extraction = extraction;
        this.beginRegex = beginRegex;
        this.logRegex = logRegex;
        this.keys = keys;
        this.delimiter = delimiter;
        this.jsonStrict = jsonStrict;
        this.timeKey = timeKey;
        this.timeFormat = timeFormat;
        this.filters = filters;
        this.rawLogKey = rawLogKey;
        this.unMatchLogKey = unMatchLogKey;
        this.mergeFailures = mergeFailures;
        this.gbk = gbk;
        this.options = options;
    }

    /** A new pipeline for one file. Cheap: a few small buffers and matchers. */
    public LinePipeline newPipeline() {
        FailureHandler failures = new FailureHandler(unMatchLogKey, mergeFailures, options.maxEntryBytes());
        TimeParser time = timeFormat == null ? null : new TimeParser(timeFormat, new ZoneOffsets(options.zone()));
        LogFilter filter = filters == null ? null : new LogFilter(filters, options);
        EntryProcessor processor = new EntryProcessor(parser(), filter, timeKey, time, rawLogKey, failures);
        RegexRunner begin = beginRegex == null ? null : new RegexRunner(beginRegex, options);
        EntryBuffer entry = beginRegex == null ? null : new EntryBuffer(options.maxEntryBytes());
        return new LinePipeline(new LineDecoder(gbk), begin, entry, processor, failures);
    }

    private FieldParser parser() {
        switch (extraction) {
            case JSON:
                return new JsonParser(jsonStrict);
            case DELIMITER:
                return new DelimiterParser(delimiter, keys);
            case REGEX:
                return new RegexParser(logRegex, keys, options);
            default:
                return new ContentParser();
        }
    }

    /** The configuration's {@code LogType}. */
    public LogType logType() {
        return logType;
    }

    /** Whether pipelines assemble multi-line entries (and may therefore {@linkplain LinePipeline#hasPending() hold lines back}). */
    public boolean multiline() {
        return beginRegex != null;
    }

    @Override
    public String toString() {
        return "PipelineFactory{" + logType + ", " + extraction + (gbk != null ? ", GBK" : "") + '}';
    }
}
