package io.clssdk.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsServiceException;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.testing.FakeCloudApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The public entry point: builder checks, endpoint forms, and one real call through the default wiring. */
class ClsApiClientTest {
    private static final CredentialsProvider CREDENTIALS = CredentialsProvider.of(FakeCloudApi.credentials());

    @Test
    void callsThroughTheDefaultWiringAreSignedWithTheRealClock() {
        try (FakeCloudApi api = FakeCloudApi.start();
                ClsApiClient client = ClsApiClient.builder()
                        .region("ap-shanghai")
                        .credentials(CREDENTIALS)
                        .endpoint(api.endpoint())
                        .maxAttempts(2)
                        .retryBackoff(Duration.ZERO, Duration.ZERO)
                        .build()) {
            api.error("RequestLimitExceeded", "slow down").ok("\"GroupId\":\"g-1\"");
            long before = System.currentTimeMillis() / 1000;
            String id = client.createMachineGroup(
                    MachineGroupSpec.builder().groupName("web").ips("10.0.0.7").build());
            assertEquals("g-1", id);
            FakeCloudApi.ApiRequest first = api.take();
            assertEquals("ap-shanghai", first.header("X-TC-Region"));
            long timestamp = Long.parseLong(first.header("X-TC-Timestamp"));
            assertTrue(Math.abs(timestamp - before) < 60, "timestamp " + timestamp + " is now");
            assertEquals("CreateMachineGroup", api.take().action());
            assertFalse(client.toString().contains(FakeCloudApi.SECRET_KEY));
        }
    }

    @Test
    void oneAttemptMeansNoRetry() {
        try (FakeCloudApi api = FakeCloudApi.start();
                ClsApiClient client = ClsApiClient.builder()
                        .region("ap-guangzhou")
                        .credentials(CREDENTIALS)
                        .endpoint(api.endpoint())
                        .maxAttempts(1)
                        .build()) {
            api.error("RequestLimitExceeded", "slow down");
            assertThrows(ClsServiceException.class, () -> client.describeTopics(0, 10));
            assertEquals(1, api.requestCount());
        }
    }

    @Test
    void acceptsTheDocumentedEndpointForms() {
        for (String endpoint : new String[] {
            ClsApiClient.DEFAULT_ENDPOINT,
            "cls.ap-guangzhou.tencentcloudapi.com",
            "https://cls.intl.tencentcloudapi.com",
            "cls.internal.tencentcloudapi.com"
        }) {
            ClsApiClient.builder()
                    .region("ap-guangzhou")
                    .credentials(CREDENTIALS)
                    .endpoint(endpoint)
                    .build()
                    .close();
        }
    }

    @Test
    void builderNamesWhatIsMissingOrInvalid() {
        rejects(
                IllegalStateException.class,
                "region is required",
                () -> ClsApiClient.builder().credentials(CREDENTIALS).build());
        rejects(
                IllegalStateException.class,
                "credentials are required",
                () -> ClsApiClient.builder().region("ap-guangzhou").build());
        rejects(
                IllegalArgumentException.class,
                "is not a region name",
                () -> ClsApiClient.builder()
                        .region("Guangzhou")
                        .credentials(CREDENTIALS)
                        .build());
        rejects(
                IllegalArgumentException.class,
                "maxAttempts must be in [1, 10]",
                () -> ClsApiClient.builder()
                        .region("ap-guangzhou")
                        .credentials(CREDENTIALS)
                        .maxAttempts(0)
                        .build());
        rejects(
                IllegalArgumentException.class,
                "retryBackoff needs 0 <= base <= max",
                () -> ClsApiClient.builder()
                        .region("ap-guangzhou")
                        .credentials(CREDENTIALS)
                        .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))
                        .build());
        rejects(
                IllegalArgumentException.class,
                "no path, query or fragment",
                () -> ClsApiClient.builder()
                        .region("ap-guangzhou")
                        .credentials(CREDENTIALS)
                        .endpoint("https://cls.tencentcloudapi.com/v3")
                        .build());
    }

    private static void rejects(Class<? extends RuntimeException> type, String expected, Executable build) {
        RuntimeException e = assertThrows(type, build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
