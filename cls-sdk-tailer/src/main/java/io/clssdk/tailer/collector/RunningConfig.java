package io.clssdk.tailer.collector;

import io.clssdk.tailer.CollectionMetrics;
import io.clssdk.tailer.CollectionSource;
import io.clssdk.tailer.Tailer;
import io.clssdk.tailer.TailerStatus;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One configuration being collected: its {@link CollectionSource} and the {@link Tailer} that runs it on the
 * configuration's own checkpoint directory. A tailer starts once, so a modified configuration gets a new instance on
 * the same directory (which then resumes from the checkpoint the old one wrote when it stopped).
 */
final class RunningConfig {
    private final NamedConfig named;
    private final CollectionSource source;
    private final Path checkpointDirectory;
    private final Tailer tailer;

    RunningConfig(NamedConfig named, CollectionSource source, Path checkpointDirectory, Tailer tailer) {
        this.named = named;
        this.source = source;
        this.checkpointDirectory = checkpointDirectory;
        this.tailer = tailer;
    }

    NamedConfig named() {
        return named;
    }

    Path checkpointDirectory() {
        return checkpointDirectory;
    }

    /** Starts the tailer (see {@link Tailer#start()} for what it throws). */
    void start() {
        tailer.start();
    }

    /** Stops the tailer; true if everything it handed out was acknowledged within {@code timeout}. */
    boolean stop(Duration timeout) {
        return tailer.stop(timeout);
    }

    TailerStatus status() {
        return tailer.status();
    }

    CollectionMetrics metrics() {
        return source.metrics();
    }
}
