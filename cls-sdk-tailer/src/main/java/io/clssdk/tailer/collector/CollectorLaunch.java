package io.clssdk.tailer.collector;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link CollectorMain} checked before anything starts, ready to start: the upload endpoint, credentials, producer
 * options, the feed of configurations and the first set (null for a machine group: its first poll).
 */
final class CollectorLaunch {
    private final ClsEndpoint uploads;
    private final CredentialsProvider credentials;
    private final ProducerOptions options;
    private final ConfigFeed feed;
    private final ClsApiClient api;
    private final List<NamedConfig> initial;
    private final Path checkpoints;
    private final boolean allowUnsupported;
    private final Duration pollInterval;
    private final Duration statusInterval;
    private final Duration stopTimeout;

    CollectorLaunch(
            ClsEndpoint uploads,
            CredentialsProvider credentials,
            ProducerOptions options,
            ConfigFeed feed,
            ClsApiClient api,
            List<NamedConfig> initial,
            Path checkpoints,
            boolean allowUnsupported,
            Duration pollInterval,
            Duration statusInterval,
            Duration stopTimeout) {
        this.uploads = uploads;
        this.credentials = credentials;
        this.options = options;
        this.feed = feed;
        this.api = api;
        this.initial = initial;
        this.checkpoints = checkpoints;
        this.allowUnsupported = allowUnsupported;
        this.pollInterval = pollInterval;
        this.statusInterval = statusInterval;
        this.stopTimeout = stopTimeout;
    }

    Collector start(Console console) {
        ClsProducer producer = ClsProducer.builder()
                .endpoint(uploads)
                .credentials(credentials)
                .options(options)
                .build();
        SourceSet sources = new SourceSet(producer, checkpoints, allowUnsupported, stopTimeout, console);
        Collector collector = new Collector(producer, sources, feed, console, api);
        try {
            List<NamedConfig> first = initial != null ? initial : firstPoll();
            collector.start(first, pollInterval, statusInterval);
            return collector;
        } catch (RuntimeException e) {
            collector.stop(stopTimeout);
            throw e;
        }
    }

    private List<NamedConfig> firstPoll() {
        try {
            return feed.poll().get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot list the configs of " + feed.describe() + ": " + e.getMessage(), e);
        }
    }
}
