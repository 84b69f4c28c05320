package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.TailSink;
import io.clssdk.tailer.internal.path.SourceRules;

/** What the engine needs of one {@code TailSource}; {@link #priority} orders sources (higher wins a shared file). */
public final class SourceSpec {
    final int priority;
    final String name;
    final SourceRules rules;
    final TailSink sink;
    final long backtrackingBytes;
    final long fileTimeoutNanos;

    public SourceSpec(
            int priority,
            String name,
            SourceRules rules,
            TailSink sink,
            long backtrackingBytes,
            long fileTimeoutNanos) {
        this.priority = priority;
        this.name = name;
        this.rules = rules;
        this.sink = sink;
        this.backtrackingBytes = backtrackingBytes;
        this.fileTimeoutNanos = fileTimeoutNanos;
    }

    @Override
    public String toString() {
        return name;
    }
}
