package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.Filter;
import io.clssdk.core.api.FullTextIndex;
import io.clssdk.core.api.LogsetInfo;
import io.clssdk.core.api.Page;
import io.clssdk.core.api.TopicInfo;
import io.clssdk.core.api.TopicSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CreateLogset, DescribeLogsets, DeleteLogset, CreateTopic, DescribeTopics, DeleteTopic and CreateIndex. */
class LogsetTopicActionsTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void createLogset() {
        f.api.ok("\"LogsetId\":\"ls-1\"");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "ops");
        tags.put("env", "prod");
        assertEquals("ls-1", f.client.createLogset("web", tags));
        assertEquals(
                "{\"LogsetName\":\"web\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"ops\"},{\"Key\":\"env\",\"Value\":\"prod\"}]}",
                f.taken("CreateLogset").body());

        f.api.ok("\"LogsetId\":\"ls-2\"");
        assertEquals("ls-2", f.client.createLogset("plain"));
        assertEquals("{\"LogsetName\":\"plain\"}", f.taken("CreateLogset").body());
    }

    @Test
    void describeLogsets() {
        f.api.ok("\"Logsets\":[{\"LogsetId\":\"ls-1\",\"LogsetName\":\"web\",\"CreateTime\":\"2023-11-14 22:13:20\","
                + "\"AssumerName\":\"CDN\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"ops\"}],\"TopicCount\":3,"
                + "\"RoleName\":null,\"Future\":true}],\"TotalCount\":7");
        Page<LogsetInfo> page = f.client.describeLogsets(5, 1, Filter.of("logsetName", "web", "api"));
        assertEquals(
                "{\"Filters\":[{\"Key\":\"logsetName\",\"Values\":[\"web\",\"api\"]}],\"Offset\":5,\"Limit\":1}",
                f.taken("DescribeLogsets").body());
        assertEquals(7, page.totalCount());
        assertEquals("req-1", page.requestId());
        LogsetInfo l = page.items().get(0);
        assertEquals("ls-1", l.logsetId());
        assertEquals("web", l.logsetName());
        assertEquals("2023-11-14 22:13:20", l.createTime());
        assertEquals("CDN", l.assumerName());
        assertEquals(Collections.singletonMap("team", "ops"), l.tags());
        assertEquals(3, l.topicCount());
        assertNull(l.roleName());
    }

    @Test
    void deleteLogset() {
        f.api.ok("");
        f.client.deleteLogset("ls-1");
        assertEquals("{\"LogsetId\":\"ls-1\"}", f.taken("DeleteLogset").body());
    }

    @Test
    void createTopic() {
        f.api.ok("\"TopicId\":\"t-1\"");
        TopicSpec spec = TopicSpec.builder()
                .logsetId("ls-1")
                .topicName("app")
                .partitionCount(2)
                .tags(Collections.singletonMap("team", "ops"))
                .autoSplit(false)
                .maxSplitPartitions(10)
                .storageType("hot")
                .period(30)
                .describes("application logs")
                .build();
        assertEquals("t-1", f.client.createTopic(spec));
        assertEquals(
                "{\"LogsetId\":\"ls-1\",\"TopicName\":\"app\",\"PartitionCount\":2,"
                        + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"ops\"}],\"AutoSplit\":false,\"MaxSplitPartitions\":10,"
                        + "\"StorageType\":\"hot\",\"Period\":30,\"Describes\":\"application logs\"}",
                f.taken("CreateTopic").body());
    }

    @Test
    void describeTopics() {
        f.api.ok("\"Topics\":[{\"LogsetId\":\"ls-1\",\"TopicId\":\"t-1\",\"TopicName\":\"app\",\"PartitionCount\":2,"
                + "\"Index\":true,\"CreateTime\":\"2023-11-14 22:13:20\",\"Status\":true,\"Tags\":[],"
                + "\"AutoSplit\":true,\"MaxSplitPartitions\":50,\"StorageType\":\"hot\",\"Period\":30,"
                + "\"Describes\":\"\",\"HotPeriod\":0,\"BizType\":0,\"IsWebTracking\":false,\"Extends\":null}],"
                + "\"TotalCount\":1");
        Page<TopicInfo> page = f.client.describeTopics(0, 100, Filter.of("topicId", "t-1"));
        assertEquals(
                "{\"Filters\":[{\"Key\":\"topicId\",\"Values\":[\"t-1\"]}],\"Offset\":0,\"Limit\":100}",
                f.taken("DescribeTopics").body());
        TopicInfo t = page.items().get(0);
        assertEquals("ls-1", t.logsetId());
        assertEquals("t-1", t.topicId());
        assertEquals("app", t.topicName());
        assertEquals(Integer.valueOf(2), t.partitionCount());
        assertTrue(t.index());
        assertTrue(t.status());
        assertEquals("2023-11-14 22:13:20", t.createTime());
        assertTrue(t.tags().isEmpty());
        assertEquals(Boolean.TRUE, t.autoSplit());
        assertEquals(Integer.valueOf(50), t.maxSplitPartitions());
        assertEquals("hot", t.storageType());
        assertEquals(Integer.valueOf(30), t.period());
        assertEquals(Integer.valueOf(0), t.bizType());
        assertEquals(Boolean.FALSE, t.isWebTracking());
    }

    @Test
    void deleteTopic() {
        f.api.ok("");
        f.client.deleteTopic("t-1");
        assertEquals("{\"TopicId\":\"t-1\"}", f.taken("DeleteTopic").body());
    }

    @Test
    void createIndexSendsAnEnabledFullTextRule() {
        f.api.ok("");
        f.client.createIndex("t-1", FullTextIndex.defaults());
        assertEquals(
                "{\"TopicId\":\"t-1\",\"Rule\":{\"FullText\":{\"CaseSensitive\":false,"
                        + "\"Tokenizer\":\"@&?|#()='\\\",;:<>[]{}/ \\n\\t\\r\\\\\"}},\"Status\":true}",
                f.taken("CreateIndex").body());

        f.api.ok("");
        f.client.createIndex(
                "t-2",
                FullTextIndex.builder()
                        .caseSensitive(true)
                        .tokenizer(" ,")
                        .containZh(true)
                        .build());
        String body = f.taken("CreateIndex").body();
        assertEquals(
                "{\"TopicId\":\"t-2\",\"Rule\":{\"FullText\":{\"CaseSensitive\":true,\"Tokenizer\":\" ,\","
                        + "\"ContainZH\":true}},\"Status\":true}",
                body);
        assertFalse(body.contains("KeyValue"));
    }
}
