package io.clssdk.producer.spi;

import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.internal.DefaultClsProducer;
import java.util.Map;

/**
 * Opens {@link EncodedLogStream}s on a producer built by {@code ClsProducer.builder()}: the one entry point the tailer
 * needs into the producer, so that it never names the producer's implementation classes.
 */
public final class LogStreams {
    private LogStreams() {}

    /** Whether {@code producer} can open streams: true for producers built by {@code ClsProducer.builder()}. */
    public static boolean supports(ClsProducer producer) {
        return producer instanceof DefaultClsProducer;
    }

    /**
     * Opens a dedicated stream of batches to {@code topicId} whose log groups carry {@code filename} and, besides the
     * producer's own tags, {@code extraTags}.
     *
     * @throws IllegalArgumentException if {@code producer} does not {@linkplain #supports support} streams
     * @throws io.clssdk.core.ClsClientException with reason {@code CLOSED} if the producer is closed
     */
    public static EncodedLogStream open(
            ClsProducer producer, String topicId, String filename, Map<String, String> extraTags) {
        if (!supports(producer)) {
            throw new IllegalArgumentException("log streams need a producer built by ClsProducer.builder(); got "
                    + producer.getClass().getName());
        }
        return ((DefaultClsProducer) producer).openStream(topicId, filename, extraTags);
    }
}
