package io.clssdk.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.Credentials;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentCredentialsTest {
    @Test
    void readsTheOfficialVariableNames() {
        Map<String, String> env = new HashMap<>();
        env.put("TENCENTCLOUD_SECRET_ID", "AKIDenv");
        env.put("TENCENTCLOUD_SECRET_KEY", "envkey");
        Credentials c = EnvironmentCredentials.read(env::get);
        assertEquals("AKIDenv", c.secretId());
        assertNull(c.sessionToken());
        env.put("TENCENTCLOUD_SESSION_TOKEN", "tok");
        assertEquals("tok", EnvironmentCredentials.read(env::get).sessionToken());
    }

    @Test
    void missingVariableIsNamedAndNoValueLeaks() {
        Map<String, String> env = new HashMap<>();
        env.put("TENCENTCLOUD_SECRET_ID", "AKIDenv");
        env.put("TENCENTCLOUD_SECRET_KEY", " ");
        ClsClientException e = assertThrows(ClsClientException.class, () -> EnvironmentCredentials.read(env::get));
        assertEquals(ClsClientException.Reason.CREDENTIALS, e.reason());
        assertTrue(e.getMessage().contains("TENCENTCLOUD_SECRET_KEY is empty"), e.getMessage());
        env.remove("TENCENTCLOUD_SECRET_ID");
        e = assertThrows(ClsClientException.class, () -> EnvironmentCredentials.read(env::get));
        assertTrue(e.getMessage().contains("TENCENTCLOUD_SECRET_ID is not set"), e.getMessage());
        assertFalse(e.getMessage().contains("AKIDenv"));
    }
}
