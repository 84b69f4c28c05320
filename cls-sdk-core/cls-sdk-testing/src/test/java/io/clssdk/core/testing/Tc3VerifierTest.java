package io.clssdk.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The independent verifier itself reproduces the CLS vectors T3 of the protocol reference (§3.3). */
class Tc3VerifierTest {
    private static final byte[] PAYLOAD = "{\"Limit\":20,\"Offset\":0}".getBytes(StandardCharsets.UTF_8);

    @Test
    void reproducesT3WithAndWithoutTheActionHeader() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Host", "cls.tencentcloudapi.com");
        String base = "TC3-HMAC-SHA256 Credential=AKIDc9YlmrBcFk4C8sbmXQ8i65XXXXXXXXXX/2023-11-14/cls/tc3_request, ";
        assertEquals(
                base + "SignedHeaders=content-type;host, "
                        + "Signature=691ae9e4b135cd99cf47e718b4f11ac94f3e45bcd0988688d748104612833b0d",
                Tc3Verifier.authorization(
                        FakeCloudApi.SECRET_ID, FakeCloudApi.SECRET_KEY, "cls", headers, 1_700_000_000L, PAYLOAD));
        headers.put("X-TC-Action", "DescribeTopics");
        assertEquals(
                base + "SignedHeaders=content-type;host;x-tc-action, "
                        + "Signature=f3cb91fec060c46b5acaf4c2c21403f854c69d732b2522ed0755568f4147dfdc",
                Tc3Verifier.authorization(
                        FakeCloudApi.SECRET_ID, FakeCloudApi.SECRET_KEY, "cls", headers, 1_700_000_000L, PAYLOAD));
    }
}
