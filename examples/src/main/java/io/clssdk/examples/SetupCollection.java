package io.clssdk.examples;

import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.MachineGroupSpec;
import io.clssdk.core.api.MachineInfo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets up log collection the way the CLS console does, in code: creates an IP machine group for the machines that run
 * LogListener, creates a collection configuration that sends a path's files to a topic, applies the configuration to
 * the group, and reports each machine's agent status. Without credentials it explains what to set and exits 0.
 *
 * <p>Environment: {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY} (and {@code
 * TENCENTCLOUD_SESSION_TOKEN} for temporary keys), {@code CLS_REGION} (e.g. {@code ap-guangzhou}), {@code
 * CLS_TOPIC_ID} (the topic that receives the logs), {@code CLS_MACHINE_IPS} (comma-separated IPs of the machines where
 * LogListener is installed); optional {@code CLS_LOG_PATH} (default {@value #DEFAULT_PATH}), {@code CLS_NAME_PREFIX}
 * (default {@code cls-sdk-example}), {@code CLS_API_ENDPOINT}. Run:
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests && java -cp examples/target/benchmarks.jar io.clssdk.examples.SetupCollection
 * }</pre>
 */
public final class SetupCollection {
    static final String MACHINE_IPS = "CLS_MACHINE_IPS";
    static final String LOG_PATH = "CLS_LOG_PATH";
    static final String NAME_PREFIX = "CLS_NAME_PREFIX";
    static final String DEFAULT_PATH = "/var/log/app/**/*.log";

    private static final String USAGE = String.join(
            System.lineSeparator(),
            "  TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY  API key pair (TENCENTCLOUD_SESSION_TOKEN for STS keys)",
            "  CLS_REGION        region of the topic, e.g. ap-guangzhou",
            "  CLS_TOPIC_ID      the log topic that receives the collected logs",
            "  CLS_MACHINE_IPS   comma-separated IPs of the machines where LogListener is installed",
            "  CLS_LOG_PATH      optional, files to collect (default " + DEFAULT_PATH + ")",
            "  CLS_NAME_PREFIX   optional, prefix of the group and configuration names (default cls-sdk-example)",
            "  CLS_API_ENDPOINT  optional, e.g. cls.ap-guangzhou.tencentcloudapi.com (default cls.tencentcloudapi.com)");

    private SetupCollection() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out));
    }

    /**
     * Runs the example.
     *
     * @return 0 when done or when not configured (after explaining), 1 when CLS rejected a step
     */
    public static int run(Map<String, String> environment, PrintStream out) {
        ExampleEnv env = new ExampleEnv(environment);
        List<String> missing = env.missing(
                ExampleEnv.SECRET_ID, ExampleEnv.SECRET_KEY, ExampleEnv.REGION, ExampleEnv.TOPIC_ID, MACHINE_IPS);
        if (!missing.isEmpty()) {
            ExampleEnv.explainMissing(
                    out,
                    "SetupCollection",
                    "creates a machine group and a collection configuration, applies one to the other and"
                            + " shows the machines' agent status.",
                    missing,
                    USAGE);
            return 0;
        }
        String prefix = env.getOrDefault(NAME_PREFIX, "cls-sdk-example");
        String topicId = env.get(ExampleEnv.TOPIC_ID);
        String path = env.getOrDefault(LOG_PATH, DEFAULT_PATH);
        List<String> ips = splitComma(env.get(MACHINE_IPS));
        try (ClsApiClient api = env.client()) {
            String groupId = api.createMachineGroup(MachineGroupSpec.builder()
                    .groupName(prefix + "-group")
                    .ips(ips)
                    .build());
            out.println("1. created machine group " + groupId + " for " + ips);

            String configId = api.createConfig(CollectionConfig.builder()
                    .name(prefix + "-config")
                    .output(topicId)
                    .path(path)
                    .build());
            out.println("2. created collection configuration " + configId + ": " + path + " -> topic " + topicId);

            api.applyConfigToMachineGroup(configId, groupId);
            out.println("3. applied the configuration to the machine group");

            out.println("4. machine status:");
            int machines = 0;
            for (MachineInfo m : api.listMachines(groupId)) {
                machines++;
                out.println("   " + m.ip() + "  " + (m.isHealthy() ? "healthy" : "OFFLINE since " + m.offlineTime())
                        + "  LogListener " + m.version());
            }
            if (machines == 0) {
                out.println("   no machine has reported yet: install LogListener on " + ips
                        + " (with an empty group_label) and run this again, or check with DescribeMachines.");
            }
            out.println("To undo: DeleteConfigFromMachineGroup, DeleteConfig " + configId + ", DeleteMachineGroup "
                    + groupId + ".");
            return 0;
        } catch (ClsServiceException e) {
            out.println("SetupCollection failed: " + e.getMessage());
            if (e.errorCode() != null && e.errorCode().endsWith("Conflict")) {
                out.println("Names must be unique: set " + NAME_PREFIX + " or delete the resources of an earlier run.");
            }
            return 1;
        } catch (ClsException | IllegalArgumentException e) {
            out.println("SetupCollection failed: " + e.getMessage());
            return 1;
        }
    }

    static List<String> splitComma(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text.split(",")) {
            if (!p.trim().isEmpty()) {
                parts.add(p.trim());
            }
        }
        return parts;
    }
}
