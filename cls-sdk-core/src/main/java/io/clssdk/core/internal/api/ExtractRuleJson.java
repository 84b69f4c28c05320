package io.clssdk.core.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clssdk.core.api.AdvanceFilterRule;
import io.clssdk.core.api.EventLogRule;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.KeyRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps {@link ExtractRule} to and from the API's {@code ExtractRuleInfo} JSON, members in the API's order. */
final class ExtractRuleJson {
    private ExtractRuleJson() {}

    static ExtractRule read(JsonFields f) {
        ExtractRule.Builder b = ExtractRule.builder()
                .timeKey(f.text("TimeKey"))
                .timeFormat(f.text("TimeFormat"))
                .delimiter(f.text("Delimiter"))
                .logRegex(f.text("LogRegex"))
                .beginRegex(f.text("BeginRegex"))
                .keys(f.texts("Keys"))
                .filterKeyRegex(readList(f, "FilterKeyRegex", ExtractRuleJson::readKeyRegex))
                .unMatchUpLoadSwitch(f.bool("UnMatchUpLoadSwitch"))
                .unMatchLogKey(f.text("UnMatchLogKey"));
        Long backtracking = f.longValue("Backtracking");
        if (backtracking != null) {
            b.backtracking(backtracking);
        }
        b.isGbk(f.integer("IsGBK"))
                .jsonStandard(f.integer("JsonStandard"))
                .protocol(f.text("Protocol"))
                .address(f.text("Address"))
                .parseProtocol(f.text("ParseProtocol"))
                .metadataType(f.integer("MetadataType"))
                .pathRegex(f.text("PathRegex"))
                .metaTags(f.keyValues("MetaTags"))
                .eventLogRules(readList(f, "EventLogRules", ExtractRuleJson::readEventLog))
                .advanceFilterRules(readList(f, "AdvanceFilterRules", ExtractRuleJson::readAdvanceFilterRule))
                .rawLogKey(f.text("RawLogKey"))
                .units(f.texts("Units"))
                .includeKernel(f.bool("IncludeKernel"))
                .useJournalTime(f.bool("UseJournalTime"))
                .keysDelimiter(f.texts("KeysDelimiter"))
                .keysFlag(f.longs("KeysFlag"));
        f.finish();
        return b.build();
    }

    static ObjectNode write(ExtractRule r) {
        ObjectNode node = Json.object();
        Json.putIfSet(node, "TimeKey", r.timeKey());
        Json.putIfSet(node, "TimeFormat", r.timeFormat());
        Json.putIfSet(node, "Delimiter", r.delimiter());
        Json.putIfSet(node, "LogRegex", r.logRegex());
        Json.putIfSet(node, "BeginRegex", r.beginRegex());
        Json.putTexts(node, "Keys", r.keys());
        if (!r.filterKeyRegex().isEmpty()) {
            ArrayNode array = node.putArray("FilterKeyRegex");
            for (KeyRegex k : r.filterKeyRegex()) {
                array.addObject().put("Key", k.key()).put("Regex", k.regex());
            }
        }
        Json.putIfSet(node, "UnMatchUpLoadSwitch", r.unMatchUpLoadSwitch());
        Json.putIfSet(node, "UnMatchLogKey", r.unMatchLogKey());
        node.put("Backtracking", r.backtracking());
        Json.putIfSet(node, "IsGBK", r.isGbk());
        Json.putIfSet(node, "JsonStandard", r.jsonStandard());
        Json.putIfSet(node, "Protocol", r.protocol());
        Json.putIfSet(node, "Address", r.address());
        Json.putIfSet(node, "ParseProtocol", r.parseProtocol());
        Json.putIfSet(node, "MetadataType", r.metadataType());
        Json.putIfSet(node, "PathRegex", r.pathRegex());
        Json.putKeyValues(node, "MetaTags", r.metaTags());
        if (!r.eventLogRules().isEmpty()) {
            ArrayNode array = node.putArray("EventLogRules");
            for (EventLogRule e : r.eventLogRules()) {
                ObjectNode o =
                        array.addObject().put("EventChannel", e.eventChannel()).put("TimeType", e.timeType());
                Json.putIfSet(o, "Timestamp", e.timestamp());
                Json.putTexts(o, "EventIDs", e.eventIds());
            }
        }
        if (!r.advanceFilterRules().isEmpty()) {
            ArrayNode array = node.putArray("AdvanceFilterRules");
            for (AdvanceFilterRule a : r.advanceFilterRules()) {
                ObjectNode o = array.addObject().put("Key", a.key()).put("Rule", a.rule());
                Json.putIfSet(o, "Value", a.value());
            }
        }
        Json.putIfSet(node, "RawLogKey", r.rawLogKey());
        Json.putTexts(node, "Units", r.units());
        Json.putIfSet(node, "IncludeKernel", r.includeKernel());
        Json.putIfSet(node, "UseJournalTime", r.useJournalTime());
        Json.putTexts(node, "KeysDelimiter", r.keysDelimiter());
        if (!r.keysFlag().isEmpty()) {
            ArrayNode array = node.putArray("KeysFlag");
            r.keysFlag().forEach(array::add);
        }
        return node;
    }

    /**
     * Reads the array member {@code name} element by element. An element that is not an object, or that lacks what
     * the model requires ({@code reader} returns null), is recorded as not understood and left out.
     */
    static <T> List<T> readList(JsonFields f, String name, Function<JsonFields, T> reader) {
        JsonNode array = f.array(name);
        if (array == null) {
            return null;
        }
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonFields e = f.element(name, i);
            if (e == null) {
                continue;
            }
            T item = reader.apply(e);
            e.finish();
            if (item == null) {
                e.record(f.pathOf(name) + "[" + i + "]");
            } else {
                items.add(item);
            }
        }
        return items;
    }

    private static KeyRegex readKeyRegex(JsonFields e) {
        String key = e.text("Key");
        String regex = e.text("Regex");
        return isEmpty(key) || isEmpty(regex) ? null : KeyRegex.of(key, regex);
    }

    private static AdvanceFilterRule readAdvanceFilterRule(JsonFields e) {
        String key = e.text("Key");
        Integer rule = e.integer("Rule");
        String value = e.text("Value");
        return isEmpty(key) || rule == null || rule < 0 ? null : AdvanceFilterRule.of(key, rule, value);
    }

    private static EventLogRule readEventLog(JsonFields e) {
        String channel = e.text("EventChannel");
        Integer timeType = e.integer("TimeType");
        Long timestamp = e.longValue("Timestamp");
        List<String> ids = e.texts("EventIDs");
        return isEmpty(channel) || timeType == null ? null : EventLogRule.of(channel, timeType, timestamp, ids);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
