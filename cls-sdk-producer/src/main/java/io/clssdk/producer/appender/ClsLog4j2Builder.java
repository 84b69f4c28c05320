package io.clssdk.producer.appender;

import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Builds a {@link ClsLog4j2Appender} from the attributes of a {@code <Cls>} element; the attributes and defaults are
 * those of the logback appender's setters (README, "Logging from logback / log4j2"). {@link #build()} reports a bad
 * setting through the StatusLogger, naming it, and returns null: log4j2 then creates no appender and the application
 * goes on. Not thread-safe (used by log4j2's configuration only).
 *
 * @param <B> the builder type
 */
public class ClsLog4j2Builder<B extends ClsLog4j2Builder<B>> extends AbstractAppender.Builder<B>
        implements org.apache.logging.log4j.core.util.Builder<ClsLog4j2Appender> {
    @PluginBuilderAttribute
    private String region;

    @PluginBuilderAttribute
    private String network;

    @PluginBuilderAttribute
    private String endpoint;

    @PluginBuilderAttribute(sensitive = true)
    private String secretId;

    @PluginBuilderAttribute(sensitive = true)
    private String secretKey;

    @PluginBuilderAttribute(sensitive = true)
    private String sessionToken;

    @PluginBuilderAttribute
    private String credentialsProvider;

    @PluginBuilderAttribute
    private String topicId;

    @PluginBuilderAttribute
    private Integer maxBatchBytes;

    @PluginBuilderAttribute
    private Integer maxBatchCount;

    @PluginBuilderAttribute
    private Long lingerMs;

    @PluginBuilderAttribute
    private Long totalBufferBytes;

    @PluginBuilderAttribute
    private long maxBlockMs;

    @PluginBuilderAttribute
    private Long deliveryTimeoutMs;

    @PluginBuilderAttribute
    private String compression;

    @PluginBuilderAttribute
    private Integer ioThreads;

    @PluginBuilderAttribute
    private String hostname;

    @PluginBuilderAttribute
    private String sourceIp;

    @PluginBuilderAttribute
    private boolean jmx = true;

    @PluginBuilderAttribute
    private long stopTimeoutMs = AppenderSettings.DEFAULT_STOP_TIMEOUT_MS;

    @PluginBuilderAttribute
    private boolean includeLocation;

    @PluginBuilderAttribute
    private boolean includeMdc = true;

    @PluginBuilderAttribute
    private String mdcKeys;

    @PluginElement("Fields")
    private KeyValuePair[] fields;

    /** Use {@link ClsLog4j2Appender#newBuilder()}. */
    protected ClsLog4j2Builder() {}

    /** Sets region (README: the appender options). */
    public B setRegion(String region) {
        this.region = region;
        return asBuilder();
    }

    /** Sets network (README: the appender options). */
    public B setNetwork(String network) {
        this.network = network;
        return asBuilder();
    }

    /** Sets endpoint (README: the appender options). */
    public B setEndpoint(String endpoint) {
        this.endpoint = endpoint;
        return asBuilder();
    }

    /** Sets secretId (README: the appender options). */
    public B setSecretId(String secretId) {
        this.secretId = secretId;
        return asBuilder();
    }

    /** Sets secretKey (README: the appender options). */
    public B setSecretKey(String secretKey) {
        this.secretKey = secretKey;
        return asBuilder();
    }

    /** Sets sessionToken (README: the appender options). */
    public B setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
        return asBuilder();
    }

    /** Sets credentialsProvider (README: the appender options). */
    public B setCredentialsProvider(String credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
        return asBuilder();
    }

    /** Sets topicId (README: the appender options). */
    public B setTopicId(String topicId) {
        this.topicId = topicId;
        return asBuilder();
    }

    /** Sets maxBatchBytes (README: the appender options). */
    public B setMaxBatchBytes(Integer maxBatchBytes) {
        this.maxBatchBytes = maxBatchBytes;
        return asBuilder();
    }

    /** Sets maxBatchCount (README: the appender options). */
    public B setMaxBatchCount(Integer maxBatchCount) {
        this.maxBatchCount = maxBatchCount;
        return asBuilder();
    }

    /** Sets lingerMs (README: the appender options). */
    public B setLingerMs(Long lingerMs) {
        this.lingerMs = lingerMs;
        return asBuilder();
    }

    /** Sets totalBufferBytes (README: the appender options). */
    public B setTotalBufferBytes(Long totalBufferBytes) {
        this.totalBufferBytes = totalBufferBytes;
        return asBuilder();
    }

    /** Sets maxBlockMs (README: the appender options). */
    public B setMaxBlockMs(long maxBlockMs) {
        this.maxBlockMs = maxBlockMs;
        return asBuilder();
    }

    /** Sets deliveryTimeoutMs (README: the appender options). */
    public B setDeliveryTimeoutMs(Long deliveryTimeoutMs) {
        this.deliveryTimeoutMs = deliveryTimeoutMs;
        return asBuilder();
    }

    /** Sets compression (README: the appender options). */
    public B setCompression(String compression) {
        this.compression = compression;
        return asBuilder();
    }

    /** Sets ioThreads (README: the appender options). */
    public B setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
        return asBuilder();
    }

    /** Sets hostname (README: the appender options). */
    public B setHostname(String hostname) {
        this.hostname = hostname;
        return asBuilder();
    }

    /** Sets sourceIp (README: the appender options). */
    public B setSourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
        return asBuilder();
    }

    /** Sets jmx (README: the appender options). */
    public B setJmx(boolean jmx) {
        this.jmx = jmx;
        return asBuilder();
    }

    /** Sets stopTimeoutMs (README: the appender options). */
    public B setStopTimeoutMs(long stopTimeoutMs) {
        this.stopTimeoutMs = stopTimeoutMs;
        return asBuilder();
    }

    /** Sets includeLocation (README: the appender options). */
    public B setIncludeLocation(boolean includeLocation) {
        this.includeLocation = includeLocation;
        return asBuilder();
    }

    /** Sets includeMdc (README: the appender options). */
    public B setIncludeMdc(boolean includeMdc) {
        this.includeMdc = includeMdc;
        return asBuilder();
    }

    /** Sets mdcKeys (README: the appender options). */
    public B setMdcKeys(String mdcKeys) {
        this.mdcKeys = mdcKeys;
        return asBuilder();
    }

    /** Sets the static fields (the {@code KeyValuePair} elements). */
    public B setFields(KeyValuePair... fields) {
        this.fields = fields;
        return asBuilder();
    }

    /** Creates the appender and its producer, or reports the bad setting and returns null. */
    @Override
    public ClsLog4j2Appender build() {
        try {
            AppenderSettings settings = settings();
            RecordLayout layout = settings.layout();
            ClsSink sink = settings.openSink(
                    getName(), message -> StatusLogger.getLogger().warn(message));
            return new ClsLog4j2Appender(getName(), getFilter(), getPropertyArray(), sink, layout);
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("CLS appender '{}' not created: {}", getName(), e.getMessage());
            return null;
        }
    }

    private AppenderSettings settings() {
        AppenderSettings s = new AppenderSettings();
        s.region = region;
        if (network != null) {
            s.network = network;
        }
        s.endpoint = endpoint;
        s.secretId = secretId;
        s.secretKey = secretKey;
        s.sessionToken = sessionToken;
        s.credentialsProvider = credentialsProvider;
        s.topicId = topicId;
        s.maxBatchBytes = maxBatchBytes;
        s.maxBatchCount = maxBatchCount;
        s.lingerMs = lingerMs;
        s.totalBufferBytes = totalBufferBytes;
        s.maxBlockMs = maxBlockMs;
        s.deliveryTimeoutMs = deliveryTimeoutMs;
        s.compression = compression;
        s.ioThreads = ioThreads;
        s.hostname = hostname;
        s.sourceIp = sourceIp;
        s.jmx = jmx;
        s.stopTimeoutMs = stopTimeoutMs;
        s.includeLocation = includeLocation;
        s.includeMdc = includeMdc;
        s.mdcKeys = mdcKeys;
        if (fields != null) {
            for (KeyValuePair field : fields) {
                s.addField(field.getKey(), field.getValue());
            }
        }
        return s;
    }
}
