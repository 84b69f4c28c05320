package io.clssdk.core.api;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.internal.api.DefaultClsApiClient;
import io.clssdk.core.internal.api.RetryPolicy;
import io.clssdk.core.spi.Required;
import io.clssdk.core.spi.SystemClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A synchronous client for the CLS Cloud API 3.0 ({@code POST https://cls.tencentcloudapi.com}, version
 * {@code 2020-10-16}, signed with TC3-HMAC-SHA256): logsets, topics, indexes, machine groups, collection configurations
 * and SearchLog. It turns the console steps of setting up collection into code:
 *
 * <pre>{@code
 * try (ClsApiClient api = ClsApiClient.builder()
 *         .region("ap-guangzhou")
 *         .credentials(CredentialsProvider.fromEnvironment())
 *         .build()) {
 *     String groupId = api.createMachineGroup(MachineGroupSpec.builder()
 *             .groupName("web-servers").ips("10.0.0.7").build());
 *     String configId = api.createConfig(CollectionConfig.builder()
 *             .name("app-logs").output(topicId).path("/var/log/app/**}{@code /*.log").build());
 *     api.applyConfigToMachineGroup(configId, groupId);
 *     for (MachineInfo machine : api.listMachines(groupId)) {
 *         System.out.println(machine.ip() + (machine.isHealthy() ? " ok" : " offline"));
 *     }
 * }
 * }</pre>
 *
 * <p><b>Threads and blocking.</b> Thread-safe; share one client (it pools connections) and close it when done. Every
 * call blocks until CLS answers, including retries and their backoff.
 *
 * <p><b>Errors.</b> Arguments are checked before anything is sent: model builders throw
 * {@link IllegalArgumentException} naming the field, and the methods here throw {@link ClsClientException} with reason
 * {@code INVALID_ARGUMENT} for a missing id, an offset below 0, a limit outside 1 to {@value #MAX_PAGE_SIZE}, more than
 * {@value #MAX_FILTERS} filters or too many filter values. A response carrying {@code Response.Error} (CLS answers
 * errors with HTTP 200) becomes a {@link io.clssdk.core.ClsServiceException} with its {@code Code}, {@code Message}
 * and {@code RequestId}; I/O failures and timeouts are {@link ClsClientException}s with reason {@code IO} or
 * {@code TIMEOUT}.
 *
 * <p><b>Retries.</b> Up to {@link Builder#maxAttempts(int)} attempts (default 4) with capped exponential backoff and
 * full jitter (default base 200 ms, cap 5 s). Throttling ({@code RequestLimitExceeded*}, HTTP 429) is retried for
 * every action: CLS refused the request, so nothing happened. Errors whose outcome is unknown — {@code InternalError*},
 * HTTP 5xx without an error body, I/O errors and timeouts — are retried only for read-only actions
 * ({@code Describe*}, {@code SearchLog}); for the others they are thrown (with {@code retryable() == true} where
 * appropriate) because repeating a {@code Create*} that did succeed would create a duplicate or fail with a conflict.
 * Authentication ({@code AuthFailure.*}) and parameter errors are never retried. Each attempt is signed afresh.
 *
 * <p><b>Paging.</b> {@code describe*} methods return one {@link Page}; {@code list*} methods return a lazy
 * {@link Iterable} that fetches pages of {@value #MAX_PAGE_SIZE} only as iteration reaches them (each
 * {@code iterator()} starts again from the first page). Errors during iteration are thrown from
 * {@code hasNext()}/{@code next()}.
 */
public interface ClsApiClient extends AutoCloseable {
    /** The default endpoint: CLS's Cloud API, routed to the nearest region. */
    String DEFAULT_ENDPOINT = "https://cls.tencentcloudapi.com";
    /** The largest {@code Limit} of a {@code Describe*} call. */
    int MAX_PAGE_SIZE = 100;
    /** The most filters a {@code Describe*} call accepts. */
    int MAX_FILTERS = 10;

    /** Returns a builder. */
    static Builder builder() {
        return new Builder();
    }

    /** {@code CreateLogset}: creates a logset and returns its {@code LogsetId}. Not retried on unknown outcomes. */
    String createLogset(String logsetName);

    /** {@code CreateLogset} with tags (at most 10). */
    String createLogset(String logsetName, Map<String, String> tags);

    /** {@code DescribeLogsets}: one page. Filter keys: {@code logsetName}, {@code logsetId}, {@code tagKey}, ... */
    Page<LogsetInfo> describeLogsets(int offset, int limit, Filter... filters);

    /** Every logset matching the filters, fetched lazily page by page. */
    Iterable<LogsetInfo> listLogsets(Filter... filters);

    /** {@code DeleteLogset}. */
    void deleteLogset(String logsetId);

    /** {@code CreateTopic}: creates a log topic and returns its {@code TopicId}. */
    String createTopic(TopicSpec topic);

    /**
     * {@code DescribeTopics}: one page. Filter keys: {@code topicName}, {@code logsetName}, {@code topicId},
     * {@code logsetId}, {@code tagKey}, {@code tag:<key>}, {@code storageType}.
     */
    Page<TopicInfo> describeTopics(int offset, int limit, Filter... filters);

    /** Every topic matching the filters, fetched lazily page by page. */
    Iterable<TopicInfo> listTopics(Filter... filters);

    /** {@code DeleteTopic}. */
    void deleteTopic(String topicId);

    /** {@code CreateIndex}: enables the full-text index SearchLog needs ({@code Status} true). */
    void createIndex(String topicId, FullTextIndex fullText);

    /** {@code CreateMachineGroup}: creates a machine group and returns its {@code GroupId}. */
    String createMachineGroup(MachineGroupSpec group);

    /**
     * {@code DescribeMachineGroups}: one page. Filter keys: {@code machineGroupName}, {@code machineGroupId},
     * {@code osType}, {@code tagKey}, {@code tag:<key>}.
     */
    Page<MachineGroupInfo> describeMachineGroups(int offset, int limit, Filter... filters);

    /** Every machine group matching the filters, fetched lazily page by page. */
    Iterable<MachineGroupInfo> listMachineGroups(Filter... filters);

    /** {@code DeleteMachineGroup}. */
    void deleteMachineGroup(String groupId);

    /**
     * {@code DescribeMachines}: one page of a group's machines and their agent status. Filter keys: {@code ip},
     * {@code instance}, {@code version}, {@code status} ({@code 0} offline, {@code 1} normal), {@code offlineTime};
     * up to 100 values per filter.
     */
    Page<MachineInfo> describeMachines(String groupId, int offset, int limit, Filter... filters);

    /** Every machine of a group matching the filters, fetched lazily page by page. */
    Iterable<MachineInfo> listMachines(String groupId, Filter... filters);

    /** {@code CreateConfig}: creates a collection configuration and returns its {@code ConfigId}. */
    String createConfig(CollectionConfig config);

    /**
     * {@code ModifyConfig}: sends {@code configId} and every field {@code config} sets; fields it leaves unset are not
     * changed by CLS. Typically {@code info.config().toBuilder()...build()} after {@link #describeConfigs}.
     */
    void modifyConfig(String configId, CollectionConfig config);

    /** {@code DescribeConfigs}: one page. Filter keys: {@code configName} (fuzzy), {@code configId}, {@code topicId}. */
    Page<ConfigInfo> describeConfigs(int offset, int limit, Filter... filters);

    /** Every collection configuration matching the filters, fetched lazily page by page. */
    Iterable<ConfigInfo> listConfigs(Filter... filters);

    /** {@code DeleteConfig}. */
    void deleteConfig(String configId);

    /** {@code ApplyConfigToMachineGroup}: the group's agents start collecting with the configuration. */
    void applyConfigToMachineGroup(String configId, String groupId);

    /** {@code DeleteConfigFromMachineGroup}: the group's agents stop collecting with the configuration. */
    void deleteConfigFromMachineGroup(String configId, String groupId);

    /** {@code DescribeConfigMachineGroups}: the machine groups a configuration is applied to. */
    List<MachineGroupInfo> describeConfigMachineGroups(String configId);

    /** {@code DescribeMachineGroupConfigs}: the configurations applied to a machine group. */
    List<ConfigInfo> describeMachineGroupConfigs(String groupId);

    /** {@code SearchLog}: one page of logs (the topic needs an index, see {@link #createIndex}). */
    SearchLogResult searchLog(SearchLogRequest request);

    /**
     * Every log matching the request, following {@code Context} from page to page until {@code ListOver}; pages are
     * fetched lazily with the request's {@code Limit}. Meant for plain searches, not SQL analysis.
     */
    Iterable<LogEntry> listLogs(SearchLogRequest request);

    /** Releases pooled connections. Idempotent; later calls fail with reason {@code CLOSED}. */
    @Override
    void close();

    /** Builds a {@link ClsApiClient}. */
    final class Builder {
        private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

        private String region;
        private CredentialsProvider credentials;
        private String endpoint = DEFAULT_ENDPOINT;
        private HttpOptions httpOptions = HttpOptions.defaults();
        private int maxAttempts = 4;
        private Duration retryBaseDelay = Duration.ofMillis(200);
        private Duration retryMaxDelay = Duration.ofSeconds(5);

        private Builder() {}

        /** The region whose resources are managed, sent as {@code X-TC-Region}, e.g. {@code ap-guangzhou} (required). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** How to sign (required). A session token is sent as {@code X-TC-Token}. */
        public Builder credentials(CredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Where to send, default {@value ClsApiClient#DEFAULT_ENDPOINT}. Also accepted: a region-pinned host such as
         * {@code cls.ap-guangzhou.tencentcloudapi.com}, {@code cls.intl.tencentcloudapi.com}, a bare host (https), or
         * {@code http://127.0.0.1:8080} for a local test server. The service in the signature is always {@code cls}.
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /** Timeouts, connection pool and TLS trust (default {@link HttpOptions#defaults()}). */
        public Builder httpOptions(HttpOptions httpOptions) {
            this.httpOptions = Objects.requireNonNull(httpOptions, "httpOptions");
            return this;
        }

        /** Attempts per call including the first, 1 to 10 (default 4); 1 turns retries off. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The backoff before retry {@code n}: a random time between 0 and {@code min(max, base * 2^(n-1))}
         * (defaults 200 ms and 5 s).
         */
        public Builder retryBackoff(Duration base, Duration max) {
            this.retryBaseDelay = Objects.requireNonNull(base, "base");
            this.retryMaxDelay = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if the region or credentials are missing
         * @throws IllegalArgumentException if the region, endpoint or a retry setting is invalid
         */
        public ClsApiClient build() {
            if (region == null) {
                throw new IllegalStateException("region is required, e.g. region(\"ap-guangzhou\")");
            }
            Required.credentials(credentials);
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException(
                        "region '" + region + "' is not a region name; expected something like 'ap-guangzhou'");
            }
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be in [1, 10], got " + maxAttempts);
            }
            if (retryBaseDelay.isNegative() || retryMaxDelay.compareTo(retryBaseDelay) < 0) {
                throw new IllegalArgumentException(
                        "retryBackoff needs 0 <= base <= max, got base=" + retryBaseDelay + " max=" + retryMaxDelay);
            }
            RetryPolicy retry =
                    RetryPolicy.withJitter(maxAttempts, retryBaseDelay.toMillis(), retryMaxDelay.toMillis());
            return new DefaultClsApiClient(
                    ClsEndpoint.parse(endpoint), region, credentials, httpOptions, retry, SystemClock.INSTANCE);
        }
    }
}
