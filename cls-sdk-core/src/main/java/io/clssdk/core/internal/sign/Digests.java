package io.clssdk.core.internal.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hashes, HMACs and lower-case hex, as the CLS signatures use them. */
final class Digests {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Digests() {}

    /** Lower-case hexadecimal of {@code bytes}. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    public static byte[] hmacSha1(byte[] key, String message) {
        return hmac("HmacSHA1", key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha256(byte[] key, String message) {
        return hmac("HmacSHA256", key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha1Hex(String message) {
        return hex(digest("SHA-1", message.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256Hex(byte[] message) {
        return hex(digest("SHA-256", message));
    }

    private static byte[] digest(String algorithm, byte[] message) {
        try {
            return MessageDigest.getInstance(algorithm).digest(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
