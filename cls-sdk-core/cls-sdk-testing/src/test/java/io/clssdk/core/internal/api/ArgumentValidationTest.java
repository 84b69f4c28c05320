package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.api.Filter;
import io.clssdk.core.api.MachineGroupSpec;
import io.clssdk.core.api.MachineGroupType;
import io.clssdk.core.api.SearchLogRequest;
import io.clssdk.core.api.TopicSpec;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails before anything is sent, with a message naming the field. */
class ArgumentValidationTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void nothingWasSent() {
        assertEquals(0, f.api.requestCount());
        f.close();
    }

    private static void invalidArgument(String expected, Executable call) {
        ClsClientException e = assertThrows(ClsClientException.class, call);
        assertEquals(ClsClientException.Reason.INVALID_ARGUMENT, e.reason());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void illegalArgument(String expected, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void pagingLimitsAndFilters() {
        invalidArgument("Limit must be in [1, 100], got 101", () -> f.client.describeTopics(0, 101));
        invalidArgument("Limit must be in [1, 100], got 0", () -> f.client.describeConfigs(0, 0));
        invalidArgument("Offset must be >= 0, got -1", () -> f.client.describeLogsets(-1, 10));
        Filter[] eleven = new Filter[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = Filter.of("topicName", "t" + i);
        }
        invalidArgument("at most 10 filters", () -> f.client.describeTopics(0, 10, eleven));
        invalidArgument("at most 10 filters", () -> f.client.listTopics(eleven));
        invalidArgument(
                "at most 5 are allowed",
                () -> f.client.describeMachineGroups(0, 10, Filter.of("machineGroupId", "1", "2", "3", "4", "5", "6")));
        invalidArgument("Filters[0] must not be null", () -> f.client.describeTopics(0, 10, (Filter) null));
    }

    @Test
    void missingIdsAndModels() {
        invalidArgument("GroupId is required", () -> f.client.describeMachines("", 0, 10));
        invalidArgument("GroupId is required", () -> f.client.listMachines(null));
        invalidArgument("ConfigId is required", () -> f.client.applyConfigToMachineGroup(" ", "g-1"));
        invalidArgument("GroupId is required", () -> f.client.deleteConfigFromMachineGroup("c-1", null));
        invalidArgument("TopicId is required", () -> f.client.deleteTopic(""));
        invalidArgument("LogsetName is required", () -> f.client.createLogset(""));
        invalidArgument("LogsetName must be at most 255 characters without '|'", () -> f.client.createLogset("a|b"));
        invalidArgument("config must not be null", () -> f.client.createConfig(null));
        invalidArgument("request must not be null", () -> f.client.searchLog(null));
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            tags.put("k" + i, "v");
        }
        invalidArgument("Tags must have at most 10 entries", () -> f.client.createLogset("web", tags));
        invalidArgument("empty key or value", () -> f.client.createLogset("web", Collections.singletonMap("k", "")));
    }

    @Test
    void modelBuildersRejectBadInputNamingTheField() {
        illegalArgument(
                "GroupName is required",
                () -> MachineGroupSpec.builder().ips("10.0.0.1").build());
        illegalArgument(
                "GroupName is required",
                () -> MachineGroupSpec.builder().groupName(" ").ips("10.0.0.1").build());
        illegalArgument(
                "an ip machine group needs at least one IP address",
                () -> MachineGroupSpec.builder().groupName("web").ips().build());
        illegalArgument(
                "a label machine group needs at least one label",
                () -> MachineGroupSpec.builder()
                        .groupName("web")
                        .machineGroupType(MachineGroupType.LABEL, null)
                        .build());
        illegalArgument(
                "MachineGroupType is required",
                () -> MachineGroupSpec.builder().groupName("web").build());
        illegalArgument(
                "UpdateStartTime and UpdateEndTime must be set together",
                () -> MachineGroupSpec.builder()
                        .groupName("web")
                        .ips("10.0.0.1")
                        .updateWindow("01:00:00", null)
                        .build());
        illegalArgument(
                "From must not be after To",
                () -> SearchLogRequest.builder().topicId("t-1").timeRange(2, 1).build());
        illegalArgument(
                "From and To are required",
                () -> SearchLogRequest.builder().topicId("t-1").build());
        illegalArgument(
                "TopicId is required",
                () -> SearchLogRequest.builder().timeRange(1, 2).build());
        illegalArgument(
                "Limit must be in [1, 1000], got 1001",
                () -> SearchLogRequest.builder()
                        .topicId("t-1")
                        .timeRange(1, 2)
                        .limit(1001)
                        .build());
        illegalArgument(
                "Sort must be asc or desc",
                () -> SearchLogRequest.builder()
                        .topicId("t-1")
                        .timeRange(1, 2)
                        .sort("up")
                        .build());
        illegalArgument("TopicName 'loglistener_status' is reserved", () -> TopicSpec.of("ls-1", "loglistener_status"));
        illegalArgument(
                "PartitionCount must be in [1, 10]",
                () -> TopicSpec.builder()
                        .logsetId("ls-1")
                        .topicName("app")
                        .partitionCount(11)
                        .build());
    }
}
