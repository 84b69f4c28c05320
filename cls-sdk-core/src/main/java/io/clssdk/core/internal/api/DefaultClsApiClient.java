package io.clssdk.core.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.ConfigInfo;
import io.clssdk.core.api.Filter;
import io.clssdk.core.api.FullTextIndex;
import io.clssdk.core.api.LogEntry;
import io.clssdk.core.api.LogsetInfo;
import io.clssdk.core.api.MachineGroupInfo;
import io.clssdk.core.api.MachineGroupSpec;
import io.clssdk.core.api.MachineInfo;
import io.clssdk.core.api.Page;
import io.clssdk.core.api.SearchLogRequest;
import io.clssdk.core.api.SearchLogResult;
import io.clssdk.core.api.TopicInfo;
import io.clssdk.core.api.TopicSpec;
import io.clssdk.core.spi.Clock;
import io.clssdk.core.spi.HttpTransport;
import io.clssdk.core.spi.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The {@link ClsApiClient} implementation: checks arguments, builds each action's body ({@link ModelJson},
 * {@link ConfigJson}), sends it through {@link ApiCaller} and reads the answer. Paging lives in {@link Paging}.
 */
public final class DefaultClsApiClient implements ClsApiClient {
    /** {@code Filter.Values} per filter, for every Describe* action except DescribeMachines. */
    static final int MAX_FILTER_VALUES = 5;
    /** {@code Filter.Values} per filter of DescribeMachines. */
    static final int MAX_MACHINE_FILTER_VALUES = 100;

    private final HttpTransport http;
    private final ApiCaller caller;
    private final AtomicBoolean closed = new AtomicBoolean();

    public DefaultClsApiClient(
            ClsEndpoint endpoint,
            String region,
            CredentialsProvider credentials,
            HttpOptions httpOptions,
            RetryPolicy retry,
            Clock clock) {
        this.http = new HttpTransport(httpOptions);
        this.caller = new ApiCaller(endpoint, region, credentials, http, clock, retry, Version.USER_AGENT);
    }

    @Override
    public String createLogset(String logsetName) {
        return createLogset(logsetName, Collections.emptyMap());
    }

    @Override
    public String createLogset(String logsetName, Map<String, String> tags) {
        Args.id(logsetName, "LogsetName");
        if (logsetName.indexOf('|') >= 0 || logsetName.length() > 255) {
            throw Args.invalid("LogsetName must be at most 255 characters without '|', got '" + logsetName + "'");
        }
        Map<String, String> checked = Args.tags(tags);
        ObjectNode body = Json.object().put("LogsetName", logsetName);
        Json.putKeyValues(body, "Tags", checked);
        return requiredText(call("CreateLogset", body), "LogsetId");
    }

    @Override
    public Page<LogsetInfo> describeLogsets(int offset, int limit, Filter... filters) {
        return page("DescribeLogsets", "Logsets", offset, limit, filters, MAX_FILTER_VALUES, ModelJson::readLogset);
    }

    @Override
    public Iterable<LogsetInfo> listLogsets(Filter... filters) {
        Filter[] checked = Args.filters(filters, MAX_FILTER_VALUES);
        return Paging.pages((offset, limit) -> describeLogsets(offset, limit, checked));
    }

    @Override
    public void deleteLogset(String logsetId) {
        call("DeleteLogset", Json.object().put("LogsetId", Args.id(logsetId, "LogsetId")));
    }

    @Override
    public String createTopic(TopicSpec topic) {
        ObjectNode body = ModelJson.topic(Args.present(topic, "topic"));
        return requiredText(call("CreateTopic", body), "TopicId");
    }

    @Override
    public Page<TopicInfo> describeTopics(int offset, int limit, Filter... filters) {
        return page("DescribeTopics", "Topics", offset, limit, filters, MAX_FILTER_VALUES, ModelJson::readTopic);
    }

    @Override
    public Iterable<TopicInfo> listTopics(Filter... filters) {
        Filter[] checked = Args.filters(filters, MAX_FILTER_VALUES);
        return Paging.pages((offset, limit) -> describeTopics(offset, limit, checked));
    }

    @Override
    public void deleteTopic(String topicId) {
        call("DeleteTopic", Json.object().put("TopicId", Args.id(topicId, "TopicId")));
    }

    @Override
    public void createIndex(String topicId, FullTextIndex fullText) {
        Args.id(topicId, "TopicId");
        call("CreateIndex", ModelJson.index(topicId, Args.present(fullText, "fullText")));
    }

    @Override
    public String createMachineGroup(MachineGroupSpec group) {
        ObjectNode body = ModelJson.machineGroup(Args.present(group, "group"));
        return requiredText(call("CreateMachineGroup", body), "GroupId");
    }

    @Override
    public Page<MachineGroupInfo> describeMachineGroups(int offset, int limit, Filter... filters) {
        return page(
                "DescribeMachineGroups",
                "MachineGroups",
                offset,
                limit,
                filters,
                MAX_FILTER_VALUES,
                ModelJson::readMachineGroup);
    }

    @Override
    public Iterable<MachineGroupInfo> listMachineGroups(Filter... filters) {
        Filter[] checked = Args.filters(filters, MAX_FILTER_VALUES);
        return Paging.pages((offset, limit) -> describeMachineGroups(offset, limit, checked));
    }

    @Override
    public void deleteMachineGroup(String groupId) {
        call("DeleteMachineGroup", Json.object().put("GroupId", Args.id(groupId, "GroupId")));
    }

    @Override
    public Page<MachineInfo> describeMachines(String groupId, int offset, int limit, Filter... filters) {
        Args.id(groupId, "GroupId");
        Filter[] checked = Args.filters(filters, MAX_MACHINE_FILTER_VALUES);
        Args.page(offset, limit);
        ObjectNode body = ModelJson.page(Json.object().put("GroupId", groupId), checked, offset, limit);
        return toPage("DescribeMachines", call("DescribeMachines", body), "Machines", ModelJson::readMachine);
    }

    @Override
    public Iterable<MachineInfo> listMachines(String groupId, Filter... filters) {
        Args.id(groupId, "GroupId");
        Filter[] checked = Args.filters(filters, MAX_MACHINE_FILTER_VALUES);
        return Paging.pages((offset, limit) -> describeMachines(groupId, offset, limit, checked));
    }

    @Override
    public String createConfig(CollectionConfig config) {
        ObjectNode body = ConfigJson.configNode(Args.present(config, "config"));
        return requiredText(call("CreateConfig", body), "ConfigId");
    }

    @Override
    public void modifyConfig(String configId, CollectionConfig config) {
        Args.id(configId, "ConfigId");
        ObjectNode body = Json.object().put("ConfigId", configId);
        call("ModifyConfig", ConfigJson.writeConfig(body, Args.present(config, "config")));
    }

    @Override
    public Page<ConfigInfo> describeConfigs(int offset, int limit, Filter... filters) {
        return page("DescribeConfigs", "Configs", offset, limit, filters, MAX_FILTER_VALUES, ModelJson::readConfig);
    }

    @Override
    public Iterable<ConfigInfo> listConfigs(Filter... filters) {
        Filter[] checked = Args.filters(filters, MAX_FILTER_VALUES);
        return Paging.pages((offset, limit) -> describeConfigs(offset, limit, checked));
    }

    @Override
    public void deleteConfig(String configId) {
        call("DeleteConfig", Json.object().put("ConfigId", Args.id(configId, "ConfigId")));
    }

    @Override
    public void applyConfigToMachineGroup(String configId, String groupId) {
        call("ApplyConfigToMachineGroup", configAndGroup(configId, groupId));
    }

    @Override
    public void deleteConfigFromMachineGroup(String configId, String groupId) {
        call("DeleteConfigFromMachineGroup", configAndGroup(configId, groupId));
    }

    @Override
    public List<MachineGroupInfo> describeConfigMachineGroups(String configId) {
        ObjectNode body = Json.object().put("ConfigId", Args.id(configId, "ConfigId"));
        JsonNode response = call("DescribeConfigMachineGroups", body);
        return read(
                "DescribeConfigMachineGroups",
                response,
                r -> Collections.unmodifiableList(ModelJson.list(r, "MachineGroups", ModelJson::readMachineGroup)));
    }

    @Override
    public List<ConfigInfo> describeMachineGroupConfigs(String groupId) {
        ObjectNode body = Json.object().put("GroupId", Args.id(groupId, "GroupId"));
        JsonNode response = call("DescribeMachineGroupConfigs", body);
        return read(
                "DescribeMachineGroupConfigs",
                response,
                r -> Collections.unmodifiableList(ModelJson.list(r, "Configs", ModelJson::readConfig)));
    }

    @Override
    public SearchLogResult searchLog(SearchLogRequest request) {
        JsonNode response = call("SearchLog", ModelJson.search(Args.present(request, "request")));
        return read("SearchLog", response, ModelJson::searchResult);
    }

    @Override
    public Iterable<LogEntry> listLogs(SearchLogRequest request) {
        Args.present(request, "request");
        return Paging.logs(request, this::searchLog);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "DefaultClsApiClient{closed=" + closed.get() + '}';
    }

    private JsonNode call(String action, ObjectNode body) {
        if (closed.get()) {
            throw new ClsClientException(ClsClientException.Reason.CLOSED, "this ClsApiClient is closed");
        }
        return caller.call(action, body);
    }

    private <T> Page<T> page(
            String action,
            String member,
            int offset,
            int limit,
            Filter[] filters,
            int maxValues,
            ModelJson.ElementReader<T> reader) {
        Filter[] checked = Args.filters(filters, maxValues);
        Args.page(offset, limit);
        return toPage(action, call(action, ModelJson.page(checked, offset, limit)), member, reader);
    }

    private static <T> Page<T> toPage(
            String action, JsonNode response, String member, ModelJson.ElementReader<T> reader) {
        return read(action, response, r -> {
            List<T> items = ModelJson.list(r, member, reader);
            JsonNode total = r.get("TotalCount");
            long totalCount = total != null && total.canConvertToLong() ? total.asLong() : items.size();
            return Page.of(items, totalCount, ModelJson.requestId(r));
        });
    }

    /** Applies a response reader; a model rule broken by the answer becomes a (non-retryable) service error. */
    private static <T> T read(String action, JsonNode response, Function<JsonNode, T> reader) {
        try {
            return reader.apply(response);
        } catch (IllegalArgumentException e) {
            throw new ClsServiceException(
                    200,
                    null,
                    action + " returned an answer this SDK cannot read: " + e.getMessage(),
                    ModelJson.requestId(response),
                    false);
        }
    }

    private static ObjectNode configAndGroup(String configId, String groupId) {
        return Json.object().put("ConfigId", Args.id(configId, "ConfigId")).put("GroupId", Args.id(groupId, "GroupId"));
    }

    /** A member every successful answer of the action carries; its absence is a service-side fault. */
    private static String requiredText(JsonNode response, String member) {
        JsonNode value = response.get(member);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new ClsServiceException(
                    200,
                    null,
                    "the answer has no " + member + " although it reports success",
                    ModelJson.requestId(response),
                    false);
        }
        return value.asText();
    }
}
