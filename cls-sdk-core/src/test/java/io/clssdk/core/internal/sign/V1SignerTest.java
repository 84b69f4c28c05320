package io.clssdk.core.internal.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The v1 signature against the vectors of the protocol reference (§2.3, §2.4; checklist 10–16). */
class V1SignerTest {
    private static final String SECRET_ID = "AKIDc9YlmrBcFk4C8sbmXQ8i65XXXXXXXXXX";
    private static final String SECRET_KEY = "LUSE4nPK1d4tX5SHyXv6tZXXXXXXXXXX";
    private static final String DOC_TIME = "1578976553;1578978363";
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";

    private static Map<String, String> docHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "ap-shanghai.cls.tencentyun.com");
        h.put("Content-Type", "application/json");
        return h;
    }

    @Test
    void signKeyMatchesDocumentation() {
        assertEquals("f49255658de17084898d83beaa755b9f0301591f", V1Signer.signKey(SECRET_KEY, DOC_TIME));
    }

    @Test
    void docExample1_getWithParameter() {
        Map<String, String> params = Collections.singletonMap("logset_id", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
        String info = V1Signer.httpRequestInfo(
                "GET",
                "/logset",
                V1Signer.formatPairs(V1Signer.signedParams(params)),
                V1Signer.formatPairs(V1Signer.signedHeaders(docHeaders())));
        assertEquals(
                "get\n/logset\nlogset_id=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\n"
                        + "content-type=application%2Fjson&host=ap-shanghai.cls.tencentyun.com\n",
                info);
        assertEquals("e2d0126b61269ef047d9d05b6c385cea0aea9799", Digests.sha1Hex(info));
        assertEquals(
                "q-sign-algorithm=sha1&q-ak=AKIDc9YlmrBcFk4C8sbmXQ8i65XXXXXXXXXX&q-sign-time=1578976553;1578978363"
                        + "&q-key-time=1578976553;1578978363&q-header-list=content-type;host"
                        + "&q-url-param-list=logset_id&q-signature=315dfa0d0ce55582145f7800df5eb3e9c88d2f84",
                V1Signer.authorization(SECRET_ID, SECRET_KEY, "GET", "/logset", params, docHeaders(), DOC_TIME));
    }

    @Test
    void docExample2_putWithoutParameters() {
        String info = V1Signer.httpRequestInfo(
                "PUT", "/logset", "", V1Signer.formatPairs(V1Signer.signedHeaders(docHeaders())));
        assertEquals("e86af9693f3de2047dd10dbe2898ecaf1df00de0", Digests.sha1Hex(info));
        String auth = V1Signer.authorization(
                SECRET_ID, SECRET_KEY, "PUT", "/logset", Collections.emptyMap(), docHeaders(), DOC_TIME);
        assertEquals(
                "q-sign-algorithm=sha1&q-ak=" + SECRET_ID + "&q-sign-time=" + DOC_TIME + "&q-key-time=" + DOC_TIME
                        + "&q-header-list=content-type;host&q-url-param-list="
                        + "&q-signature=600aeb5e646d385d7dd9da57ba9b2545cadfaa1c",
                auth);
    }

    @Test
    void vectorA_javaSdkHeaderMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Length", "0");
        headers.put("Content-Type", "application/x-protobuf");
        headers.put("Host", "ap-guangzhou.cls.tencentcs.com");
        String signTime = V1Signer.signTime(1700000060L);
        assertEquals("1700000000;1700000360", signTime);
        assertEquals("f4b6173e052012833ca6d0cd2605c21f62326b11", V1Signer.signKey(SECRET_KEY, signTime));
        String info = V1Signer.httpRequestInfo(
                "POST",
                "/structuredlog",
                V1Signer.formatPairs(V1Signer.signedParams(Collections.singletonMap("topic_id", TOPIC))),
                V1Signer.formatPairs(V1Signer.signedHeaders(headers)));
        assertEquals("047f923abbe2fe78d4ac1ccc4e49e10bffc86e66", Digests.sha1Hex(info));
        assertEquals(
                "sha1\n1700000000;1700000360\n047f923abbe2fe78d4ac1ccc4e49e10bffc86e66\n",
                V1Signer.stringToSign(signTime, info));
        assertEquals(
                "q-sign-algorithm=sha1&q-ak=AKIDc9YlmrBcFk4C8sbmXQ8i65XXXXXXXXXX&q-sign-time=1700000000;1700000360"
                        + "&q-key-time=1700000000;1700000360&q-header-list=content-type;host"
                        + "&q-url-param-list=topic_id&q-signature=1dbbc609ac91d27c956c186e1a4611d2f1c4cc4e",
                V1Signer.authorization(
                        SECRET_ID,
                        SECRET_KEY,
                        "POST",
                        "/structuredlog",
                        Collections.singletonMap("topic_id", TOPIC),
                        headers,
                        signTime));
    }

    @Test
    void vectorB_compressTypeSignedUserAgentNot() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "ap-guangzhou.cls.tencentcs.com");
        headers.put("User-Agent", "tencent-log-sdk-cpp v0.0.2");
        headers.put("Content-Type", "application/x-protobuf");
        headers.put("x-cls-compress-type", "lz4");
        String auth = V1Signer.authorization(
                SECRET_ID,
                SECRET_KEY,
                "POST",
                "/structuredlog",
                Collections.singletonMap("topic_id", TOPIC),
                headers,
                V1Signer.signTime(1700000060L));
        assertEquals(
                "q-sign-algorithm=sha1&q-ak=" + SECRET_ID
                        + "&q-sign-time=1700000000;1700000360&q-key-time=1700000000;1700000360"
                        + "&q-header-list=content-type;host;x-cls-compress-type&q-url-param-list=topic_id"
                        + "&q-signature=211fb3b90e16ea772fa6277239272c1fc1839244",
                auth);
    }

    @Test
    void windowIsSixtySecondsBeforeAndThreeHundredAfterOneReading() {
        assertEquals("940;1300", V1Signer.signTime(1000));
    }

    @Test
    void headerFilterExcludesLengthAgentAuthorizationAndToken() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Length", "10");
        headers.put("User-Agent", "x");
        headers.put("Authorization", "y");
        headers.put("X-Cls-Token", "secret-token");
        headers.put("X-Cls-HashKey", "00ff");
        headers.put("Content-MD5", "abc");
        headers.put("HOST", "h");
        assertEquals("content-md5;host;x-cls-hashkey", V1Signer.nameList(V1Signer.signedHeaders(headers)));
    }
}
