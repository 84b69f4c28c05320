package io.clssdk.core.internal.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes, HMACs and lower-case hex, as the CLS signatures use them. Every request signs with two HMACs and a hash; the
 * {@link Mac} and {@link MessageDigest} instances are kept per thread, since looking one up in the security providers
 * costs more than the digest of a few hundred bytes (an I/O thread signs thousands of requests a minute).
 */
final class Digests {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<String, MessageDigest>> DIGESTS = ThreadLocal.withInitial(HashMap::new);

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
            Map<String, MessageDigest> digests = DIGESTS.get();
            MessageDigest md = digests.get(algorithm);
            if (md == null) {
                md = MessageDigest.getInstance(algorithm);
                digests.put(algorithm, md);
            }
            return md.digest(message); // digest() leaves it reset for the next use
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] message) {
        try {
            Map<String, Mac> macs = MACS.get();
            Mac mac = macs.get(algorithm);
            if (mac == null) {
                mac = Mac.getInstance(algorithm);
                macs.put(algorithm, mac);
            }
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message); // doFinal() resets it; the next init() sets the next key
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
