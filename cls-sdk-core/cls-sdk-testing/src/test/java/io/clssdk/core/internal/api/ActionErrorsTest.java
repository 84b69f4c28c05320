package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clssdk.core.ClsServiceException;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.api.FullTextIndex;
import io.clssdk.core.api.MachineGroupSpec;
import io.clssdk.core.api.SearchLogRequest;
import io.clssdk.core.api.TopicSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every action turns a {@code Response.Error} answer into a service exception with Code, Message and RequestId. */
class ActionErrorsTest {
    private static Map<String, Consumer<ClsApiClient>> actions() {
        SearchLogRequest search =
                SearchLogRequest.builder().topicId("t-1").timeRange(0, 1).build();
        Map<String, Consumer<ClsApiClient>> a = new LinkedHashMap<>();
        a.put("CreateLogset", c -> c.createLogset("web"));
        a.put("DescribeLogsets", c -> c.describeLogsets(0, 20));
        a.put("DeleteLogset", c -> c.deleteLogset("ls-1"));
        a.put("CreateTopic", c -> c.createTopic(TopicSpec.of("ls-1", "app")));
        a.put("DescribeTopics", c -> c.describeTopics(0, 20));
        a.put("DeleteTopic", c -> c.deleteTopic("t-1"));
        a.put("CreateIndex", c -> c.createIndex("t-1", FullTextIndex.defaults()));
        a.put(
                "CreateMachineGroup",
                c -> c.createMachineGroup(MachineGroupSpec.builder()
                        .groupName("g")
                        .ips("10.0.0.1")
                        .build()));
        a.put("DescribeMachineGroups", c -> c.describeMachineGroups(0, 20));
        a.put("DeleteMachineGroup", c -> c.deleteMachineGroup("g-1"));
        a.put("DescribeMachines", c -> c.describeMachines("g-1", 0, 20));
        a.put("CreateConfig", c -> c.createConfig(ConfigActionsTest.CONFIG));
        a.put("ModifyConfig", c -> c.modifyConfig("c-1", ConfigActionsTest.CONFIG));
        a.put("DescribeConfigs", c -> c.describeConfigs(0, 20));
        a.put("DeleteConfig", c -> c.deleteConfig("c-1"));
        a.put("ApplyConfigToMachineGroup", c -> c.applyConfigToMachineGroup("c-1", "g-1"));
        a.put("DeleteConfigFromMachineGroup", c -> c.deleteConfigFromMachineGroup("c-1", "g-1"));
        a.put("DescribeConfigMachineGroups", c -> c.describeConfigMachineGroups("c-1"));
        a.put("DescribeMachineGroupConfigs", c -> c.describeMachineGroupConfigs("g-1"));
        a.put("SearchLog", c -> c.searchLog(search));
        return a;
    }

    @TestFactory
    List<DynamicTest> everyActionReportsServiceErrors() {
        return actions().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    try (ApiFixture f = new ApiFixture()) {
                        f.api.error("ResourceNotFound.Thing", "no such thing");
                        ClsServiceException ex = assertThrows(
                                ClsServiceException.class, () -> e.getValue().accept(f.client));
                        assertEquals("ResourceNotFound.Thing", ex.errorCode());
                        assertEquals("no such thing", ex.errorMessage());
                        assertEquals("req-1", ex.requestId());
                        assertFalse(ex.retryable());
                        assertEquals(e.getKey(), f.api.take().action());
                    }
                }))
                .collect(Collectors.toList());
    }

    @TestFactory
    List<DynamicTest> createActionsRequireTheNewIdInTheAnswer() {
        return actions().entrySet().stream()
                .filter(e -> e.getKey().startsWith("Create") && !e.getKey().equals("CreateIndex"))
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    try (ApiFixture f = new ApiFixture()) {
                        f.api.ok("");
                        ClsServiceException ex = assertThrows(
                                ClsServiceException.class, () -> e.getValue().accept(f.client));
                        assertEquals("req-1", ex.requestId());
                        assertFalse(ex.retryable());
                    }
                }))
                .collect(Collectors.toList());
    }
}
