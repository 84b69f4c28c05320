package io.clssdk.core.testing;

import java.util.Map;

/**
 * The state of one upload request while {@link FakeClsServer} handles it: filled in by {@link UploadCheck} (sizes,
 * counts), {@link Answers} (status, error code) and the server (whether it stored the logs), then recorded as a
 * {@link ReceivedRequest}.
 */
final class Outcome {
    final String topicId;
    final Map<String, String> headers;
    final int bodyBytes;
    final Fault fault;
    final String requestId;
    int rawBytes;
    int groups;
    int logs;
    int status;
    String errorCode;
    boolean stored;

    Outcome(String topicId, Map<String, String> headers, int bodyBytes, Fault fault, String requestId) {
        this.topicId = topicId;
        this.headers = headers;
        this.bodyBytes = bodyBytes;
        this.fault = fault;
        this.requestId = requestId;
    }

    /** What {@link FakeClsServer#requests()} shows of this request. */
    ReceivedRequest toReceivedRequest() {
        return new ReceivedRequest(
                topicId == null ? "" : topicId,
                headers,
                bodyBytes,
                rawBytes,
                groups,
                logs,
                status,
                errorCode,
                requestId,
                stored,
                fault);
    }
}
