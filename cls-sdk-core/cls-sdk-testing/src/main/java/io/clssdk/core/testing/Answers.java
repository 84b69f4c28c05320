package io.clssdk.core.testing;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Builds what {@link FakeClsServer} answers to one upload request — 200, a CLS error body, or the misbehaviour of a
 * {@link Fault} — and sets the answer's status and error code on its {@link Outcome}. It records nothing.
 */
final class Answers {
    private Answers() {}

    /** 200 with the request id. */
    static MockResponse ok(Outcome outcome) {
        outcome.status = 200;
        return okBuilder(outcome).build();
    }

    /** The CLS error body for a request refused by a check. */
    static MockResponse rejected(Rejected r, Outcome outcome) {
        outcome.status = r.status;
        outcome.errorCode = r.code;
        String json = "{\"errorcode\":\"" + r.code + "\",\"errormessage\":\""
                + r.getMessage().replace("\"", "'") + "\"}";
        return errorBuilder(r.status, json, "application/json", outcome).build();
    }

    /** The answer {@code fault} scripts (the logs are stored or not before this, as the fault says). */
    static MockResponse misbehave(Fault fault, Outcome outcome) {
        switch (fault.kind) {
            case ERROR:
                outcome.status = fault.status;
                outcome.errorCode = fault.errorCode;
                MockResponse.Builder error = errorBuilder(fault.status, fault.body, "application/json", outcome);
                if (fault.retryAfter != null) {
                    error.addHeader("Retry-After", fault.retryAfter);
                }
                return error.build();
            case RAW_ERROR:
                outcome.status = fault.status;
                return errorBuilder(fault.status, fault.body, fault.contentType, outcome)
                        .build();
            case PROXY_ANSWER:
                outcome.status = fault.status;
                MockResponse.Builder foreign = new MockResponse.Builder().code(fault.status);
                if (fault.contentType != null) {
                    foreign.addHeader("Content-Type", fault.contentType);
                }
                if (fault.body != null) {
                    foreign.body(fault.body);
                }
                return foreign.build();
            case DELAY:
                outcome.status = 200;
                return okBuilder(outcome)
                        .headersDelay(fault.duration.toMillis(), TimeUnit.MILLISECONDS)
                        .build();
            case DRIP:
                outcome.status = 200;
                return okBuilder(outcome)
                        .body("{\"note\":\"slow\"}")
                        .throttleBody(1, fault.duration.toMillis(), TimeUnit.MILLISECONDS)
                        .build();
            case STALL:
                return new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build();
            case DROP_BEFORE_STORE:
            case DROP_AFTER_STORE:
                return new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                        .build();
            default:
                throw new IllegalStateException("unknown fault " + fault);
        }
    }

    private static MockResponse.Builder okBuilder(Outcome outcome) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("x-cls-requestid", outcome.requestId)
                .addHeader("Content-Type", "application/json");
    }

    private static MockResponse.Builder errorBuilder(int status, String body, String contentType, Outcome outcome) {
        MockResponse.Builder b =
                new MockResponse.Builder().code(status).addHeader("x-cls-requestid", outcome.requestId);
        if (contentType != null) {
            b.addHeader("Content-Type", contentType);
        }
        if (body != null) {
            b.body(body);
        }
        return b;
    }
}
