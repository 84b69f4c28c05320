package io.clssdk.core.internal.sign;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for the v1 signature: every UTF-8 byte except {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX}
 * with upper-case hex (so {@code /} is {@code %2F} and a space is {@code %20}, never {@code +}).
 */
public final class UrlEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlEncoding() {}

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = null;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (isUnreserved(b)) {
                if (out != null) {
                    out.append((char) b);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(bytes.length * 3);
                    out.append(value, 0, i); // every byte before i was unreserved ASCII
                }
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'A' && b <= 'Z')
                || (b >= 'a' && b <= 'z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || b == '_'
                || b == '.'
                || b == '~';
    }
}
