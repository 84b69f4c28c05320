package io.clssdk.core.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.ConfigInfo;
import io.clssdk.core.api.Filter;
import io.clssdk.core.api.FullTextIndex;
import io.clssdk.core.api.LogEntry;
import io.clssdk.core.api.LogsetInfo;
import io.clssdk.core.api.MachineGroupInfo;
import io.clssdk.core.api.MachineGroupSpec;
import io.clssdk.core.api.MachineGroupType;
import io.clssdk.core.api.MachineInfo;
import io.clssdk.core.api.SearchLogRequest;
import io.clssdk.core.api.SearchLogResult;
import io.clssdk.core.api.TopicInfo;
import io.clssdk.core.api.TopicSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Request bodies and response readers of every action except the collection configuration's own members (see
 * {@link ConfigJson}). Requests use the API's member names in a fixed order; responses are read leniently and unknown
 * members are ignored.
 */
final class ModelJson {
    private ModelJson() {}

    static ObjectNode page(Filter[] filters, int offset, int limit) {
        return page(Json.object(), filters, offset, limit);
    }

    /** Appends {@code Filters} (when any), {@code Offset} and {@code Limit}. */
    static ObjectNode page(ObjectNode node, Filter[] filters, int offset, int limit) {
        if (filters.length > 0) {
            ArrayNode array = node.putArray("Filters");
            for (Filter f : filters) {
                ObjectNode o = array.addObject().put("Key", f.key());
                ArrayNode values = o.putArray("Values");
                f.values().forEach(values::add);
            }
        }
        node.put("Offset", offset);
        node.put("Limit", limit);
        return node;
    }

    static ObjectNode topic(TopicSpec t) {
        ObjectNode node = Json.object().put("LogsetId", t.logsetId()).put("TopicName", t.topicName());
        Json.putIfSet(node, "PartitionCount", t.partitionCount());
        Json.putKeyValues(node, "Tags", t.tags());
        Json.putIfSet(node, "AutoSplit", t.autoSplit());
        Json.putIfSet(node, "MaxSplitPartitions", t.maxSplitPartitions());
        Json.putIfSet(node, "StorageType", t.storageType());
        Json.putIfSet(node, "Period", t.period());
        Json.putIfSet(node, "Describes", t.describes());
        Json.putIfSet(node, "HotPeriod", t.hotPeriod());
        Json.putIfSet(node, "IsWebTracking", t.isWebTracking());
        return node;
    }

    /** {@code CreateIndex} with only a full-text rule, enabled. */
    static ObjectNode index(String topicId, FullTextIndex f) {
        ObjectNode node = Json.object().put("TopicId", topicId);
        ObjectNode fullText = node.putObject("Rule").putObject("FullText");
        fullText.put("CaseSensitive", f.caseSensitive()).put("Tokenizer", f.tokenizer());
        Json.putIfSet(fullText, "ContainZH", f.containZh());
        node.put("Status", true);
        return node;
    }

    static ObjectNode machineGroup(MachineGroupSpec g) {
        ObjectNode node = Json.object().put("GroupName", g.groupName());
        ObjectNode type =
                node.putObject("MachineGroupType").put("Type", g.type().value());
        ArrayNode values = type.putArray("Values");
        g.values().forEach(values::add);
        Json.putKeyValues(node, "Tags", g.tags());
        Json.putIfSet(node, "AutoUpdate", g.autoUpdate());
        Json.putIfSet(node, "UpdateStartTime", g.updateStartTime());
        Json.putIfSet(node, "UpdateEndTime", g.updateEndTime());
        Json.putIfSet(node, "ServiceLogging", g.serviceLogging());
        Json.putIfSet(node, "DelayCleanupTime", g.delayCleanupTime());
        Json.putKeyValues(node, "MetaTags", g.metaTags());
        Json.putIfSet(node, "OSType", g.osType());
        return node;
    }

    static ObjectNode search(SearchLogRequest r) {
        ObjectNode node = Json.object()
                .put("TopicId", r.topicId())
                .put("From", r.fromMs())
                .put("To", r.toMs())
                .put("QueryString", r.queryString());
        Json.putIfSet(node, "QuerySyntax", r.querySyntax());
        Json.putIfSet(node, "Sort", r.sort());
        node.put("Limit", r.limit());
        Json.putIfSet(node, "Context", r.context());
        return node;
    }

    static LogsetInfo readLogset(JsonFields f) {
        Long topicCount = f.longValue("TopicCount");
        return LogsetInfo.builder()
                .logsetId(f.text("LogsetId"))
                .logsetName(f.text("LogsetName"))
                .createTime(f.text("CreateTime"))
                .assumerName(f.text("AssumerName"))
                .tags(f.keyValues("Tags"))
                .topicCount(topicCount == null ? 0 : topicCount)
                .roleName(f.text("RoleName"))
                .build();
    }

    static TopicInfo readTopic(JsonFields f) {
        return TopicInfo.builder()
                .logsetId(f.text("LogsetId"))
                .topicId(f.text("TopicId"))
                .topicName(f.text("TopicName"))
                .partitionCount(f.integer("PartitionCount"))
                .index(Boolean.TRUE.equals(f.bool("Index")))
                .createTime(f.text("CreateTime"))
                .status(Boolean.TRUE.equals(f.bool("Status")))
                .tags(f.keyValues("Tags"))
                .autoSplit(f.bool("AutoSplit"))
                .maxSplitPartitions(f.integer("MaxSplitPartitions"))
                .storageType(f.text("StorageType"))
                .period(f.integer("Period"))
                .describes(f.text("Describes"))
                .hotPeriod(f.integer("HotPeriod"))
                .bizType(f.integer("BizType"))
                .isWebTracking(f.bool("IsWebTracking"))
                .build();
    }

    static MachineGroupInfo readMachineGroup(JsonFields f) {
        MachineGroupType type = null;
        List<String> values = null;
        JsonFields t = f.object("MachineGroupType");
        if (t != null) {
            String typeValue = t.text("Type");
            type = typeValue == null || typeValue.isEmpty() ? null : MachineGroupType.of(typeValue);
            values = t.texts("Values");
        }
        return MachineGroupInfo.builder()
                .groupId(f.text("GroupId"))
                .groupName(f.text("GroupName"))
                .machineGroupType(type, values)
                .createTime(f.text("CreateTime"))
                .tags(f.keyValues("Tags"))
                .autoUpdate(f.bool("AutoUpdate"))
                .updateWindow(f.text("UpdateStartTime"), f.text("UpdateEndTime"))
                .serviceLogging(f.bool("ServiceLogging"))
                .delayCleanupTime(f.integer("DelayCleanupTime"))
                .metaTags(f.keyValues("MetaTags"))
                .osType(f.integer("OSType"))
                .build();
    }

    static MachineInfo readMachine(JsonFields f) {
        return MachineInfo.builder()
                .ip(f.text("Ip"))
                .instanceId(f.text("InstanceID"))
                .status(orZero(f.integer("Status")))
                .offlineTime(f.text("OfflineTime"))
                .autoUpdate(orZero(f.integer("AutoUpdate")))
                .version(f.text("Version"))
                .updateStatus(orZero(f.integer("UpdateStatus")))
                .errCode(orZero(f.integer("ErrCode")))
                .errMsg(f.text("ErrMsg"))
                .build();
    }

    /**
     * A {@code ConfigInfo}; the configuration part goes through {@link CollectionConfig#fromJson(String)}. A
     * configuration that breaks one of its rules does not fail the whole answer: it is kept as JSON with the reason.
     */
    static ConfigInfo readConfig(JsonFields f) {
        String json = Json.write(f.source());
        ConfigInfo.Builder b = ConfigInfo.builder().configId(f.text("ConfigId")).json(json);
        try {
            b.config(CollectionConfig.fromJson(json));
        } catch (IllegalArgumentException e) {
            b.configError(e.getMessage());
        }
        return b.logFormat(f.text("LogFormat"))
                .createTime(f.text("CreateTime"))
                .updateTime(f.text("UpdateTime"))
                .build();
    }

    static LogEntry readLogEntry(JsonFields f) {
        Long time = f.longValue("Time");
        return LogEntry.builder()
                .timeMs(time == null ? 0 : time)
                .topicId(f.text("TopicId"))
                .topicName(f.text("TopicName"))
                .source(f.text("Source"))
                .fileName(f.text("FileName"))
                .pkgId(f.text("PkgId"))
                .pkgLogId(f.text("PkgLogId"))
                .hostName(f.text("HostName"))
                .rawLog(f.text("RawLog"))
                .logJson(f.text("LogJson"))
                .build();
    }

    static SearchLogResult searchResult(JsonNode response) {
        JsonFields f = new JsonFields(response, "", null);
        return SearchLogResult.of(
                list(response, "Results", ModelJson::readLogEntry),
                f.text("Context"),
                Boolean.TRUE.equals(f.bool("ListOver")),
                Boolean.TRUE.equals(f.bool("Analysis")),
                requestId(response));
    }

    /** {@code RequestId} of a {@code Response} object, or null. */
    static String requestId(JsonNode response) {
        JsonNode id = response.get("RequestId");
        return id == null || id.isNull() ? null : id.asText();
    }

    /** The objects of the array member {@code name} of a response, read with {@code reader}; empty when absent. */
    static <T> List<T> list(JsonNode response, String name, ElementReader<T> reader) {
        JsonNode array = response.get(name);
        if (array == null || !array.isArray()) {
            return Collections.emptyList();
        }
        List<T> items = new ArrayList<>(array.size());
        for (JsonNode e : array) {
            if (e.isObject()) {
                items.add(reader.read(new JsonFields(e, name, null)));
            }
        }
        return items;
    }

    /** Reads one array element. */
    @FunctionalInterface
    interface ElementReader<T> {
        T read(JsonFields fields);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
