package io.clssdk.producer.appender;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.clssdk.core.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;

/**
 * A logback appender that sends each event to a CLS topic through a {@link io.clssdk.producer.ClsProducer} of its own.
 * Configured from {@code logback.xml}, one element per setter (see the README's "Logging from logback / log4j2"):
 *
 * <pre>{@code
 * <appender name="CLS" class="io.clssdk.producer.appender.ClsLogbackAppender">
 *   <region>ap-guangzhou</region>
 *   <topicId>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</topicId>
 * </appender>
 * }</pre>
 *
 * <p>{@code append} never blocks by default ({@code maxBlockMs} 0): when the producer's buffer is full the event is
 * dropped, counted in {@link #droppedEvents()} and reported to logback's status manager at most every 10 s. A bad
 * setting is reported as a status error naming it, and the appender does not start. The SDK's own loggers
 * ({@code io.clssdk.*}) are never sent. {@link #stop()} sends what is buffered, waiting at most {@code stopTimeoutMs}.
 * Compiled against logback 1.3 (Java 8); tested with 1.3 and 1.5. Thread-safe.
 */
public class ClsLogbackAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final AppenderSettings settings = new AppenderSettings();
    private final List<String> configErrors = new ArrayList<>();
    private volatile ClsSink sink;
    private volatile RecordLayout layout;

    /** Creates an appender to be configured through its setters, then {@link #start() started}. */
    public ClsLogbackAppender() {}

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (!configErrors.isEmpty()) {
            addError("CLS appender '" + getName() + "' not started: " + String.join("; ", configErrors));
            return;
        }
        try {
            layout = settings.layout();
            sink = settings.openSink(getName(), this::addWarn);
        } catch (RuntimeException e) {
            addError("CLS appender '" + getName() + "' not started: " + e.getMessage());
            return;
        }
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        ClsSink current = sink;
        if (current != null && !current.close()) {
            addWarn("CLS appender '" + getName() + "': not everything was delivered within stopTimeoutMs ("
                    + settings.stopTimeoutMs + " ms); " + current.failed() + " events failed");
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        ClsSink current = sink;
        if (current != null) {
            current.offer(event.getLoggerName(), event, layout, ClsLogbackAppender::toRecord);
        }
    }

    static LogRecord toRecord(ILoggingEvent event, RecordLayout layout) {
        LogRecord.Builder record = layout.start(
                event.getTimeStamp(),
                event.getLevel().toString(),
                event.getLoggerName(),
                event.getThreadName(),
                event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            RecordFields.add(record, RecordLayout.THROWABLE, ThrowableProxyUtil.asString(thrown));
        }
        if (layout.includeLocation()) {
            StackTraceElement[] caller = event.getCallerData();
            if (caller != null && caller.length > 0) {
                StackTraceElement e = caller[0];
                RecordFields.add(record, RecordLayout.LOCATION, RecordFields.location(e));
            }
        }
        List<Marker> markers = event.getMarkerList();
        if (markers != null && !markers.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Marker marker : markers) {
                names.append(names.length() == 0 ? "" : ",").append(marker.getName());
            }
            RecordFields.add(record, RecordLayout.MARKERS, names.toString());
        }
        if (layout.includesMdc()) {
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    layout.mdc(record, entry.getKey(), entry.getValue());
                }
            }
        }
        return layout.finish(record);
    }

    /** Events dropped because the producer did not accept them (buffer full for longer than maxBlockMs, stopped). */
    public long droppedEvents() {
        ClsSink current = sink;
        return current == null ? 0 : current.dropped();
    }

    /** Events accepted whose delivery failed (refused by CLS, delivery timeout, still pending when stopped). */
    public long failedEvents() {
        ClsSink current = sink;
        return current == null ? 0 : current.failed();
    }

    /** The sink, or null when not started (for tests). */
    ClsSink sink() {
        return sink;
    }

    /** CLS region, e.g. {@code ap-guangzhou}; set this or {@link #setEndpoint endpoint}. */
    public void setRegion(String region) {
        settings.region = region;
    }

    /** {@code PUBLIC} (default, {@code <region>.cls.tencentcs.com}) or {@code PRIVATE} (same-region machines). */
    public void setNetwork(String network) {
        settings.network = network;
    }

    /** A full endpoint, {@code scheme://host[:port]}, instead of a region. */
    public void setEndpoint(String endpoint) {
        settings.endpoint = endpoint;
    }

    /** Secret id; without it (and without a provider class) the environment's credentials are used. */
    public void setSecretId(String secretId) {
        settings.secretId = secretId;
    }

    /** Secret key, with {@link #setSecretId secretId}; never logged. */
    public void setSecretKey(String secretKey) {
        settings.secretKey = secretKey;
    }

    /** Optional STS session token, with secretId and secretKey; never logged. */
    public void setSessionToken(String sessionToken) {
        settings.sessionToken = sessionToken;
    }

    /** Class name of an {@link io.clssdk.core.CredentialsProvider} with a public no-argument constructor. */
    public void setCredentialsProvider(String className) {
        settings.credentialsProvider = className;
    }

    /** The topic the events go to (required). */
    public void setTopicId(String topicId) {
        settings.topicId = topicId;
    }

    /** Producer option maxBatchBytes (default 512 KiB). */
    public void setMaxBatchBytes(int maxBatchBytes) {
        settings.maxBatchBytes = maxBatchBytes;
    }

    /** Producer option maxBatchCount (default 4,096). */
    public void setMaxBatchCount(int maxBatchCount) {
        settings.maxBatchCount = maxBatchCount;
    }

    /** Producer option linger in ms (default 2,000). */
    public void setLingerMs(long lingerMs) {
        settings.lingerMs = lingerMs;
    }

    /** Producer option totalBufferBytes (default 100 MiB). */
    public void setTotalBufferBytes(long totalBufferBytes) {
        settings.totalBufferBytes = totalBufferBytes;
    }

    /** How long {@code append} may wait for buffer space, in ms (default 0: drop at once). */
    public void setMaxBlockMs(long maxBlockMs) {
        settings.maxBlockMs = maxBlockMs;
    }

    /** Producer option deliveryTimeout in ms (default 120,000). */
    public void setDeliveryTimeoutMs(long deliveryTimeoutMs) {
        settings.deliveryTimeoutMs = deliveryTimeoutMs;
    }

    /** {@code LZ4} (default), {@code DEFLATE} or {@code NONE}. */
    public void setCompression(String compression) {
        settings.compression = compression;
    }

    /** Producer option ioThreads (default 4). */
    public void setIoThreads(int ioThreads) {
        settings.ioThreads = ioThreads;
    }

    /** {@code __HOSTNAME__} of every log (default: this host's name). */
    public void setHostname(String hostname) {
        settings.hostname = hostname;
    }

    /** {@code __SOURCE__} of every log (default: this host's first non-loopback IPv4). */
    public void setSourceIp(String sourceIp) {
        settings.sourceIp = sourceIp;
    }

    /** Whether to register the producer's metrics MBean (default true). */
    public void setJmx(boolean jmx) {
        settings.jmx = jmx;
    }

    /** How long {@link #stop()} waits for buffered events to be delivered, in ms (default 5,000). */
    public void setStopTimeoutMs(long stopTimeoutMs) {
        settings.stopTimeoutMs = stopTimeoutMs;
    }

    /** Whether to send the {@code location} field (default false; finding the caller costs a stack walk). */
    public void setIncludeLocation(boolean includeLocation) {
        settings.includeLocation = includeLocation;
    }

    /** Whether to send MDC entries (default true). */
    public void setIncludeMdc(boolean includeMdc) {
        settings.includeMdc = includeMdc;
    }

    /** Comma-separated MDC keys to send (default: all). */
    public void setMdcKeys(String mdcKeys) {
        settings.mdcKeys = mdcKeys;
    }

    /** A static field sent with every event, written {@code key=value}; repeat the element for more. */
    public void addField(String keyEqualsValue) {
        try {
            settings.addField(keyEqualsValue);
        } catch (IllegalArgumentException e) {
            configErrors.add(e.getMessage());
        }
    }
}
