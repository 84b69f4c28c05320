package io.clssdk.core.testing;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One upload request as the fake endpoint saw it, and what it answered. */
public final class ReceivedRequest {
    private final String topicId;
    private final Map<String, String> headers;
    private final int bodyBytes;
    private final int rawBytes;
    private final int groups;
    private final int logs;
    private final int status;
    private final String errorCode;
    private final String requestId;
    private final boolean stored;
    private final Fault fault;

    ReceivedRequest(
            String topicId,
            Map<String, String> headers,
            int bodyBytes,
            int rawBytes,
            int groups,
            int logs,
            int status,
            String errorCode,
            String requestId,
            boolean stored,
            Fault fault) {
        this.topicId = topicId;
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = Collections.unmodifiableMap(h);
        this.bodyBytes = bodyBytes;
        this.rawBytes = rawBytes;
        this.groups = groups;
        this.logs = logs;
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.stored = stored;
        this.fault = fault;
    }

    public String topicId() {
        return topicId;
    }

    /** Request headers (case-insensitive names; the first value of each). */
    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** Bytes on the wire. */
    public int bodyBytes() {
        return bodyBytes;
    }

    /** Bytes after decompression (0 when the body could not be decoded). */
    public int rawBytes() {
        return rawBytes;
    }

    public int groups() {
        return groups;
    }

    public int logs() {
        return logs;
    }

    /** The status answered, or 0 when the connection was dropped without an answer. */
    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String requestId() {
        return requestId;
    }

    /** True when the logs were stored (a dropped connection may still have stored them). */
    public boolean stored() {
        return stored;
    }

    /** The fault applied to this request (scripted or random), or null when it was answered normally. */
    public Fault fault() {
        return fault;
    }

    @Override
    public String toString() {
        return "ReceivedRequest{topic=" + topicId + ", status=" + status + ", errorCode=" + errorCode + ", logs=" + logs
                + ", stored=" + stored + (fault == null ? "" : ", fault=" + fault) + '}';
    }
}
