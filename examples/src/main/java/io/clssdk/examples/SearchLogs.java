package io.clssdk.examples;

import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.api.LogEntry;
import io.clssdk.core.api.SearchLogRequest;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads logs back from a topic with SearchLog: the newest logs of the last minutes that match a query, following
 * {@code Context} from page to page. The topic needs an index (CreateIndex, or the console's index settings). Without
 * credentials it explains what to set and exits 0.
 *
 * <p>Environment: {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY} (and {@code
 * TENCENTCLOUD_SESSION_TOKEN}), {@code CLS_REGION}, {@code CLS_TOPIC_ID}; optional {@code CLS_QUERY} (default
 * {@code *}), {@code CLS_SEARCH_MINUTES} (default 15), {@code CLS_MAX_LOGS} (default 20), {@code CLS_API_ENDPOINT}.
 * Run:
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests && java -cp examples/target/benchmarks.jar io.clssdk.examples.SearchLogs
 * }</pre>
 */
public final class SearchLogs {
    static final String QUERY = "CLS_QUERY";
    static final String MINUTES = "CLS_SEARCH_MINUTES";
    static final String MAX_LOGS = "CLS_MAX_LOGS";

    private static final String USAGE = String.join(
            System.lineSeparator(),
            "  TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY  API key pair (TENCENTCLOUD_SESSION_TOKEN for STS keys)",
            "  CLS_REGION          region of the topic, e.g. ap-guangzhou",
            "  CLS_TOPIC_ID        the log topic to search (it needs an index)",
            "  CLS_QUERY           optional search statement (default *: every log)",
            "  CLS_SEARCH_MINUTES  optional, how far back to search (default 15)",
            "  CLS_MAX_LOGS        optional, how many logs to print at most (default 20)",
            "  CLS_API_ENDPOINT    optional, e.g. cls.ap-guangzhou.tencentcloudapi.com (default cls.tencentcloudapi.com)");

    private SearchLogs() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out));
    }

    /**
     * Runs the example.
     *
     * @param nowMs the end of the searched range, Unix milliseconds
     * @return 0 when done or when not configured (after explaining), 1 when the search failed
     */
    public static int run(Map<String, String> environment, PrintStream out, long nowMs) {
        ExampleEnv env = new ExampleEnv(environment);
        List<String> missing =
                env.missing(ExampleEnv.SECRET_ID, ExampleEnv.SECRET_KEY, ExampleEnv.REGION, ExampleEnv.TOPIC_ID);
        if (!missing.isEmpty()) {
            ExampleEnv.explainMissing(
                    out, "SearchLogs", "prints the newest logs of a topic that match a query.", missing, USAGE);
            return 0;
        }
        try (ClsApiClient api = env.client()) {
            long minutes = env.positiveNumber(MINUTES, 15);
            int maxLogs = (int) Math.min(env.positiveNumber(MAX_LOGS, 20), 10_000);
            SearchLogRequest request = SearchLogRequest.builder()
                    .topicId(env.get(ExampleEnv.TOPIC_ID))
                    .timeRange(nowMs - minutes * 60_000, nowMs)
                    .queryString(env.getOrDefault(QUERY, "*"))
                    .sort("desc")
                    .limit(Math.min(maxLogs, 100))
                    .build();
            out.println("Searching " + request.topicId() + " for '" + request.queryString() + "' over the last "
                    + minutes + " minutes:");
            int printed = 0;
            for (LogEntry log : api.listLogs(request)) {
                out.println(Instant.ofEpochMilli(log.timeMs()) + "  " + log.source() + "  "
                        + (log.fileName() == null ? "" : log.fileName() + "  ") + log.fields());
                if (++printed == maxLogs) {
                    break; // stop before fetching another page
                }
            }
            out.println(printed == 0 ? "No logs found." : "Printed " + printed + " logs.");
            return 0;
        } catch (ClsServiceException e) {
            out.println("SearchLogs failed: " + e.getMessage());
            if (e.errorCode() != null && e.errorCode().startsWith("FailedOperation")) {
                out.println(
                        "Does the topic have an index? Create one with ClsApiClient.createIndex or in the console.");
            }
            return 1;
        } catch (ClsException | IllegalArgumentException e) {
            out.println("SearchLogs failed: " + e.getMessage());
            return 1;
        }
    }

    /** {@link #run(Map, PrintStream, long)} up to now. */
    public static int run(Map<String, String> environment, PrintStream out) {
        return run(environment, out, System.currentTimeMillis());
    }
}
