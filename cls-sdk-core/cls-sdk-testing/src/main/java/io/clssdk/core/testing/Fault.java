package io.clssdk.core.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted misbehaviour of the fake endpoint for one request. Faults that "store" keep the request's logs before
 * misbehaving, which is how a client ends up resending logs the service already has.
 */
public final class Fault {
    enum Kind {
        ERROR,
        RAW_ERROR,
        PROXY_ANSWER,
        DELAY,
        DROP_BEFORE_STORE,
        DROP_AFTER_STORE,
        STALL,
        DRIP
    }

    final Kind kind;
    final int status;
    final String errorCode;
    final String body;
    final String contentType;
    final Duration duration;
    final boolean store;
    final String retryAfter;

    private Fault(
            Kind kind,
            int status,
            String errorCode,
            String body,
            String contentType,
            Duration duration,
            boolean store,
            String retryAfter) {
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.body = body;
        this.contentType = contentType;
        this.duration = duration;
        this.store = store;
        this.retryAfter = retryAfter;
    }

    /** Answers {@code status} with a CLS error body {@code {"errorcode":code,"errormessage":message}}; stores nothing. */
    public static Fault error(int status, String code, String message) {
        String body = "{\"errorcode\":\"" + code + "\",\"errormessage\":\"" + message + "\"}";
        return new Fault(Kind.ERROR, status, code, body, "application/json", null, false, null);
    }

    /** A 429 SpeedQuotaExceed answer. */
    public static Fault throttled() {
        return error(429, "SpeedQuotaExceed", "write speed exceeds the quota");
    }

    /** Like {@link #throttled()} with a {@code Retry-After} header (seconds or an HTTP date). */
    public static Fault throttled(String retryAfter) {
        Fault f = throttled();
        return new Fault(f.kind, f.status, f.errorCode, f.body, f.contentType, null, false, retryAfter);
    }

    /** Answers {@code status} with an arbitrary body (HTML, truncated JSON, nothing); stores nothing. */
    public static Fault rawError(int status, String contentType, String body) {
        return new Fault(Kind.RAW_ERROR, status, null, body, contentType, null, false, null);
    }

    /**
     * Answers as a proxy or captive portal in front of CLS would: {@code status} (typically 200) with {@code body} and
     * without the {@code x-cls-requestid} header CLS always sets; stores nothing.
     */
    public static Fault proxyAnswer(int status, String contentType, String body) {
        return new Fault(Kind.PROXY_ANSWER, status, null, body, contentType, null, false, null);
    }

    /** Stores the logs and answers 200 after {@code delay}. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 200, null, null, null, Objects.requireNonNull(delay), true, null);
    }

    /** Reads the request, stores nothing and closes the connection without answering. */
    public static Fault dropBeforeStore() {
        return new Fault(Kind.DROP_BEFORE_STORE, 0, null, null, null, null, false, null);
    }

    /** Stores the logs, then closes the connection without answering (the client cannot tell it succeeded). */
    public static Fault dropAfterStore() {
        return new Fault(Kind.DROP_AFTER_STORE, 0, null, null, null, null, true, null);
    }

    /** Never answers (the client's read timeout fires); stores the logs when {@code store}. */
    public static Fault stall(boolean store) {
        return new Fault(Kind.STALL, 0, null, null, null, null, store, null);
    }

    /** Stores the logs and answers 200 with a body that trickles out one byte per {@code period}. */
    public static Fault drip(Duration period) {
        return new Fault(Kind.DRIP, 200, null, null, null, Objects.requireNonNull(period), true, null);
    }

    @Override
    public String toString() {
        return "Fault{" + kind + (status != 0 ? " " + status : "") + (errorCode != null ? " " + errorCode : "") + '}';
    }
}
