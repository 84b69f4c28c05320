package io.clssdk.core.testing;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One log as {@link FakeClsServer} decoded it, with the metadata of its group and the request that carried it.
 * Immutable. Two instances are equal when topic, request, time, fields, group metadata and tags are equal.
 */
public final class ReceivedLog {
    private final String topicId;
    private final String requestId;
    private final long timeMs;
    private final List<Map.Entry<String, String>> fields;
    private final String source;
    private final String filename;
    private final String hostname;
    private final String contextFlow;
    private final Map<String, String> tags;
    private final Fault fault;

    ReceivedLog(
            String topicId,
            String requestId,
            long timeMs,
            List<Map.Entry<String, String>> fields,
            String source,
            String filename,
            String hostname,
            String contextFlow,
            Map<String, String> tags,
            Fault fault) {
        this.topicId = topicId;
        this.requestId = requestId;
        this.timeMs = timeMs;
        this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
        this.source = source;
        this.filename = filename;
        this.hostname = hostname;
        this.contextFlow = contextFlow;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        this.fault = fault;
    }

    /** The {@code topic_id} the request was sent to. */
    public String topicId() {
        return topicId;
    }

    /** The {@code x-cls-requestid} the endpoint answered the storing request with ({@code fake-<hex>}). */
    public String requestId() {
        return requestId;
    }

    /** The log's time in milliseconds since the epoch, as sent. */
    public long timeMs() {
        return timeMs;
    }

    /** The fields in wire order. */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** The value of the first field named {@code key}, or null. */
    public String field(String key) {
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equals(key)) {
                return f.getValue();
            }
        }
        return null;
    }

    /** Null when the group had no source field. */
    public String source() {
        return source;
    }

    /** The group's filename, or null when it had none. */
    public String filename() {
        return filename;
    }

    /** The group's hostname, or null when it had none. */
    public String hostname() {
        return hostname;
    }

    /** The group's context flow (its {@code contextFlow} field), or null when it had none. */
    public String contextFlow() {
        return contextFlow;
    }

    /** The group's tags, in wire order (unmodifiable; empty when it had none). */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * The fault the endpoint applied to the request that stored this log after storing it (a dropped connection, a
     * stall, a delayed or trickled answer), or null when that request was answered normally. A log stored by a
     * faulted request may be sent again by a client that never saw the answer.
     */
    public Fault fault() {
        return fault;
    }

    static Map.Entry<String, String> entry(String k, String v) {
        return new AbstractMap.SimpleImmutableEntry<>(k, v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ReceivedLog)) {
            return false;
        }
        ReceivedLog r = (ReceivedLog) o;
        return timeMs == r.timeMs
                && topicId.equals(r.topicId)
                && Objects.equals(requestId, r.requestId)
                && fields.equals(r.fields)
                && Objects.equals(source, r.source)
                && Objects.equals(filename, r.filename)
                && Objects.equals(hostname, r.hostname)
                && Objects.equals(contextFlow, r.contextFlow)
                && tags.equals(r.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicId, requestId, timeMs, fields);
    }

    @Override
    public String toString() {
        return "ReceivedLog{topic=" + topicId + ", time=" + timeMs + ", fields=" + fields + ", contextFlow="
                + contextFlow + '}';
    }
}
