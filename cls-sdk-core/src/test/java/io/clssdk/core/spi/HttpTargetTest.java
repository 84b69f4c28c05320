package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** URL parsing for the HTTP client: what it connects to and what the request line and Host header say. */
class HttpTargetTest {
    @Test
    void defaultPortsAreLeftOutOfTheHostHeaderButNotOutOfConnect() {
        HttpTarget t = HttpTarget.parse("HTTPS://AP-Guangzhou.cls.tencentcs.com/structuredlog?topic_id=abc#frag");
        assertTrue(t.https);
        assertEquals("ap-guangzhou.cls.tencentcs.com", t.host);
        assertEquals(443, t.port);
        assertEquals("/structuredlog?topic_id=abc", t.pathAndQuery);
        assertEquals("ap-guangzhou.cls.tencentcs.com", t.hostHeader());
        assertEquals("ap-guangzhou.cls.tencentcs.com:443", t.authority());

        HttpTarget plain = HttpTarget.parse("http://127.0.0.1:8080?x=1");
        assertFalse(plain.https);
        assertEquals("/?x=1", plain.pathAndQuery);
        assertEquals("127.0.0.1:8080", plain.hostHeader());
        assertEquals("http://127.0.0.1:8080/?x=1", plain.absoluteForm());
        assertEquals("/", HttpTarget.parse("http://h").pathAndQuery);
    }

    @Test
    void ipv6LiteralsKeepTheirBracketsOnTheWireOnly() {
        HttpTarget t = HttpTarget.parse("https://[::1]:8443/");
        assertEquals("::1", t.host);
        assertEquals(8443, t.port);
        assertEquals("[::1]:8443", t.hostHeader());
    }

    @Test
    void bytesThatCouldSplitTheRequestLineArePercentEncoded() {
        assertEquals(
                "/a%20b?topic_id=%E6%97%A5%0D%0AX:1", HttpTarget.parse("http://h/a b?topic_id=日\r\nX:1").pathAndQuery);
    }

    @Test
    void refusesWhatIsNotAnHttpUrlWithAHost() {
        for (String bad : new String[] {
            "ftp://h/",
            "h/path",
            "http:///path",
            "http://user:pw@h/",
            "http://h:0/",
            "http://h:99999/",
            "http://h:x/",
            "http://[::1/"
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpTarget.parse(bad));
            assertFalse(e.getMessage().contains("pw@"), e.getMessage());
        }
    }
}
