package io.clssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.FakeCloudApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchLogsTest {
    private static final long NOW = 1_700_000_900_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true);

    private String output() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void withoutCredentialsItExplainsWhatToSetAndExitsZero() {
        assertEquals(0, SearchLogs.run(Collections.emptyMap(), out));
        String text = output();
        assertTrue(text.contains("SearchLogs: prints the newest logs"), text);
        assertTrue(
                text.contains("Not run: these environment variables are not set: TENCENTCLOUD_SECRET_ID,"
                        + " TENCENTCLOUD_SECRET_KEY, CLS_REGION, CLS_TOPIC_ID."),
                text);
    }

    @Test
    void printsTheMatchingLogsAndStopsAtTheMaximum() {
        try (FakeCloudApi api = FakeCloudApi.start()) {
            String log = "{\"Time\":1700000000123,\"Source\":\"10.0.0.7\",\"FileName\":\"/srv/app/a.log\","
                    + "\"LogJson\":\"{\\\"level\\\":\\\"ERROR\\\",\\\"msg\\\":\\\"boom\\\"}\"}";
            api.ok("\"Context\":\"c1\",\"ListOver\":false,\"Results\":[" + log + "," + log + "]");
            Map<String, String> env = SetupCollectionTest.environment(api);
            env.put("CLS_QUERY", "level:ERROR");
            env.put("CLS_SEARCH_MINUTES", "5");
            env.put("CLS_MAX_LOGS", "2");
            assertEquals(0, SearchLogs.run(env, out, NOW), output());
            assertEquals(
                    "{\"TopicId\":\"t-1\",\"From\":1700000600000,\"To\":1700000900000,\"QueryString\":\"level:ERROR\","
                            + "\"Sort\":\"desc\",\"Limit\":2}",
                    api.take().body());
            assertEquals(1, api.requestCount(), "the second page is not fetched once enough logs are printed");
            String text = output();
            assertTrue(
                    text.contains("2023-11-14T22:13:20.123Z  10.0.0.7  /srv/app/a.log  {level=ERROR, msg=boom}"), text);
            assertTrue(text.contains("Printed 2 logs."), text);
        }
    }

    @Test
    void aSearchErrorIsExplainedWithExitCodeOne() {
        try (FakeCloudApi api = FakeCloudApi.start()) {
            api.error("FailedOperation.QueryError", "index not found");
            assertEquals(1, SearchLogs.run(SetupCollectionTest.environment(api), out, NOW));
            assertTrue(output().contains("FailedOperation.QueryError"), output());
            assertTrue(output().contains("Does the topic have an index?"), output());
        }
    }

    @Test
    void aBadNumberIsNamed() {
        try (FakeCloudApi api = FakeCloudApi.start()) {
            Map<String, String> env = SetupCollectionTest.environment(api);
            env.put("CLS_MAX_LOGS", "many");
            assertEquals(1, SearchLogs.run(env, out, NOW));
            assertTrue(output().contains("CLS_MAX_LOGS must be a whole number of at least 1, got 'many'"), output());
            assertEquals(0, api.requestCount());
        }
    }
}
