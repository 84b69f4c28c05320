package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.api.Page;
import io.clssdk.core.api.TopicInfo;
import io.clssdk.core.api.TopicSpec;
import io.clssdk.core.testing.FakeCloudApi;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Framing, headers, signatures, error mapping and retries of every Cloud API call (checklist 23). */
class ApiCallerTest {
    private static final String TOPIC = "{\"TopicId\":\"t-1\",\"TopicName\":\"app\"}";

    @Test
    void sendsTheCommonHeadersAndASignatureOverContentTypeHostAndAction() {
        try (ApiFixture f = new ApiFixture()) {
            f.api.ok("\"Topics\":[],\"TotalCount\":0");
            f.client.describeTopics(0, 20);
            FakeCloudApi.ApiRequest r = f.api.take(); // also recomputes the Authorization header independently
            assertEquals("{\"Offset\":0,\"Limit\":20}", r.body());
            assertEquals("DescribeTopics", r.action());
            assertEquals("1700000000", r.header("X-TC-Timestamp"));
            assertEquals("ap-guangzhou", r.header("X-TC-Region"));
            assertEquals("2020-10-16", r.header("X-TC-Version"));
            assertNull(r.header("X-TC-Token"));
            assertTrue(r.header("User-Agent").startsWith("cls-sdk-java/"), r.header("User-Agent"));
            assertTrue(
                    r.header("Authorization")
                            .startsWith("TC3-HMAC-SHA256 Credential=" + FakeCloudApi.SECRET_ID
                                    + "/2023-11-14/cls/tc3_request, SignedHeaders=content-type;host;x-tc-action, "
                                    + "Signature="),
                    r.header("Authorization"));
        }
    }

    @Test
    void sendsTheSessionTokenOnlyWhenThereIsOne() {
        Credentials temporary = Credentials.of(FakeCloudApi.SECRET_ID, FakeCloudApi.SECRET_KEY, "sts-token-1");
        try (ApiFixture f = new ApiFixture(temporary)) {
            f.api.ok("");
            f.client.deleteTopic("t-1");
            assertEquals("sts-token-1", f.api.take().header("X-TC-Token"));
        }
    }

    @Test
    void anErrorInAnHttp200AnswerIsAServiceExceptionAndRefreshesRejectedCredentials() {
        AtomicInteger refreshes = new AtomicInteger();
        CredentialsProvider provider = new CredentialsProvider() {
            @Override
            public Credentials credentials() {
                return FakeCloudApi.credentials();
            }

            @Override
            public void refresh() {
                refreshes.incrementAndGet();
            }
        };
        try (ApiFixture f = new ApiFixture(provider, 4)) {
            f.api.error("AuthFailure.SignatureExpire", "signature expired");
            ClsServiceException e = assertThrows(ClsServiceException.class, () -> f.client.describeTopics(0, 20));
            assertEquals(200, e.httpStatus());
            assertEquals("AuthFailure.SignatureExpire", e.errorCode());
            assertEquals("signature expired", e.errorMessage());
            assertEquals("req-1", e.requestId());
            assertFalse(e.retryable());
            assertEquals(1, f.api.requestCount(), "authentication errors are not retried");
            assertEquals(1, refreshes.get());
            assertFalse(e.getMessage().contains(FakeCloudApi.SECRET_KEY));
        }
    }

    @Test
    void parameterErrorsAreNotRetried() {
        try (ApiFixture f = new ApiFixture()) {
            f.api.error("InvalidParameter.TopicConflict", "exists");
            ClsServiceException e =
                    assertThrows(ClsServiceException.class, () -> f.client.createTopic(TopicSpec.of("ls-1", "app")));
            assertEquals("InvalidParameter.TopicConflict", e.errorCode());
            assertFalse(e.retryable());
            assertEquals(1, f.api.requestCount());
            assertTrue(f.sleeps.isEmpty());
        }
    }

    @Test
    void throttlingIsRetriedForEveryActionWithCappedExponentialBackoff() {
        try (ApiFixture f = new ApiFixture()) {
            f.api.error("RequestLimitExceeded", "slow down");
            f.api.error("RequestLimitExceeded.IPLimitExceeded", "slow down");
            f.api.ok("\"TopicId\":\"t-9\"");
            assertEquals("t-9", f.client.createTopic(TopicSpec.of("ls-1", "app")));
            assertEquals(3, f.api.requestCount());
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        "{\"LogsetId\":\"ls-1\",\"TopicName\":\"app\"}",
                        f.api.take().body());
            }
            assertEquals(Arrays.asList(200L, 400L), f.sleeps);
        }
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastErrorMarkedRetryable() {
        try (ApiFixture f = new ApiFixture()) {
            for (int i = 0; i < 4; i++) {
                f.api.error("RequestLimitExceeded", "slow down " + i);
            }
            ClsServiceException e = assertThrows(ClsServiceException.class, () -> f.client.describeTopics(0, 20));
            assertEquals("slow down 3", e.errorMessage());
            assertTrue(e.retryable());
            assertEquals(4, f.api.requestCount());
            assertEquals(Arrays.asList(200L, 400L, 800L), f.sleeps);
        }
    }

    @Test
    void internalErrorsAreRetriedForReadsButNotForCreates() {
        try (ApiFixture f = new ApiFixture()) {
            f.api.error("InternalError", "oops").ok("\"Topics\":[" + TOPIC + "],\"TotalCount\":1");
            assertEquals("t-1", f.client.describeTopics(0, 20).items().get(0).topicId());
            assertEquals(2, f.api.requestCount());

            f.api.error("InternalError.DbError", "oops");
            ClsServiceException e =
                    assertThrows(ClsServiceException.class, () -> f.client.createTopic(TopicSpec.of("ls-1", "app")));
            assertTrue(e.retryable(), "the caller may retry once it has checked the topic does not exist");
            assertEquals(3, f.api.requestCount());
        }
    }

    @Test
    void anUnreadableGatewayAnswerIsAServiceErrorThatReadsRetry() {
        try (ApiFixture f = new ApiFixture()) {
            f.api.raw(502, "text/html", "<html>bad gateway</html>").ok("\"Topics\":[],\"TotalCount\":0");
            assertEquals(0, f.client.describeTopics(0, 20).totalCount());

            f.api.raw(502, "text/html", "<html>bad gateway</html>");
            ClsServiceException e = assertThrows(ClsServiceException.class, () -> f.client.deleteTopic("t-1"));
            assertEquals(502, e.httpStatus());
            assertNull(e.errorCode());
            assertTrue(e.errorMessage().contains("DeleteTopic returned a body that is not JSON"), e.errorMessage());
            assertTrue(e.errorMessage().contains("bad gateway"), e.errorMessage());
            assertTrue(e.retryable());

            f.api.raw(200, "{\"Something\":1}");
            ClsServiceException noResponse = assertThrows(ClsServiceException.class, () -> f.client.deleteTopic("t-1"));
            assertTrue(noResponse.errorMessage().contains("without a Response object"), noResponse.errorMessage());
            assertFalse(noResponse.retryable());
        }
    }

    @Test
    void unknownMembersAreIgnored() {
        try (ApiFixture f = new ApiFixture()) {
            f.api.ok("\"Topics\":[{\"TopicId\":\"t-1\",\"Brand\":{\"New\":[1,2]},\"Index\":true}],"
                    + "\"TotalCount\":1,\"AddedLater\":\"x\"");
            Page<TopicInfo> page = f.client.describeTopics(0, 20);
            assertEquals(1, page.items().size());
            assertTrue(page.items().get(0).index());
            assertEquals("req-1", page.requestId());
        }
    }

    @Test
    void ioErrorsAreRetriedForReadsOnly() {
        try (ApiFixture f = new ApiFixture()) {
            f.api.close(); // nothing listens on the port any more
            ClsClientException read = assertThrows(ClsClientException.class, () -> f.client.describeTopics(0, 20));
            assertEquals(ClsClientException.Reason.IO, read.reason());
            assertEquals(Arrays.asList(200L, 400L, 800L), f.sleeps);

            f.sleeps.clear();
            ClsClientException write = assertThrows(ClsClientException.class, () -> f.client.deleteTopic("t-1"));
            assertEquals(ClsClientException.Reason.IO, write.reason());
            assertEquals(Collections.emptyList(), f.sleeps);
        }
    }

    @Test
    void aClosedClientRefusesCalls() {
        try (ApiFixture f = new ApiFixture()) {
            f.client.close();
            ClsClientException e = assertThrows(ClsClientException.class, () -> f.client.deleteTopic("t-1"));
            assertEquals(ClsClientException.Reason.CLOSED, e.reason());
            assertEquals(0, f.api.requestCount());
        }
    }
}
