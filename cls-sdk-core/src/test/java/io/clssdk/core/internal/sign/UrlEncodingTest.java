package io.clssdk.core.internal.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class UrlEncodingTest {
    @Test
    void keepsUnreservedCharacters() {
        String unreserved = "AZaz09-_.~";
        assertSame(unreserved, UrlEncoding.encode(unreserved));
    }

    @Test
    void encodesEverythingElseWithUpperCaseHex() {
        assertEquals("%2F", UrlEncoding.encode("/"));
        assertEquals("%20", UrlEncoding.encode(" "));
        assertEquals("%2A", UrlEncoding.encode("*"));
        assertEquals("%21%27%28%29%2A", UrlEncoding.encode("!'()*"));
        assertEquals("application%2Fx-protobuf", UrlEncoding.encode("application/x-protobuf"));
        assertEquals("a%3Db%26c", UrlEncoding.encode("a=b&c"));
    }

    @Test
    void encodesUtf8Bytes() {
        assertEquals("%E6%97%A5%E5%BF%97", UrlEncoding.encode("日志"));
        assertEquals("x%F0%9F%98%80", UrlEncoding.encode("x😀"));
    }
}
