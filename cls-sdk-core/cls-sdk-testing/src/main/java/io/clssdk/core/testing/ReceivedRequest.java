package io.clssdk.core.testing;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One upload request as {@link FakeClsServer} saw it, and what it answered. Recorded for every request, accepted or
 * not, unless the server was built with {@code keepLogs(false)}. Immutable.
 */
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

    /** The {@code topic_id} query parameter, or an empty string when the request had none. */
    public String topicId() {
        return topicId;
    }

    /** Request headers (case-insensitive names; the first value of each). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The first value of header {@code name} (any case), or null. */
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

    /** Log groups decoded from the body (0 when the request was rejected before its body was decoded). */
    public int groups() {
        return groups;
    }

    /** Logs decoded from the body, counted once the whole body passed the CLS limits (0 otherwise). */
    public int logs() {
        return logs;
    }

    /** The status answered, or 0 when the connection was dropped without an answer. */
    public int status() {
        return status;
    }

    /** The CLS error code answered (e.g. {@code SpeedQuotaExceed}), or null for a success or a non-CLS answer. */
    public String errorCode() {
        return errorCode;
    }

    /** The {@code x-cls-requestid} assigned to this request ({@code fake-<hex>}). */
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
