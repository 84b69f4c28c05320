package io.clssdk.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a TC3-HMAC-SHA256 {@code Authorization} header from the protocol reference (§3.2) without using the
 * SDK's signer, so tests check the client's signatures against an independent implementation.
 */
public final class Tc3Verifier {
    private Tc3Verifier() {}

    /**
     * The expected header for {@code POST /} with an empty query.
     *
     * @param signedHeaders header name to value as sent, any case; all of them are signed
     */
    public static String authorization(
            String secretId,
            String secretKey,
            String service,
            Map<String, String> signedHeaders,
            long timestamp,
            byte[] payload) {
        TreeMap<String, String> canonical = new TreeMap<>();
        signedHeaders.forEach(
                (k, v) -> canonical.put(k.toLowerCase(Locale.ROOT), v.trim().toLowerCase(Locale.ROOT)));
        StringBuilder headerBlock = new StringBuilder();
        canonical.forEach((k, v) -> headerBlock.append(k).append(':').append(v).append('\n'));
        String names = String.join(";", canonical.keySet());
        String canonicalRequest = "POST\n/\n\n" + headerBlock + "\n" + names + "\n" + hex(sha256(payload));

        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        String date = format.format(new Date(timestamp * 1000));
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));

        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        String signature = hex(hmac(key, stringToSign));
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=" + names + ", Signature="
                + signature;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
