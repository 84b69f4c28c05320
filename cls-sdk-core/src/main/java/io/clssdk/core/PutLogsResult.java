package io.clssdk.core;

/** What a successful {@link ClsClient#putLogs} sent. Immutable. */
public final class PutLogsResult {
    private final String requestId;
    private final int rawBytes;
    private final int sentBytes;
    private final int surrogatesReplaced;

    /** Creates a result without replaced surrogates (for tests and test doubles). */
    public PutLogsResult(String requestId, int rawBytes, int sentBytes) {
        this(requestId, rawBytes, sentBytes, 0);
    }

    /** Creates a result (for tests and test doubles). */
    public PutLogsResult(String requestId, int rawBytes, int sentBytes, int surrogatesReplaced) {
        this.requestId = requestId;
        this.rawBytes = rawBytes;
        this.sentBytes = sentBytes;
        this.surrogatesReplaced = surrogatesReplaced;
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

    /**
     * How many unpaired UTF-16 surrogates (a lone high or low surrogate {@code char}, never valid text) in the
     * request's strings — keys, values, tags and other metadata — were sent as {@code '?'}, exactly as protobuf-java
     * encodes them. Zero for well-formed text; anything else points at a string cut in the middle of a character.
     */
    public int surrogatesReplaced() {
        return surrogatesReplaced;
    }

    @Override
    public String toString() {
        return "PutLogsResult{requestId=" + requestId + ", rawBytes=" + rawBytes + ", sentBytes=" + sentBytes
                + (surrogatesReplaced == 0 ? "" : ", surrogatesReplaced=" + surrogatesReplaced) + '}';
    }
}
