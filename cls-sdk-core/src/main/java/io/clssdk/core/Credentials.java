package io.clssdk.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A Tencent Cloud key pair, optionally with an STS session token and its expiry.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows only a masked secret id and whether a token is present; the
 * secret key and token never appear in any string this SDK produces.
 */
public final class Credentials {
    private final String secretId;
    private final String secretKey;
    private final String sessionToken;
    private final Instant expiration;

    private Credentials(String secretId, String secretKey, String sessionToken, Instant expiration) {
        this.secretId = requireText(secretId, "secretId");
        this.secretKey = requireText(secretKey, "secretKey");
        if (sessionToken != null && sessionToken.isEmpty()) {
            sessionToken = null;
        }
        this.sessionToken = sessionToken;
        this.expiration = expiration;
    }

    /** Long-lived credentials (a sub-account or root key pair). */
    public static Credentials of(String secretId, String secretKey) {
        return new Credentials(secretId, secretKey, null, null);
    }

    /** Temporary credentials: the token is sent as {@code X-Cls-Token}; an empty token counts as none. */
    public static Credentials of(String secretId, String secretKey, String sessionToken) {
        return new Credentials(secretId, secretKey, sessionToken, null);
    }

    /** Temporary credentials that expire at {@code expiration} (used by refreshing providers). */
    public static Credentials of(String secretId, String secretKey, String sessionToken, Instant expiration) {
        return new Credentials(secretId, secretKey, sessionToken, expiration);
    }

    /** The SecretId (appears in request signatures as {@code q-ak}). */
    public String secretId() {
        return secretId;
    }

    /** The SecretKey. Never log it. */
    public String secretKey() {
        return secretKey;
    }

    /** The STS session token, or null for long-lived credentials. Never log it. */
    public String sessionToken() {
        return sessionToken;
    }

    /** When these credentials stop working, or null if they do not expire. */
    public Instant expiration() {
        return expiration;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Credentials)) {
            return false;
        }
        Credentials c = (Credentials) o;
        return secretId.equals(c.secretId)
                && secretKey.equals(c.secretKey)
                && Objects.equals(sessionToken, c.sessionToken)
                && Objects.equals(expiration, c.expiration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretId, secretKey, sessionToken, expiration);
    }

    @Override
    public String toString() {
        return "Credentials{secretId=" + mask(secretId) + ", secretKey=***, sessionToken="
                + (sessionToken == null ? "none" : "***") + (expiration == null ? "" : ", expiration=" + expiration)
                + '}';
    }

    /** Keeps the first four and last two characters of an id, enough to tell keys apart in logs. */
    static String mask(String id) {
        if (id.length() <= 8) {
            return "***";
        }
        return id.substring(0, 4) + "***" + id.substring(id.length() - 2);
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
