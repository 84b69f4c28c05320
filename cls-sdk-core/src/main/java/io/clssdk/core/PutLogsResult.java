package io.clssdk.core;

/** What a successful {@link ClsClient#putLogs} sent. Immutable. */
public final class PutLogsResult {
    private final String requestId;
    private final int rawBytes;
    private final int sentBytes;

    /** Creates a result (for tests and test doubles). */
    public PutLogsResult(String requestId, int rawBytes, int sentBytes) {
        this.requestId = requestId;
        this.rawBytes = rawBytes;
        this.sentBytes = sentBytes;
    }

    /** The {@code x-cls-requestid} CLS returned; quote it when asking Tencent Cloud support about a request. */
    public String requestId() {
        return requestId;
    }

    /** Size of the protobuf body before compression. */
    public int rawBytes() {
        return rawBytes;
    }

    /** Size of the body on the wire. */
    public int sentBytes() {
        return sentBytes;
    }

    @Override
    public String toString() {
        return "PutLogsResult{requestId=" + requestId + ", rawBytes=" + rawBytes + ", sentBytes=" + sentBytes + '}';
    }
}
