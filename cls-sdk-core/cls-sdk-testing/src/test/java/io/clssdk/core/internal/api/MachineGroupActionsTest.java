package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.Filter;
import io.clssdk.core.api.MachineGroupInfo;
import io.clssdk.core.api.MachineGroupSpec;
import io.clssdk.core.api.MachineGroupType;
import io.clssdk.core.api.MachineInfo;
import io.clssdk.core.api.Page;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CreateMachineGroup, DescribeMachineGroups, DeleteMachineGroup and DescribeMachines (machine status). */
class MachineGroupActionsTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void createAnIpMachineGroup() {
        f.api.ok("\"GroupId\":\"g-1\"");
        MachineGroupSpec spec = MachineGroupSpec.builder()
                .groupName("web-servers")
                .ips("10.0.0.7", "10.0.0.8")
                .autoUpdate(true)
                .updateWindow("02:00:00", "04:00:00")
                .serviceLogging(false)
                .metaTags(Collections.singletonMap("app", "shop"))
                .osType(0)
                .build();
        assertEquals("g-1", f.client.createMachineGroup(spec));
        assertEquals(
                "{\"GroupName\":\"web-servers\",\"MachineGroupType\":{\"Type\":\"ip\",\"Values\":[\"10.0.0.7\","
                        + "\"10.0.0.8\"]},\"AutoUpdate\":true,\"UpdateStartTime\":\"02:00:00\","
                        + "\"UpdateEndTime\":\"04:00:00\",\"ServiceLogging\":false,"
                        + "\"MetaTags\":[{\"Key\":\"app\",\"Value\":\"shop\"}],\"OSType\":0}",
                f.taken("CreateMachineGroup").body());
    }

    @Test
    void createALabelMachineGroupWithTheMinimalBody() {
        f.api.ok("\"GroupId\":\"g-2\"");
        f.client.createMachineGroup(
                MachineGroupSpec.builder().groupName("k8s").labels("web").build());
        assertEquals(
                "{\"GroupName\":\"k8s\",\"MachineGroupType\":{\"Type\":\"label\",\"Values\":[\"web\"]}}",
                f.taken("CreateMachineGroup").body());
    }

    @Test
    void describeMachineGroups() {
        f.api.ok("\"MachineGroups\":[{\"GroupId\":\"g-1\",\"GroupName\":\"web-servers\","
                + "\"MachineGroupType\":{\"Type\":\"ip\",\"Values\":[\"10.0.0.7\"]},\"CreateTime\":\"2023-11-14 22:13:20\","
                + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"ops\"}],\"AutoUpdate\":\"true\",\"UpdateStartTime\":\"02:00:00\","
                + "\"UpdateEndTime\":\"04:00:00\",\"ServiceLogging\":true,\"DelayCleanupTime\":30,"
                + "\"MetaTags\":[],\"OSType\":0},"
                + "{\"GroupId\":\"g-2\",\"MachineGroupType\":{\"Type\":\"cloud_tag\",\"Values\":[\"x\"]},"
                + "\"AutoUpdate\":\"false\"}],\"TotalCount\":2");
        Page<MachineGroupInfo> page = f.client.describeMachineGroups(0, 20, Filter.of("machineGroupName", "web"));
        assertEquals(
                "{\"Filters\":[{\"Key\":\"machineGroupName\",\"Values\":[\"web\"]}],\"Offset\":0,\"Limit\":20}",
                f.taken("DescribeMachineGroups").body());
        MachineGroupInfo g = page.items().get(0);
        assertEquals("g-1", g.groupId());
        assertEquals("web-servers", g.groupName());
        assertEquals(MachineGroupType.IP, g.type());
        assertEquals(Collections.singletonList("10.0.0.7"), g.values());
        assertEquals(Boolean.TRUE, g.autoUpdate(), "CLS sends AutoUpdate as a string");
        assertEquals("02:00:00", g.updateStartTime());
        assertEquals("04:00:00", g.updateEndTime());
        assertEquals(Boolean.TRUE, g.serviceLogging());
        assertEquals(Integer.valueOf(30), g.delayCleanupTime());
        assertEquals(Collections.singletonMap("team", "ops"), g.tags());
        assertEquals(Integer.valueOf(0), g.osType());
        MachineGroupInfo unknown = page.items().get(1);
        assertEquals("cloud_tag", unknown.type().value());
        assertFalse(unknown.type().isKnown());
        assertEquals(Boolean.FALSE, unknown.autoUpdate());
    }

    @Test
    void deleteMachineGroup() {
        f.api.ok("");
        f.client.deleteMachineGroup("g-1");
        assertEquals("{\"GroupId\":\"g-1\"}", f.taken("DeleteMachineGroup").body());
    }

    @Test
    void describeMachinesReportsAgentHealth() {
        f.api.ok("\"Machines\":[{\"Ip\":\"10.0.0.7\",\"InstanceID\":\"ins-1\",\"Status\":1,\"OfflineTime\":\"\","
                + "\"AutoUpdate\":1,\"Version\":\"2.9.5\",\"UpdateStatus\":0,\"ErrCode\":0,\"ErrMsg\":\"\"},"
                + "{\"Ip\":\"10.0.0.8\",\"Status\":0,\"OfflineTime\":\"2023-11-14 20:00:00\",\"Version\":\"2.8.0\","
                + "\"UpdateStatus\":-1,\"ErrCode\":1,\"ErrMsg\":\"upgrade failed\"}],"
                + "\"AutoUpdate\":1,\"LatestAgentVersion\":\"2.9.5\",\"ServiceLogging\":false,\"TotalCount\":2");
        Page<MachineInfo> page = f.client.describeMachines(
                "g-1", 0, 100, Filter.of("status", "0", "1"), Filter.of("ip", "10.0.0.7", "10.0.0.8"));
        assertEquals(
                "{\"GroupId\":\"g-1\",\"Filters\":[{\"Key\":\"status\",\"Values\":[\"0\",\"1\"]},"
                        + "{\"Key\":\"ip\",\"Values\":[\"10.0.0.7\",\"10.0.0.8\"]}],\"Offset\":0,\"Limit\":100}",
                f.taken("DescribeMachines").body());
        assertEquals(2, page.totalCount());
        MachineInfo ok = page.items().get(0);
        assertEquals("10.0.0.7", ok.ip());
        assertEquals("ins-1", ok.instanceId());
        assertTrue(ok.isHealthy());
        assertNull(ok.offlineTime(), "an empty OfflineTime means the machine is online");
        assertEquals(1, ok.autoUpdate());
        assertEquals("2.9.5", ok.version());
        MachineInfo down = page.items().get(1);
        assertFalse(down.isHealthy());
        assertEquals(MachineInfo.STATUS_ABNORMAL, down.status());
        assertEquals("2023-11-14 20:00:00", down.offlineTime());
        assertEquals(-1, down.updateStatus());
        assertEquals(1, down.errCode());
        assertEquals("upgrade failed", down.errMsg());
        assertEquals(Arrays.asList("10.0.0.7", "10.0.0.8"), Arrays.asList(ok.ip(), down.ip()));
    }
}
