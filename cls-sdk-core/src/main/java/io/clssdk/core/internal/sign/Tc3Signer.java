package io.clssdk.core.internal.sign;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Tencent Cloud API 3.0 signature ({@code TC3-HMAC-SHA256}), as small pure steps (protocol reference §3.2).
 * Each step is public so tests can compare it with the documented intermediate values of §3.3.
 *
 * <p>Only {@code POST /} with an empty query string is produced here, which is all the CLS Cloud API client sends.
 * Canonical header names and values are lower-cased and trimmed, as the documentation requires (so
 * {@code X-TC-Action: DescribeTopics} is signed as {@code x-tc-action:describetopics}).
 */
public final class Tc3Signer {
    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final String TERMINATOR = "tc3_request";

    private Tc3Signer() {}

    /** Lower-case hex SHA-256 of the request body. */
    public static String hashedPayload(byte[] payload) {
        return Digests.sha256Hex(payload);
    }

    /** The signed headers keyed by lower-case name with lower-cased, trimmed values, sorted by name. */
    public static SortedMap<String, String> canonicalHeaderMap(Map<String, String> headers) {
        SortedMap<String, String> canonical = new TreeMap<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            canonical.put(
                    h.getKey().toLowerCase(Locale.ROOT), h.getValue().trim().toLowerCase(Locale.ROOT));
        }
        return canonical;
    }

    /** {@code name:value\n} for each header, in order; the block therefore ends with a newline. */
    public static String canonicalHeaders(SortedMap<String, String> canonicalHeaderMap) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> h : canonicalHeaderMap.entrySet()) {
            sb.append(h.getKey()).append(':').append(h.getValue()).append('\n');
        }
        return sb.toString();
    }

    /** {@code name1;name2}: the header names in order. */
    public static String signedHeaders(SortedMap<String, String> canonicalHeaderMap) {
        return String.join(";", canonicalHeaderMap.keySet());
    }

    /** CanonicalRequest for {@code POST /} with no query string; no trailing newline. */
    public static String canonicalRequest(String canonicalHeaders, String signedHeaders, String hashedPayload) {
        return "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + hashedPayload;
    }

    /** The UTC calendar date ({@code yyyy-MM-dd}) of a Unix timestamp, whatever the JVM's time zone. */
    public static String credentialDate(long timestampSeconds) {
        return Instant.ofEpochSecond(timestampSeconds)
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
    }

    /** {@code date/service/tc3_request}. */
    public static String credentialScope(String date, String service) {
        return date + "/" + service + "/" + TERMINATOR;
    }

    /** {@code TC3-HMAC-SHA256\ntimestamp\nscope\nhex(sha256(canonicalRequest))}; no trailing newline. */
    public static String stringToSign(long timestampSeconds, String credentialScope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestampSeconds + "\n" + credentialScope + "\n"
                + Digests.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** SecretSigning = HMAC(HMAC(HMAC("TC3" + secretKey, date), service), "tc3_request"). */
    public static byte[] signingKey(String secretKey, String date, String service) {
        byte[] secretDate = Digests.hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = Digests.hmacSha256(secretDate, service);
        return Digests.hmacSha256(secretService, TERMINATOR);
    }

    /** Lower-case hex HMAC-SHA256 of the string to sign. */
    public static String signature(byte[] signingKey, String stringToSign) {
        return Digests.hex(Digests.hmacSha256(signingKey, stringToSign));
    }

    /** The {@code Authorization} header value. */
    public static String authorization(
            String secretId, String credentialScope, String signedHeaders, String signature) {
        return ALGORITHM + " Credential=" + secretId + "/" + credentialScope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    /**
     * Signs {@code POST /} in one go.
     *
     * @param signedHeaderValues the headers to sign (for example Content-Type, Host and X-TC-Action), any case
     * @param timestampSeconds the value sent as {@code X-TC-Timestamp}; the credential date is its UTC date
     * @return the {@code Authorization} header value
     */
    public static String authorization(
            String secretId,
            String secretKey,
            String service,
            Map<String, String> signedHeaderValues,
            long timestampSeconds,
            byte[] payload) {
        SortedMap<String, String> headers = canonicalHeaderMap(signedHeaderValues);
        String signedHeaders = signedHeaders(headers);
        String canonicalRequest = canonicalRequest(canonicalHeaders(headers), signedHeaders, hashedPayload(payload));
        String date = credentialDate(timestampSeconds);
        String scope = credentialScope(date, service);
        String signature = signature(
                signingKey(secretKey, date, service), stringToSign(timestampSeconds, scope, canonicalRequest));
        return authorization(secretId, scope, signedHeaders, signature);
    }
}
