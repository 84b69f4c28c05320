package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsServiceException;
import io.clssdk.core.api.LogEntry;
import io.clssdk.core.api.SearchLogRequest;
import io.clssdk.core.api.SearchLogResult;
import io.clssdk.core.testing.FakeCloudApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SearchLog: the request body, LogJson parsed to fields, and lazy paging across Context. */
class SearchLogActionsTest {
    private static final long FROM = 1_700_000_000_000L;
    private static final long TO = 1_700_000_900_000L;

    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static SearchLogRequest.Builder request() {
        return SearchLogRequest.builder().topicId("t-1").timeRange(FROM, TO);
    }

    private static String log(long time, String message) {
        return "{\"Time\":" + time + ",\"TopicId\":\"t-1\",\"TopicName\":\"app\",\"Source\":\"10.0.0.7\","
                + "\"FileName\":\"/var/log/app.log\",\"PkgId\":\"pkg\",\"PkgLogId\":\"65536\",\"HighLights\":[],"
                + "\"LogJson\":\"{\\\"level\\\":\\\"INFO\\\",\\\"message\\\":\\\"" + message
                + "\\\",\\\"count\\\":3,\\\"none\\\":null}\",\"HostName\":\"web-1\",\"RawLog\":null,\"IndexStatus\":\"\"}";
    }

    @Test
    void searchLogSendsTheQueryAndParsesLogJson() {
        f.api.ok("\"Context\":\"ctx-1\",\"ListOver\":false,\"Analysis\":false,\"Results\":[" + log(FROM + 5, "hello")
                + "],\"ColNames\":[],\"AnalysisResults\":null,\"SamplingRate\":1");
        SearchLogResult result = f.client.searchLog(request()
                .queryString("level:INFO")
                .sort("asc")
                .limit(2)
                .querySyntax(1)
                .build());
        assertEquals(
                "{\"TopicId\":\"t-1\",\"From\":1700000000000,\"To\":1700000900000,\"QueryString\":\"level:INFO\","
                        + "\"QuerySyntax\":1,\"Sort\":\"asc\",\"Limit\":2}",
                f.api.take().body());
        assertEquals("ctx-1", result.context());
        assertFalse(result.listOver());
        assertFalse(result.analysis());
        assertEquals("req-1", result.requestId());
        LogEntry e = result.results().get(0);
        assertEquals(FROM + 5, e.timeMs());
        assertEquals("t-1", e.topicId());
        assertEquals("app", e.topicName());
        assertEquals("10.0.0.7", e.source());
        assertEquals("/var/log/app.log", e.fileName());
        assertEquals("pkg", e.pkgId());
        assertEquals("65536", e.pkgLogId());
        assertEquals("web-1", e.hostName());
        assertNull(e.rawLog());
        assertEquals(
                Arrays.asList("level", "message", "count", "none"),
                new ArrayList<>(e.fields().keySet()));
        assertEquals("INFO", e.field("level"));
        assertEquals("hello", e.field("message"));
        assertEquals("3", e.field("count"), "non-string values keep their JSON text");
        assertEquals("", e.field("none"));
    }

    @Test
    void theDefaultQueryMatchesEverythingAndTheContextIsSentWhenSet() {
        f.api.ok("\"ListOver\":true,\"Results\":null");
        SearchLogResult result = f.client.searchLog(request().context("ctx-9").build());
        assertEquals(
                "{\"TopicId\":\"t-1\",\"From\":1700000000000,\"To\":1700000900000,\"QueryString\":\"*\","
                        + "\"Limit\":100,\"Context\":\"ctx-9\"}",
                f.api.take().body());
        assertTrue(result.listOver());
        assertTrue(result.results().isEmpty());
    }

    @Test
    void listLogsFollowsTheContextLazilyAcrossThreePages() {
        f.api.ok("\"Context\":\"c1\",\"ListOver\":false,\"Results\":[" + log(1, "a") + "," + log(2, "b") + "]");
        f.api.ok("\"Context\":\"c2\",\"ListOver\":false,\"Results\":[" + log(3, "c") + "," + log(4, "d") + "]");
        f.api.ok("\"Context\":\"c3\",\"ListOver\":true,\"Results\":[" + log(5, "e") + "]");
        Iterable<LogEntry> logs = f.client.listLogs(request().limit(2).build());
        assertEquals(0, f.api.requestCount(), "nothing is fetched before iteration");

        Iterator<LogEntry> it = logs.iterator();
        assertEquals("a", it.next().field("message"));
        assertEquals(1, f.api.requestCount());
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(e -> rest.add(e.field("message")));
        assertEquals(Arrays.asList("b", "c", "d", "e"), rest);
        assertEquals(3, f.api.requestCount());

        String base = "{\"TopicId\":\"t-1\",\"From\":1700000000000,\"To\":1700000900000,\"QueryString\":\"*\","
                + "\"Limit\":2";
        assertEquals(base + "}", f.api.take().body());
        assertEquals(base + ",\"Context\":\"c1\"}", f.api.take().body());
        assertEquals(base + ",\"Context\":\"c2\"}", f.api.take().body());
    }

    @Test
    void listLogsStopsWhenTheContextStopsMovingOrIsMissing() {
        f.api.ok("\"Context\":\"c1\",\"ListOver\":false,\"Results\":[" + log(1, "a") + "]");
        f.api.ok("\"Context\":\"c1\",\"ListOver\":false,\"Results\":[]");
        List<LogEntry> all = new ArrayList<>();
        f.client.listLogs(request().build()).forEach(all::add);
        assertEquals(1, all.size());
        assertEquals(2, f.api.requestCount());

        f.api.ok("\"ListOver\":false,\"Results\":[" + log(1, "a") + "]");
        all.clear();
        f.client.listLogs(request().build()).forEach(all::add);
        assertEquals(1, all.size());
        assertEquals(3, f.api.requestCount());
    }

    @Test
    void searchErrorsSurfaceFromIteration() {
        f.api.error("FailedOperation.SyntaxError", "bad query");
        Iterator<LogEntry> it = f.client.listLogs(request().build()).iterator();
        ClsServiceException e = assertThrows(ClsServiceException.class, it::hasNext);
        assertEquals("FailedOperation.SyntaxError", e.errorCode());
        assertEquals("bad query", e.errorMessage());
        assertEquals(1, f.api.requestCount(), "syntax errors are not retried");
        FakeCloudApi.ApiRequest r = f.api.take();
        assertEquals("SearchLog", r.action());
    }
}
