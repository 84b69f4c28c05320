package io.clssdk.core.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fake endpoint's own check of a v1 {@code Authorization} header, written from the protocol description and
 * sharing no code with the SDK's signer, so a signer bug cannot hide behind a verifier with the same bug.
 */
final class V1Verifier {
    /** Why a signature was not accepted, mapped to the error code CLS would answer with. */
    static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Rejection(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** What a verified header declared. */
    static final class Verified {
        final String secretId;
        final List<String> headerList;

        Verified(String secretId, List<String> headerList) {
            this.secretId = secretId;
            this.headerList = headerList;
        }
    }

    private V1Verifier() {}

    static Verified verify(
            String authorization,
            String method,
            String path,
            Map<String, String> queryParams,
            Map<String, String> requestHeaders,
            Map<String, String> secretKeys,
            long nowSeconds)
            throws Rejection {
        if (authorization == null || authorization.isEmpty()) {
            throw new Rejection(400, "MissingAuthorization", "Authorization header is missing");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : authorization.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new Rejection(400, "InvalidAuthorization", "malformed Authorization part: " + part);
            }
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String[] expectedOrder = {
            "q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time", "q-header-list", "q-url-param-list", "q-signature"
        };
        if (!new ArrayList<>(fields.keySet()).equals(java.util.Arrays.asList(expectedOrder))) {
            throw new Rejection(400, "InvalidAuthorization", "unexpected Authorization fields " + fields.keySet());
        }
        if (!"sha1".equals(fields.get("q-sign-algorithm"))) {
            throw new Rejection(400, "InvalidAuthorization", "q-sign-algorithm must be sha1");
        }
        String secretId = fields.get("q-ak");
        String secretKey = secretKeys.get(secretId);
        if (secretKey == null) {
            throw new Rejection(401, "AuthFailure.SecretIdNotFound", "unknown SecretId");
        }
        String signTime = fields.get("q-sign-time");
        if (!signTime.equals(fields.get("q-key-time"))) {
            throw new Rejection(401, "AuthFailure.SignatureFailure", "q-key-time differs from q-sign-time");
        }
        String[] window = signTime.split(";");
        long start;
        long end;
        try {
            start = Long.parseLong(window[0]);
            end = Long.parseLong(window[1]);
        } catch (RuntimeException e) {
            throw new Rejection(400, "InvalidAuthorization", "q-sign-time is not <start>;<end>");
        }
        if (end <= start) {
            throw new Rejection(401, "AuthFailure.SignatureFailure", "q-sign-time end is not after start");
        }
        if (nowSeconds < start || nowSeconds > end) {
            throw new Rejection(
                    401,
                    "AuthFailure.SignatureExpire",
                    "request time " + nowSeconds + " is outside the signature window " + signTime);
        }

        List<String> headerNames = splitList(fields.get("q-header-list"));
        List<String> paramNames = splitList(fields.get("q-url-param-list"));
        TreeMap<String, String> lowerHeaders = new TreeMap<>();
        requestHeaders.forEach((k, v) -> lowerHeaders.put(k.toLowerCase(Locale.ROOT), v));
        TreeMap<String, String> lowerParams = new TreeMap<>();
        queryParams.forEach((k, v) -> lowerParams.put(k.toLowerCase(Locale.ROOT), v));

        String formattedHeaders = format(headerNames, lowerHeaders, "header");
        String formattedParams = format(paramNames, lowerParams, "query parameter");
        String info =
                method.toLowerCase(Locale.ROOT) + "\n" + path + "\n" + formattedParams + "\n" + formattedHeaders + "\n";
        String toSign = "sha1\n" + signTime + "\n" + hex(sha1(info.getBytes(StandardCharsets.UTF_8))) + "\n";
        String key = hex(hmacSha1(secretKey.getBytes(StandardCharsets.UTF_8), signTime));
        String expected = hex(hmacSha1(key.getBytes(StandardCharsets.UTF_8), toSign));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                fields.get("q-signature").getBytes(StandardCharsets.US_ASCII))) {
            throw new Rejection(401, "AuthFailure.SignatureFailure", "signature does not match");
        }
        return new Verified(secretId, headerNames);
    }

    private static List<String> splitList(String list) throws Rejection {
        List<String> names = new ArrayList<>();
        if (list == null || list.isEmpty()) {
            return names;
        }
        String previous = "";
        for (String name : list.split(";")) {
            if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.compareTo(previous) <= 0) {
                throw new Rejection(400, "InvalidAuthorization", "name list is not lower-case and sorted: " + list);
            }
            names.add(name);
            previous = name;
        }
        return names;
    }

    private static String format(List<String> names, Map<String, String> values, String what) throws Rejection {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            String value = values.get(name);
            if (value == null) {
                throw new Rejection(
                        401, "AuthFailure.SignatureFailure", "signed " + what + " '" + name + "' is absent");
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(percentEncode(name)).append('=').append(percentEncode(value));
        }
        return sb.toString();
    }

    /** RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes. */
    private static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append(String.format("%%%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }

    /** Decodes a raw query string into parameters. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.put(URLDecoder.decode(k, "UTF-8"), URLDecoder.decode(v, "UTF-8"));
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return params;
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha1(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }
}
