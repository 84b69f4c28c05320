package io.clssdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    @Test
    void toStringNeverShowsKeyOrToken() {
        Credentials c = Credentials.of(
                "AKIDabcdefghijklmnop", "super-secret-key", "session-token-xyz", Instant.parse("2030-01-01T00:00:00Z"));
        String s = c.toString();
        assertFalse(s.contains("super-secret-key"), s);
        assertFalse(s.contains("session-token-xyz"), s);
        assertFalse(s.contains("AKIDabcdefghijklmnop"), s);
        assertTrue(s.contains("AKID***op"), s);
        assertTrue(s.contains("2030-01-01"), s);
    }

    @Test
    void emptyTokenMeansNone() {
        assertNull(Credentials.of("id", "key", "").sessionToken());
    }

    @Test
    void blankPartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Credentials.of(" ", "key"));
        assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", ""));
        assertThrows(NullPointerException.class, () -> Credentials.of(null, "key"));
    }

    @Test
    void staticProviderReturnsTheSameCredentials() {
        Credentials c = Credentials.of("id", "key");
        CredentialsProvider p = CredentialsProvider.of(c);
        assertSame(c, p.credentials());
        p.refresh();
        assertEquals(c, p.credentials());
    }
}
