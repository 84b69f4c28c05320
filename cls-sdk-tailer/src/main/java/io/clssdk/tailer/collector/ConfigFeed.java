package io.clssdk.tailer.collector;

import java.util.List;
import java.util.Optional;

/** Where the collector's configurations come from: a config file or a machine group. Called from one thread. */
interface ConfigFeed {
    /**
     * The configurations wanted now, or empty when the source has not changed since the last call.
     *
     * @throws IllegalArgumentException if the new content is invalid (the message names what is wrong)
     * @throws RuntimeException if the source cannot be read (I/O, the Cloud API)
     */
    Optional<List<NamedConfig>> poll();

    /** True when one bad configuration rejects the whole new set (a file); false when it is skipped (a group). */
    boolean allOrNothing();

    /** What is polled, for messages: {@code config file /etc/cls/collection.json}. */
    String describe();
}
