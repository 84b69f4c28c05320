package io.clssdk.core.internal.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The TC3-HMAC-SHA256 signature against the vectors of the protocol reference (§3.3; checklist 20–22). */
class Tc3SignerTest {
    private static final long DOC_TIME = 1551113065L;
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** The exact payload bytes of T1/T2: the backslash-u escapes are literal characters. */
    private static final byte[] DOC_PAYLOAD =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}"
                    .getBytes(StandardCharsets.UTF_8);

    private static final String T3_ID = "AKIDc9YlmrBcFk4C8sbmXQ8i65XXXXXXXXXX";
    private static final String T3_KEY = "LUSE4nPK1d4tX5SHyXv6tZXXXXXXXXXX";
    private static final byte[] T3_PAYLOAD = "{\"Limit\":20,\"Offset\":0}".getBytes(StandardCharsets.UTF_8);

    private static Map<String, String> headers(String host, String action) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", CONTENT_TYPE);
        h.put("Host", host);
        if (action != null) {
            h.put("X-TC-Action", action);
        }
        return h;
    }

    @Test
    void t1_officialDocumentVector_everyStep() {
        assertEquals(
                "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
                Tc3Signer.hashedPayload(DOC_PAYLOAD));
        SortedMap<String, String> canonical = Tc3Signer.canonicalHeaderMap(headers("cvm.tencentcloudapi.com", null));
        String canonicalHeaders = Tc3Signer.canonicalHeaders(canonical);
        assertEquals("content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n", canonicalHeaders);
        assertEquals("content-type;host", Tc3Signer.signedHeaders(canonical));
        String canonicalRequest =
                Tc3Signer.canonicalRequest(canonicalHeaders, "content-type;host", Tc3Signer.hashedPayload(DOC_PAYLOAD));
        assertEquals(
                "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
                        + "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
                canonicalRequest);
        assertEquals(
                "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
                Digests.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String scope = Tc3Signer.credentialScope(Tc3Signer.credentialDate(DOC_TIME), "cvm");
        assertEquals("2019-02-25/cvm/tc3_request", scope);
        String stringToSign = Tc3Signer.stringToSign(DOC_TIME, scope, canonicalRequest);
        assertEquals(
                "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                        + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
                stringToSign);
        String signature = Tc3Signer.signature(
                Tc3Signer.signingKey("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm"), stringToSign);
        assertEquals("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", signature);
        assertEquals(
                "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, "
                        + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                Tc3Signer.authorization(
                        "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                        "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                        "cvm",
                        headers("cvm.tencentcloudapi.com", null),
                        DOC_TIME,
                        DOC_PAYLOAD));
    }

    @Test
    void t2_chineseDocumentVariants() {
        String id = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******";
        String key = "Gu5t9xGARNpq86cd98joQYCN3*******";
        assertEquals(
                "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
                signatureOf(Tc3Signer.authorization(
                        id, key, "cvm", headers("cvm.tencentcloudapi.com", null), DOC_TIME, DOC_PAYLOAD)));

        SortedMap<String, String> canonical =
                Tc3Signer.canonicalHeaderMap(headers("cvm.tencentcloudapi.com", "DescribeInstances"));
        String canonicalHeaders = Tc3Signer.canonicalHeaders(canonical);
        assertEquals(
                "content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n"
                        + "x-tc-action:describeinstances\n",
                canonicalHeaders);
        String canonicalRequest = Tc3Signer.canonicalRequest(
                canonicalHeaders, Tc3Signer.signedHeaders(canonical), Tc3Signer.hashedPayload(DOC_PAYLOAD));
        assertEquals(
                "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
                Digests.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String authorization = Tc3Signer.authorization(
                id, key, "cvm", headers("cvm.tencentcloudapi.com", "DescribeInstances"), DOC_TIME, DOC_PAYLOAD);
        assertEquals("be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3", signatureOf(authorization));
        assertEquals(
                "TC3-HMAC-SHA256 Credential=" + id + "/2019-02-25/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host;x-tc-action, "
                        + "Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3",
                authorization);
    }

    @Test
    void t3_clsDescribeTopicsVectors() {
        assertEquals(
                "08f87c5ba032afbc0f4331ef661311dd8c087f639e024cc58f9ae2bbe7358459",
                Tc3Signer.hashedPayload(T3_PAYLOAD));
        assertEquals("2023-11-14", Tc3Signer.credentialDate(1_700_000_000L));

        assertEquals("e9a67e74934987e5f4fb7b784983c54a2e303a65aaf3afa2dd8412a36d8a37e8", hashedCanonicalRequest(null));
        assertEquals(
                "691ae9e4b135cd99cf47e718b4f11ac94f3e45bcd0988688d748104612833b0d",
                signatureOf(Tc3Signer.authorization(
                        T3_ID, T3_KEY, "cls", headers("cls.tencentcloudapi.com", null), 1_700_000_000L, T3_PAYLOAD)));

        assertEquals(
                "7e8d7d6868f9bd718e25b08aebe563c843ef7db83d8d97302a3308d579ffe6be",
                hashedCanonicalRequest("DescribeTopics"));
        String authorization = Tc3Signer.authorization(
                T3_ID, T3_KEY, "cls", headers("cls.tencentcloudapi.com", "DescribeTopics"), 1_700_000_000L, T3_PAYLOAD);
        assertEquals(
                "TC3-HMAC-SHA256 Credential=" + T3_ID + "/2023-11-14/cls/tc3_request, "
                        + "SignedHeaders=content-type;host;x-tc-action, "
                        + "Signature=f3cb91fec060c46b5acaf4c2c21403f854c69d732b2522ed0755568f4147dfdc",
                authorization);
    }

    @Test
    void credentialDateIsTheUtcDateEvenInAZoneAheadOfUtc() {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        try {
            // 1551113065 is 2019-02-25T16:44:25Z, already 2019-02-26 00:44:25 in UTC+8.
            assertEquals("2019-02-25", Tc3Signer.credentialDate(DOC_TIME));
            assertEquals(
                    "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                    signatureOf(Tc3Signer.authorization(
                            "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                            "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                            "cvm",
                            headers("cvm.tencentcloudapi.com", null),
                            DOC_TIME,
                            DOC_PAYLOAD)));
        } finally {
            TimeZone.setDefault(original);
        }
        assertEquals("1970-01-01", Tc3Signer.credentialDate(86_399L));
        assertEquals("1970-01-02", Tc3Signer.credentialDate(86_400L));
    }

    @Test
    void headerNamesAndValuesAreLowerCasedAndTrimmed() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-TC-Action", "  CreateConfig ");
        h.put("HOST", "CLS.TencentCloudAPI.com");
        SortedMap<String, String> canonical = Tc3Signer.canonicalHeaderMap(h);
        assertEquals("host;x-tc-action", Tc3Signer.signedHeaders(canonical));
        assertEquals("host:cls.tencentcloudapi.com\nx-tc-action:createconfig\n", Tc3Signer.canonicalHeaders(canonical));
    }

    private static String hashedCanonicalRequest(String action) {
        SortedMap<String, String> canonical = Tc3Signer.canonicalHeaderMap(headers("cls.tencentcloudapi.com", action));
        String request = Tc3Signer.canonicalRequest(
                Tc3Signer.canonicalHeaders(canonical),
                Tc3Signer.signedHeaders(canonical),
                Tc3Signer.hashedPayload(T3_PAYLOAD));
        return Digests.sha256Hex(request.getBytes(StandardCharsets.UTF_8));
    }

    private static String signatureOf(String authorization) {
        return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    }
}
