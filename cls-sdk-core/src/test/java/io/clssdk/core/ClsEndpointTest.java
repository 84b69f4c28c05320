package io.clssdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClsEndpointTest {
    @Test
    void regionEndpointsAreHttps() {
        ClsEndpoint pub = ClsEndpoint.of("ap-guangzhou", ClsEndpoint.Network.PUBLIC);
        assertEquals("https://ap-guangzhou.cls.tencentcs.com", pub.url());
        assertEquals("ap-guangzhou.cls.tencentcs.com", pub.hostHeader());
        ClsEndpoint internal = ClsEndpoint.of("ap-shanghai-fsi", ClsEndpoint.Network.PRIVATE);
        assertEquals("https://ap-shanghai-fsi.cls.tencentyun.com", internal.url());
        assertEquals(443, internal.port());
    }

    @Test
    void parsesExplicitEndpoints() {
        ClsEndpoint local = ClsEndpoint.parse("http://127.0.0.1:8080/");
        assertEquals("http", local.scheme());
        assertEquals("127.0.0.1:8080", local.hostHeader());
        assertEquals("http://127.0.0.1:8080", local.url());
        assertEquals(
                "https://ap-beijing.cls.tencentcs.com",
                ClsEndpoint.parse("ap-beijing.cls.tencentcs.com").url());
        assertEquals("localhost", ClsEndpoint.parse("http://localhost:80").hostHeader());
        assertEquals("[::1]:9000", ClsEndpoint.parse("http://[::1]:9000").hostHeader());
    }

    @Test
    void rejectsWhatIsNotAnEndpointWithAnAcceptedForm() {
        for (String bad :
                new String[] {"ftp://host", "http://host/path", "http://host?x=1", "http://u:p@host", "://"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClsEndpoint.parse(bad));
            assertTrue(e.getMessage().contains("scheme://host[:port]"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ClsEndpoint.of("AP_Guangzhou", ClsEndpoint.Network.PUBLIC));
        assertTrue(e.getMessage().contains("ap-guangzhou"), e.getMessage());
    }
}
