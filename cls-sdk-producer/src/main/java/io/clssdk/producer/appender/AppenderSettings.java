package io.clssdk.producer.appender;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Compression;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.spi.Limits;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The settings both appenders share, filled from the framework's XML, and their translation into a producer. Every
 * check throws {@link IllegalArgumentException} whose message starts with the name of the bad setting, so the appender
 * can report it through the framework's status system. Not thread-safe: filled and read during configuration only.
 */
final class AppenderSettings {
    static final long DEFAULT_STOP_TIMEOUT_MS = 5_000;

    String region;
    String network = "PUBLIC";
    String endpoint;
    String secretId;
    String secretKey;
    String sessionToken;
    String credentialsProvider;
    String topicId;
    Integer maxBatchBytes;
    Integer maxBatchCount;
    Long lingerMs;
    Long totalBufferBytes;
    long maxBlockMs;
    Long deliveryTimeoutMs;
    String compression;
    Integer ioThreads;
    String hostname;
    String sourceIp;
    long stopTimeoutMs = DEFAULT_STOP_TIMEOUT_MS;
    boolean includeLocation;
    boolean includeMdc = true;
    String mdcKeys;
    boolean jmx = true;
    final List<String[]> staticFields = new ArrayList<>();

    /** Adds a static field given as {@code key=value}. */
    void addField(String keyEqualsValue) {
        int eq = keyEqualsValue == null ? -1 : keyEqualsValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("field '" + keyEqualsValue + "' must be written key=value");
        }
        addField(keyEqualsValue.substring(0, eq).trim(), keyEqualsValue.substring(eq + 1));
    }

    void addField(String key, String value) {
        if (key == null || key.trim().isEmpty() || value == null) {
            throw new IllegalArgumentException("field needs a non-empty key and a value, got " + key + "=" + value);
        }
        staticFields.add(new String[] {RecordFields.key(key.trim()), RecordFields.value(value)});
    }

    /** The checked topic id. */
    String topicId() {
        if (topicId == null || topicId.trim().isEmpty()) {
            throw new IllegalArgumentException("topicId is required");
        }
        try {
            return Limits.checkTopicId(topicId.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("topicId: " + e.getMessage(), e);
        }
    }

    /** The MDC keys to copy, or null for all of them (an empty set when includeMdc is false). */
    Set<String> mdcKeys() {
        if (!includeMdc) {
            return Collections.emptySet();
        }
        if (mdcKeys == null || mdcKeys.trim().isEmpty()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String key : mdcKeys.split(",")) {
            if (!key.trim().isEmpty()) {
                keys.add(key.trim());
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    Duration stopTimeout() {
        if (stopTimeoutMs < 0) {
            throw new IllegalArgumentException("stopTimeoutMs must be >= 0, got " + stopTimeoutMs);
        }
        return Duration.ofMillis(stopTimeoutMs);
    }

    /**
     * Checks everything, builds (starts) the producer and returns the sink around it.
     *
     * @param warn where rate-limited warnings about dropped or failed events go (the framework's status system)
     */
    ClsSink openSink(String appenderName, Consumer<String> warn) {
        String topic = topicId();
        Duration stop = stopTimeout();
        return new ClsSink(appenderName, buildProducer(), topic, stop, warn);
    }

    RecordLayout layout() {
        return new RecordLayout(mdcKeys(), includeLocation, staticFields);
    }

    private ClsProducer buildProducer() {
        ClsEndpoint where = endpoint();
        ProducerOptions options = options();
        CredentialsProvider credentials = credentials();
        return ClsProducer.builder()
                .endpoint(where)
                .credentials(credentials)
                .options(options)
                .build();
    }

    ClsEndpoint endpoint() {
        boolean hasEndpoint = endpoint != null && !endpoint.trim().isEmpty();
        boolean hasRegion = region != null && !region.trim().isEmpty();
        if (hasEndpoint == hasRegion) {
            throw new IllegalArgumentException(
                    hasEndpoint
                            ? "region and endpoint: set one of them, not both"
                            : "region (or endpoint) is required, e.g. region ap-guangzhou");
        }
        try {
            return hasEndpoint
                    ? ClsEndpoint.parse(endpoint)
                    : ClsEndpoint.of(region.trim(), ClsEndpoint.Network.valueOf(network(network)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException((hasEndpoint ? "endpoint: " : "region: ") + e.getMessage(), e);
        }
    }

    private static String network(String network) {
        String name = network == null ? "" : network.trim().toUpperCase(Locale.ROOT);
        if (!name.equals("PUBLIC") && !name.equals("PRIVATE")) {
            throw new IllegalArgumentException("network must be PUBLIC or PRIVATE, got '" + network + "'");
        }
        return name;
    }

    ProducerOptions options() {
        ProducerOptions.Builder b = ProducerOptions.defaults().toBuilder().jmx(jmx);
        if (maxBlockMs < 0) {
            throw new IllegalArgumentException("maxBlockMs must be >= 0, got " + maxBlockMs);
        }
        b.maxBlock(Duration.ofMillis(maxBlockMs));
        if (maxBatchBytes != null) {
            b.maxBatchBytes(maxBatchBytes);
        }
        if (maxBatchCount != null) {
            b.maxBatchCount(maxBatchCount);
        }
        if (lingerMs != null) {
            b.linger(Duration.ofMillis(lingerMs));
        }
        if (totalBufferBytes != null) {
            b.totalBufferBytes(totalBufferBytes);
        }
        if (deliveryTimeoutMs != null) {
            b.deliveryTimeout(Duration.ofMillis(deliveryTimeoutMs));
        }
        if (ioThreads != null) {
            b.ioThreads(ioThreads);
        }
        if (compression != null) {
            b.compression(compression(compression));
        }
        if (hostname != null && !hostname.trim().isEmpty()) {
            b.hostname(hostname.trim());
        }
        if (sourceIp != null && !sourceIp.trim().isEmpty()) {
            b.sourceIp(sourceIp.trim());
        }
        return b.build(); // names the out-of-range option
    }

    private static Compression compression(String name) {
        try {
            return Compression.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "compression must be one of " + Arrays.toString(Compression.values()) + ", got '" + name + "'");
        }
    }

    CredentialsProvider credentials() {
        boolean hasId = secretId != null && !secretId.isEmpty();
        boolean hasKey = secretKey != null && !secretKey.isEmpty();
        boolean hasClass =
                credentialsProvider != null && !credentialsProvider.trim().isEmpty();
        if (hasId != hasKey) {
            throw new IllegalArgumentException("secretId and secretKey: set both or neither (the secret is not shown)");
        }
        if (hasId && hasClass) {
            throw new IllegalArgumentException("credentialsProvider and secretId/secretKey: set one of them, not both");
        }
        if (hasId) {
            String token = sessionToken == null || sessionToken.isEmpty() ? null : sessionToken;
            return CredentialsProvider.of(Credentials.of(secretId, secretKey, token));
        }
        if (hasClass) {
            return instantiate(credentialsProvider.trim());
        }
        try {
            return CredentialsProvider.fromEnvironment();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "credentials: none configured and the environment has none: " + e.getMessage(), e);
        }
    }

    private static CredentialsProvider instantiate(String className) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type =
                    Class.forName(className, true, loader != null ? loader : AppenderSettings.class.getClassLoader());
            if (!CredentialsProvider.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(
                        "credentialsProvider: " + className + " does not implement " + CredentialsProvider.class);
            }
            return (CredentialsProvider) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("credentialsProvider: class " + className + " not found", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException(
                    "credentialsProvider: cannot create " + className + " with its public no-argument constructor: "
                            + e,
                    e);
        }
    }
}
