package io.clssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.FakeCloudApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupCollectionTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true);

    private String output() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    static Map<String, String> environment(FakeCloudApi api) {
        Map<String, String> env = new HashMap<>();
        env.put("TENCENTCLOUD_SECRET_ID", FakeCloudApi.SECRET_ID);
        env.put("TENCENTCLOUD_SECRET_KEY", FakeCloudApi.SECRET_KEY);
        env.put("CLS_REGION", "ap-guangzhou");
        env.put("CLS_TOPIC_ID", "t-1");
        env.put("CLS_API_ENDPOINT", api.endpoint());
        return env;
    }

    @Test
    void withoutCredentialsItExplainsWhatToSetAndExitsZero() {
        assertEquals(0, SetupCollection.run(Collections.emptyMap(), out));
        String text = output();
        assertTrue(
                text.contains("Not run: these environment variables are not set: TENCENTCLOUD_SECRET_ID,"
                        + " TENCENTCLOUD_SECRET_KEY, CLS_REGION, CLS_TOPIC_ID, CLS_MACHINE_IPS."),
                text);
        assertTrue(text.contains("CLS_LOG_PATH"), text);
    }

    @Test
    void withCredentialsButNoMachinesItNamesOnlyWhatIsMissing() {
        Map<String, String> env = new HashMap<>();
        env.put("TENCENTCLOUD_SECRET_ID", "id");
        env.put("TENCENTCLOUD_SECRET_KEY", "sk-do-not-print");
        env.put("CLS_REGION", "ap-guangzhou");
        env.put("CLS_TOPIC_ID", " ");
        assertEquals(0, SetupCollection.run(env, out));
        assertTrue(output().contains("not set: CLS_TOPIC_ID, CLS_MACHINE_IPS."), output());
        assertFalse(output().contains("sk-do-not-print"), "no secret is echoed");
    }

    @Test
    void performsTheThreeStepsAndReportsMachineStatus() {
        try (FakeCloudApi api = FakeCloudApi.start()) {
            api.ok("\"GroupId\":\"g-1\"")
                    .ok("\"ConfigId\":\"c-1\"")
                    .ok("")
                    .ok("\"Machines\":[{\"Ip\":\"10.0.0.7\",\"Status\":1,\"Version\":\"2.9.5\"},"
                            + "{\"Ip\":\"10.0.0.8\",\"Status\":0,\"OfflineTime\":\"2023-11-14 20:00:00\"}],"
                            + "\"TotalCount\":2");
            Map<String, String> env = environment(api);
            env.put("CLS_MACHINE_IPS", "10.0.0.7, 10.0.0.8");
            env.put("CLS_LOG_PATH", "/srv/app/*.log");
            assertEquals(0, SetupCollection.run(env, out), output());

            assertEquals(
                    "{\"GroupName\":\"cls-sdk-example-group\",\"MachineGroupType\":{\"Type\":\"ip\","
                            + "\"Values\":[\"10.0.0.7\",\"10.0.0.8\"]}}",
                    api.take().body());
            assertEquals(
                    "{\"Name\":\"cls-sdk-example-config\",\"Output\":\"t-1\",\"Path\":\"/srv/app/*.log\","
                            + "\"LogType\":\"minimalist_log\"}",
                    api.take().body());
            FakeCloudApi.ApiRequest apply = api.take();
            assertEquals("ApplyConfigToMachineGroup", apply.action());
            assertEquals("{\"ConfigId\":\"c-1\",\"GroupId\":\"g-1\"}", apply.body());
            assertEquals("DescribeMachines", api.take().action());

            String text = output();
            assertTrue(text.contains("created machine group g-1"), text);
            assertTrue(text.contains("created collection configuration c-1"), text);
            assertTrue(text.contains("10.0.0.7  healthy  LogListener 2.9.5"), text);
            assertTrue(text.contains("10.0.0.8  OFFLINE since 2023-11-14 20:00:00"), text);
        }
    }

    @Test
    void aRejectedStepIsReportedWithExitCodeOne() {
        try (FakeCloudApi api = FakeCloudApi.start()) {
            api.error("InvalidParameter.MachineGroupConflict", "a group with this name exists");
            Map<String, String> env = environment(api);
            env.put("CLS_MACHINE_IPS", "10.0.0.7");
            assertEquals(1, SetupCollection.run(env, out));
            assertTrue(output().contains("InvalidParameter.MachineGroupConflict"), output());
            assertTrue(output().contains("set CLS_NAME_PREFIX"), output());
            assertEquals(1, api.requestCount());
        }
    }
}
