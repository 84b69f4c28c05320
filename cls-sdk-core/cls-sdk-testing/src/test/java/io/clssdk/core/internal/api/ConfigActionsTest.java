package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.ConfigInfo;
import io.clssdk.core.api.ExcludePath;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.Filter;
import io.clssdk.core.api.LogType;
import io.clssdk.core.api.MachineGroupInfo;
import io.clssdk.core.api.Page;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CreateConfig, ModifyConfig, DescribeConfigs, DeleteConfig, ApplyConfigToMachineGroup, DeleteConfigFromMachineGroup,
 * DescribeConfigMachineGroups and DescribeMachineGroupConfigs (checklist 24).
 */
class ConfigActionsTest {
    static final CollectionConfig CONFIG = CollectionConfig.builder()
            .name("app-logs")
            .output("t-1")
            .path("/var/log/app/**/*.log")
            .logType(LogType.JSON_LOG)
            .extractRule(ExtractRule.builder()
                    .timeKey("time")
                    .timeFormat("%Y-%m-%d %H:%M:%S")
                    .unMatchUpLoadSwitch(true)
                    .unMatchLogKey("LogParseFailure")
                    .build())
            .excludePaths(ExcludePath.file("/var/log/app/debug.log"), ExcludePath.path("/var/log/app/tmp"))
            .advancedConfig(AdvancedConfig.builder()
                    .clsAgentMaxDepth(10)
                    .clsAgentFileTimeout(3600)
                    .build())
            .build();

    static final String CONFIG_JSON = "{\"Name\":\"app-logs\",\"Output\":\"t-1\",\"Path\":\"/var/log/app/**/*.log\","
            + "\"LogType\":\"json_log\",\"ExtractRule\":{\"TimeKey\":\"time\",\"TimeFormat\":\"%Y-%m-%d %H:%M:%S\","
            + "\"UnMatchUpLoadSwitch\":true,\"UnMatchLogKey\":\"LogParseFailure\",\"Backtracking\":-1},"
            + "\"ExcludePaths\":[{\"Type\":\"File\",\"Value\":\"/var/log/app/debug.log\"},"
            + "{\"Type\":\"Path\",\"Value\":\"/var/log/app/tmp\"}],"
            + "\"AdvancedConfig\":\"{\\\"ClsAgentMaxDepth\\\":10,\\\"ClsAgentFileTimeout\\\":3600}\"}";

    /** A DescribeConfigs element as CLS returns it: extra members, nulls, AdvancedConfig as a string. */
    static final String DESCRIBED = "{\"ConfigId\":\"c-1\",\"Name\":\"app-logs\",\"LogFormat\":\"default\","
            + "\"Path\":\"/var/log/app/**/*.log\",\"LogType\":\"json_log\",\"ExtractRule\":{\"TimeKey\":\"time\","
            + "\"TimeFormat\":\"%Y-%m-%d %H:%M:%S\",\"Delimiter\":null,\"LogRegex\":null,\"BeginRegex\":null,"
            + "\"Keys\":null,\"FilterKeyRegex\":null,\"UnMatchUpLoadSwitch\":true,\"UnMatchLogKey\":\"LogParseFailure\","
            + "\"Backtracking\":-1,\"IsGBK\":null,\"JsonStandard\":null},"
            + "\"ExcludePaths\":[{\"Type\":\"File\",\"Value\":\"/var/log/app/debug.log\"},"
            + "{\"Type\":\"Path\",\"Value\":\"/var/log/app/tmp\"}],\"Output\":\"t-1\","
            + "\"UpdateTime\":\"2023-11-15 08:00:00\",\"CreateTime\":\"2023-11-14 22:13:20\",\"UserDefineRule\":\"\","
            + "\"AdvancedConfig\":\"{\\\"ClsAgentMaxDepth\\\":10,\\\"ClsAgentFileTimeout\\\":3600}\"}";

    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void createConfigSendsTheFullSchemaWithAdvancedConfigAsAStringAndBacktrackingMinusOne() {
        f.api.ok("\"ConfigId\":\"c-1\"");
        assertEquals("c-1", f.client.createConfig(CONFIG));
        assertEquals(CONFIG_JSON, f.taken("CreateConfig").body());
    }

    @Test
    void modifyConfigSendsTheIdFirstThenTheConfiguration() {
        f.api.ok("");
        f.client.modifyConfig("c-1", CONFIG);
        assertEquals(
                "{\"ConfigId\":\"c-1\"," + CONFIG_JSON.substring(1),
                f.taken("ModifyConfig").body());
    }

    @Test
    void describeConfigsReturnsAConfigurationThatCanBeSentBackUnchanged() {
        f.api.ok("\"Configs\":[" + DESCRIBED + ",{\"ConfigId\":\"c-2\",\"Name\":\"broken\",\"Output\":\"t-1\","
                + "\"LogType\":\"json_log\"}],\"TotalCount\":2");
        Page<ConfigInfo> page = f.client.describeConfigs(0, 20, Filter.of("topicId", "t-1"));
        assertEquals(
                "{\"Filters\":[{\"Key\":\"topicId\",\"Values\":[\"t-1\"]}],\"Offset\":0,\"Limit\":20}",
                f.taken("DescribeConfigs").body());
        ConfigInfo info = page.items().get(0);
        assertEquals("c-1", info.configId());
        assertEquals("default", info.logFormat());
        assertEquals("2023-11-14 22:13:20", info.createTime());
        assertEquals("2023-11-15 08:00:00", info.updateTime());
        assertNull(info.configError());
        assertEquals(CONFIG, info.config());
        assertTrue(info.json().startsWith("{\"ConfigId\":\"c-1\""), info.json());

        ConfigInfo broken = page.items().get(1);
        assertEquals("c-2", broken.configId());
        assertTrue(broken.configError().contains("Path is required"), broken.configError());
        IllegalStateException e = assertThrows(IllegalStateException.class, broken::config);
        assertTrue(e.getMessage().contains("c-2"), e.getMessage());

        f.api.ok("\"ConfigId\":\"c-3\"");
        f.client.createConfig(info.config().toBuilder().name("app-logs-copy").build());
        assertEquals(
                CONFIG_JSON.replace("\"app-logs\"", "\"app-logs-copy\""),
                f.taken("CreateConfig").body());
    }

    @Test
    void deleteConfig() {
        f.api.ok("");
        f.client.deleteConfig("c-1");
        assertEquals("{\"ConfigId\":\"c-1\"}", f.taken("DeleteConfig").body());
    }

    @Test
    void applyAndRemoveAConfigurationOnAMachineGroup() {
        f.api.ok("").ok("");
        f.client.applyConfigToMachineGroup("c-1", "g-1");
        f.client.deleteConfigFromMachineGroup("c-1", "g-1");
        assertEquals(
                "{\"ConfigId\":\"c-1\",\"GroupId\":\"g-1\"}",
                f.taken("ApplyConfigToMachineGroup").body());
        assertEquals(
                "{\"ConfigId\":\"c-1\",\"GroupId\":\"g-1\"}",
                f.taken("DeleteConfigFromMachineGroup").body());
    }

    @Test
    void describeConfigMachineGroups() {
        f.api.ok("\"MachineGroups\":[{\"GroupId\":\"g-1\",\"GroupName\":\"web\","
                + "\"MachineGroupType\":{\"Type\":\"label\",\"Values\":[\"web\"]}}]");
        List<MachineGroupInfo> groups = f.client.describeConfigMachineGroups("c-1");
        assertEquals(
                "{\"ConfigId\":\"c-1\"}", f.taken("DescribeConfigMachineGroups").body());
        assertEquals(1, groups.size());
        assertEquals("g-1", groups.get(0).groupId());
        assertEquals("label", groups.get(0).type().value());
    }

    @Test
    void describeMachineGroupConfigs() {
        f.api.ok("\"Configs\":[" + DESCRIBED + "]");
        List<ConfigInfo> configs = f.client.describeMachineGroupConfigs("g-1");
        assertEquals(
                "{\"GroupId\":\"g-1\"}", f.taken("DescribeMachineGroupConfigs").body());
        assertEquals(1, configs.size());
        assertEquals(CONFIG, configs.get(0).config());
    }
}
