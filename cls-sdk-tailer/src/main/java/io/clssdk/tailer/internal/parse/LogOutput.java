package io.clssdk.tailer.internal.parse;

/**
 * Receives what a {@link LinePipeline} produces, on the thread that calls the pipeline. Calls come in input order.
 */
public interface LogOutput {
    /**
     * One log. {@code log} and the arrays its values point into are valid only during this call (they are reused for
     * the next log): encode or copy what you keep before returning.
     */
    void log(ParsedLog log);

    /** Some input produced no log, for counting. */
    void dropped(DropReason reason);
}
