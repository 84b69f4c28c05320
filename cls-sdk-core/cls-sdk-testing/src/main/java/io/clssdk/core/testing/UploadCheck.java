package io.clssdk.core.testing;

import io.clssdk.core.internal.proto.ClsProto;
import io.clssdk.core.spi.Limits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.ByteString;

/**
 * Checks one upload request for {@link FakeClsServer} as CLS would and decodes its logs: path and parameters, content
 * headers, the v1 signature (with {@link V1Verifier}), the host and the session token, decompression (with
 * {@link BodyDecoder}), the {@code LogGroupList} and the CLS limits on groups, logs and values, and the rules of
 * {@link FaultSchedule}. What it refuses it throws as a {@link Rejected}; it stores nothing.
 */
final class UploadCheck {
    private final Map<String, String> secretKeys;
    private final Map<String, String> tokens;
    private final LongSupplier nowMillis;
    private final boolean verify;
    private final Supplier<String> expectedHost;
    private final FaultSchedule faults;
    private final AtomicLong invalidUtf8Values;

    /**
     * @param secretKeys the accepted key pairs, read on every request (the server adds to them)
     * @param tokens the session token each SecretId must carry, read on every request
     * @param expectedHost the Host header a signed request must carry, asked for on each verified request
     * @param invalidUtf8Values counts the field values that are not well-formed UTF-8
     */
    UploadCheck(
            Map<String, String> secretKeys,
            Map<String, String> tokens,
            LongSupplier nowMillis,
            boolean verify,
            Supplier<String> expectedHost,
            FaultSchedule faults,
            AtomicLong invalidUtf8Values) {
        this.secretKeys = secretKeys;
        this.tokens = tokens;
        this.nowMillis = nowMillis;
        this.verify = verify;
        this.expectedHost = expectedHost;
        this.faults = faults;
        this.invalidUtf8Values = invalidUtf8Values;
    }

    /** The request's headers, names in lower case, the first value of each. */
    static Map<String, String> firstValues(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : headers.names()) {
            out.put(name.toLowerCase(Locale.ROOT), headers.get(name));
        }
        if (!out.containsKey("host") && out.containsKey(":authority")) {
            out.put("host", out.get(":authority")); // HTTP/2 carries the Host header as :authority
        }
        return out;
    }

    /**
     * Checks the request and returns its logs, setting the raw size and the group and log counts on {@code outcome}.
     *
     * @throws Rejected when CLS would answer the request with an error
     */
    List<ReceivedLog> check(RecordedRequest request, ByteString body, Outcome outcome) throws Rejected {
        checkRequest(request, outcome.headers, outcome.topicId, body);
        byte[] raw = BodyDecoder.decode(outcome.headers.get("x-cls-compress-type"), body.toByteArray());
        outcome.rawBytes = raw.length;
        return parse(outcome.topicId, raw, outcome);
    }

    private void checkRequest(RecordedRequest request, Map<String, String> headers, String topicId, ByteString body)
            throws Rejected {
        if (!"POST".equals(request.getMethod())
                || !"/structuredlog".equals(request.getUrl().encodedPath())) {
            throw new Rejected(404, "ResourceNotFound", "only POST /structuredlog exists here");
        }
        if (topicId == null || topicId.isEmpty()) {
            throw new Rejected(400, "MissingParameter", "topic_id is missing");
        }
        String contentType = headers.get("content-type");
        if (contentType == null) {
            throw new Rejected(400, "MissingContentType", "Content-Type is missing");
        }
        if (!contentType.equals("application/x-protobuf")) {
            throw new Rejected(400, "InvalidContentType", "Content-Type must be application/x-protobuf");
        }
        if (verify) {
            verifySignature(request, headers);
        }
        if (body.size() == 0) {
            throw new Rejected(400, "MissingContent", "empty body");
        }
    }

    private void verifySignature(RecordedRequest request, Map<String, String> headers) throws Rejected {
        String expectedHost = this.expectedHost.get();
        if (!expectedHost.equals(headers.get("host"))) {
            throw new Rejected(400, "InvalidParam", "Host header '" + headers.get("host") + "' is not " + expectedHost);
        }
        V1Verifier.Verified verified;
        try {
            verified = V1Verifier.verify(
                    headers.get("authorization"),
                    request.getMethod(),
                    request.getUrl().encodedPath(),
                    V1Verifier.parseQuery(request.getUrl().encodedQuery()),
                    headers,
                    secretKeys,
                    nowMillis.getAsLong() / 1000);
        } catch (V1Verifier.Rejection r) {
            throw new Rejected(r.status, r.code, r.getMessage());
        }
        if (!verified.headerList.contains("host") || !verified.headerList.contains("content-type")) {
            throw new Rejected(401, "AuthFailure.SignatureFailure", "host and content-type must be signed");
        }
        String expectedToken = tokens.get(verified.secretId);
        String token = headers.get("x-cls-token");
        if (expectedToken != null && !expectedToken.equals(token)) {
            throw new Rejected(
                    401, "AuthFailure.TokenFailure", token == null ? "X-Cls-Token is missing" : "token is invalid");
        }
    }

    private List<ReceivedLog> parse(String topicId, byte[] raw, Outcome outcome) throws Rejected {
        ClsProto.LogGroupList list;
        try {
            list = ClsProto.LogGroupList.parseFrom(raw);
        } catch (IOException e) {
            throw new Rejected(400, "InvalidContent", "body is not a LogGroupList: " + e.getMessage());
        }
        if (list.getLogGroupListCount() == 0 || list.getLogGroupListCount() > 10) {
            throw new Rejected(400, "InvalidParam", list.getLogGroupListCount() + " log groups (1 to 10 allowed)");
        }
        List<ReceivedLog> out = new ArrayList<>();
        long values = 0;
        for (ClsProto.LogGroup group : list.getLogGroupListList()) {
            if (group.getLogsCount() == 0 || group.getLogsCount() > 10_000) {
                throw new Rejected(400, "InvalidParam", group.getLogsCount() + " logs in a group (1 to 10000)");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (ClsProto.LogTag tag : group.getLogTagsList()) {
                tags.put(tag.getKey(), tag.getValue());
            }
            for (ClsProto.Log log : group.getLogsList()) {
                List<Map.Entry<String, String>> fields = new ArrayList<>(log.getContentsCount());
                for (ClsProto.Log.Content c : log.getContentsList()) {
                    if (Limits.isReservedKey(c.getKey())) {
                        throw new Rejected(400, "InvalidParam", "key " + c.getKey() + " is reserved by CLS");
                    }
                    int size = c.getValueBytes().size();
                    if (size > 1024 * 1024) {
                        throw new Rejected(400, "InvalidParam", "a value of " + size + " bytes exceeds 1 MiB");
                    }
                    values += size;
                    if (!c.getValueBytes().isValidUtf8()) {
                        invalidUtf8Values.incrementAndGet();
                    }
                    fields.add(ReceivedLog.entry(c.getKey(), c.getValue()));
                }
                ReceivedLog received = new ReceivedLog(
                        topicId,
                        outcome.requestId,
                        log.getTime(),
                        fields,
                        group.hasSource() ? group.getSource() : null,
                        group.hasFilename() ? group.getFilename() : null,
                        group.hasHostname() ? group.getHostname() : null,
                        group.hasContextFlow() ? group.getContextFlow() : null,
                        tags,
                        outcome.fault);
                faults.checkRules(received);
                out.add(received);
            }
            outcome.groups++;
        }
        if (values > 5 * 1024 * 1024) {
            throw new Rejected(403, "LogSizeExceed", "values add up to " + values + " bytes, over 5 MiB");
        }
        outcome.logs = out.size();
        return out;
    }
}
