package io.clssdk.core.internal.sign;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The CLS v1 request signature ({@code q-sign-algorithm=sha1}), as small pure steps (protocol reference §2.1). Each
 * step is public so tests can compare it with the documented intermediate values.
 *
 * <p>The body is not signed. Headers are signed when their lower-cased name is {@code content-type},
 * {@code content-md5}, {@code host} or starts with {@code x}, except {@code x-cls-token} (the official SDKs add the
 * token after signing). Query parameters are all signed.
 */
public final class V1Signer {
    /** Seconds before "now" that a signature starts being valid, tolerating a client clock that runs ahead. */
    public static final long VALID_BEFORE_SECONDS = 60;
    /** Seconds after "now" that a signature stays valid. */
    public static final long VALID_AFTER_SECONDS = 300;

    private V1Signer() {}

    /** {@code "<now-60>;<now+300>"}: the sign time and key time for a request signed at {@code nowSeconds}. */
    public static String signTime(long nowSeconds) {
        return (nowSeconds - VALID_BEFORE_SECONDS) + ";" + (nowSeconds + VALID_AFTER_SECONDS);
    }

    /** SignKey = hex(HMAC-SHA1(secretKey, keyTime)). */
    public static String signKey(String secretKey, String keyTime) {
        return Digests.hex(Digests.hmacSha1(secretKey.getBytes(StandardCharsets.UTF_8), keyTime));
    }

    /** The headers that take part in the signature, keyed by lower-case name, sorted. */
    public static SortedMap<String, String> signedHeaders(Map<String, String> headers) {
        SortedMap<String, String> selected = new TreeMap<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-type")
                    || name.equals("content-md5")
                    || name.equals("host")
                    || (name.startsWith("x") && !name.equals("x-cls-token"))) {
                selected.put(name, h.getValue());
            }
        }
        return selected;
    }

    /** The query parameters keyed by lower-case name, sorted. */
    public static SortedMap<String, String> signedParams(Map<String, String> params) {
        SortedMap<String, String> selected = new TreeMap<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            selected.put(p.getKey().toLowerCase(Locale.ROOT), p.getValue());
        }
        return selected;
    }

    /** {@code k1=v1&k2=v2} with URL-encoded names and values, in map order (already sorted and lower-cased). */
    public static String formatPairs(SortedMap<String, String> pairs) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(UrlEncoding.encode(e.getKey())).append('=').append(UrlEncoding.encode(e.getValue()));
        }
        return sb.toString();
    }

    /** {@code k1;k2}: the names in map order. */
    public static String nameList(SortedMap<String, String> pairs) {
        return String.join(";", pairs.keySet());
    }

    /** HttpRequestInfo = {@code method\npath\nparams\nheaders\n} with the method lower-cased. */
    public static String httpRequestInfo(String method, String path, String formattedParams, String formattedHeaders) {
        return method.toLowerCase(Locale.ROOT) + "\n" + path + "\n" + formattedParams + "\n" + formattedHeaders + "\n";
    }

    /** StringToSign = {@code sha1\nsignTime\nhex(sha1(httpRequestInfo))\n}. */
    public static String stringToSign(String signTime, String httpRequestInfo) {
        return stringToSignOfHash(signTime, Digests.sha1Hex(httpRequestInfo));
    }

    private static String stringToSignOfHash(String signTime, String infoSha1Hex) {
        return "sha1\n" + signTime + "\n" + infoSha1Hex + "\n";
    }

    /** Signature = hex(HMAC-SHA1(key = the hex SignKey's ASCII bytes, stringToSign)). */
    public static String signature(String signKey, String stringToSign) {
        return Digests.hex(Digests.hmacSha1(signKey.getBytes(StandardCharsets.US_ASCII), stringToSign));
    }

    /** The complete {@code Authorization} header value for a request signed with the window {@code signTime}. */
    public static String authorization(
            String secretId,
            String secretKey,
            String method,
            String path,
            Map<String, String> params,
            Map<String, String> headers,
            String signTime) {
        return prepare(method, path, params, headers).authorization(secretId, signKey(secretKey, signTime), signTime);
    }

    /**
     * The parts of the signature that depend only on the request's method, path, signed parameters and signed
     * headers, computed once: a request shape sent many times (an upload to one topic) is then signed with one HMAC.
     */
    public static Prepared prepare(
            String method, String path, Map<String, String> params, Map<String, String> headers) {
        SortedMap<String, String> signedParams = signedParams(params);
        SortedMap<String, String> signedHeaders = signedHeaders(headers);
        String info = httpRequestInfo(method, path, formatPairs(signedParams), formatPairs(signedHeaders));
        return new Prepared(Digests.sha1Hex(info), nameList(signedHeaders), nameList(signedParams));
    }

    /** A request shape with its hashed HttpRequestInfo and name lists (no secret). Immutable. */
    public static final class Prepared {
        private final String infoSha1Hex;
        private final String headerList;
        private final String paramList;

        private Prepared(String infoSha1Hex, String headerList, String paramList) {
            this.infoSha1Hex = infoSha1Hex;
            this.headerList = headerList;
            this.paramList = paramList;
        }

        /** The {@code Authorization} value for this shape, given the SignKey of {@code signTime}. */
        public String authorization(String secretId, String signKey, String signTime) {
            String stringToSign = stringToSignOfHash(signTime, infoSha1Hex);
            return "q-sign-algorithm=sha1&q-ak=" + secretId
                    + "&q-sign-time=" + signTime
                    + "&q-key-time=" + signTime
                    + "&q-header-list=" + headerList
                    + "&q-url-param-list=" + paramList
                    + "&q-signature=" + signature(signKey, stringToSign);
        }
    }
}
