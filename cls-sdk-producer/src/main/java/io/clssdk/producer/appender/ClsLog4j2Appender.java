package io.clssdk.producer.appender;

import io.clssdk.core.LogRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * A log4j2 appender, plugin {@code Cls}, that sends each event to a CLS topic through a
 * {@link io.clssdk.producer.ClsProducer} of its own. Configured from {@code log4j2.xml}, settings as attributes and
 * static fields as {@code KeyValuePair} elements (see the README's "Logging from logback / log4j2"):
 *
 * <pre>{@code
 * <Cls name="CLS" region="ap-guangzhou" topicId="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx">
 *   <KeyValuePair key="env" value="prod"/>
 * </Cls>
 * }</pre>
 *
 * <p>log4j2 finds the plugin through the {@code Log4j2Plugins.dat} index in this jar (written at build time by
 * log4j-core's annotation processor), so no {@code packages="..."} attribute is needed.
 *
 * <p>{@code append} never blocks by default ({@code maxBlockMs} 0): when the producer's buffer is full the event is
 * dropped, counted in {@link #droppedEvents()} and reported to log4j2's StatusLogger at most every 10 s. A bad setting
 * is reported through the StatusLogger naming it, and no appender is created. The SDK's own loggers
 * ({@code io.clssdk.*}) are never sent. Stopping sends what is buffered, waiting at most {@code stopTimeoutMs}.
 * Thread-safe.
 */
@Plugin(name = "Cls", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class ClsLog4j2Appender extends AbstractAppender {
    private final ClsSink sink;
    private final RecordLayout layout;

    ClsLog4j2Appender(String name, Filter filter, Property[] properties, ClsSink sink, RecordLayout layout) {
        super(name, filter, null, true, properties);
        this.sink = sink;
        this.layout = layout;
    }

    /** The builder log4j2 fills from the {@code <Cls>} element. */
    @PluginBuilderFactory
    public static <B extends ClsLog4j2Builder<B>> B newBuilder() {
        return new ClsLog4j2Builder<B>().asBuilder();
    }

    @Override
    public void append(LogEvent event) {
        sink.offer(event.getLoggerName(), event, layout, ClsLog4j2Appender::toRecord);
    }

    static LogRecord toRecord(LogEvent event, RecordLayout layout) {
        LogRecord.Builder record = layout.start(
                event.getTimeMillis(),
                event.getLevel().name(),
                event.getLoggerName(),
                event.getThreadName(),
                event.getMessage() == null ? null : event.getMessage().getFormattedMessage());
        Throwable thrown = event.getThrown();
        if (thrown != null) {
            StringWriter trace = new StringWriter(1024);
            thrown.printStackTrace(new PrintWriter(trace));
            RecordFields.add(record, RecordLayout.THROWABLE, trace.toString());
        }
        if (layout.includeLocation()) {
            StackTraceElement e = event.getSource();
            if (e != null) {
                RecordFields.add(record, RecordLayout.LOCATION, RecordFields.location(e));
            }
        }
        Marker marker = event.getMarker();
        if (marker != null) {
            RecordFields.add(record, RecordLayout.MARKERS, marker.getName());
        }
        if (layout.includesMdc()) {
            event.getContextData().forEach((key, value) -> layout.mdc(record, key, value));
        }
        return layout.finish(record);
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        if (!sink.close()) {
            LOGGER.warn(
                    "CLS appender '{}': not everything was delivered before the stop timeout; {} events failed",
                    getName(),
                    sink.failed());
            stopped = false;
        }
        setStopped();
        return stopped;
    }

    /** Events dropped because the producer did not accept them (buffer full for longer than maxBlockMs, stopped). */
    public long droppedEvents() {
        return sink.dropped();
    }

    /** Events accepted whose delivery failed (refused by CLS, delivery timeout, still pending when stopped). */
    public long failedEvents() {
        return sink.failed();
    }
}
