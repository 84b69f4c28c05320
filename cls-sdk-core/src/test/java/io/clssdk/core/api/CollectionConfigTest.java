package io.clssdk.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CollectionConfig}'s JSON form: both API shapes in, the CreateConfig shape out, unknown fields reported. */
class CollectionConfigTest {
    /** The CreateConfig example of the protocol reference §3.5 (API30EX), byte for byte. */
    static final String CREATE_CONFIG_EXAMPLE = "{\"Name\":\"单行完全正则-文件日志\",\"Path\":\"/data/log/**/my.log\","
            + "\"ExcludePaths\":[{\"Type\":\"File\",\"Value\":\"/data/log/my.log\"}],"
            + "\"LogType\":\"fullregex_log\","
            + "\"ExtractRule\":{\"IsGBK\":0,\"LogRegex\":\"(\\\\w)(\\\\w+\\\\s\\\\S+)\\\\s+(\\\\d+)\\\\s([^:]+):(\\\\d+)\\\\]\\\\s(.*)\","
            + "\"BeginRegex\":\"(\\\\w)(\\\\w+\\\\s\\\\S+)\\\\s+(\\\\d+)\\\\s([^:]+):(\\\\d+)\\\\]\\\\s(.*)\","
            + "\"Keys\":[\"level\",\"time\",\"thread_id\",\"file\",\"lineno\",\"msg\"],"
            + "\"TimeKey\":\"time\",\"TimeFormat\":\"%Y-%m-%d %H:%M:%S.%f\","
            + "\"FilterKeyRegex\":[{\"Key\":\"key1\",\"Regex\":\"value1\"}],"
            + "\"UnMatchUpLoadSwitch\":true,\"UnMatchLogKey\":\"LogParseFailure\",\"Backtracking\":10,"
            + "\"MetadataType\":2,\"MetaTags\":[{\"Key\":\"mryx\",\"Value\":\"item\"}],\"PathRegex\":\"\","
            + "\"AdvanceFilterRules\":[]},"
            + "\"AdvancedConfig\":\"{\\\"ClsAgentMaxDepth\\\":10,\\\"ClsAgentFileTimeout\\\":3600}\","
            + "\"Output\":\"6bf3355c-3c88-4566-89c8-76c3ca37bae9\"}";

    private static final String REGEX = "(\\w)(\\w+\\s\\S+)\\s+(\\d+)\\s([^:]+):(\\d+)\\]\\s(.*)";

    @Test
    void readsTheCreateConfigExampleFieldByField() {
        CollectionConfig c = CollectionConfig.fromJson(CREATE_CONFIG_EXAMPLE);
        assertEquals("单行完全正则-文件日志", c.name());
        assertEquals("6bf3355c-3c88-4566-89c8-76c3ca37bae9", c.output());
        assertEquals("/data/log/**/my.log", c.path());
        assertEquals(LogType.FULLREGEX_LOG, c.logType());
        assertEquals(Collections.singletonList(ExcludePath.file("/data/log/my.log")), c.excludePaths());
        ExtractRule r = c.extractRule();
        assertEquals(Integer.valueOf(0), r.isGbk());
        assertEquals(REGEX, r.logRegex());
        assertEquals(REGEX, r.beginRegex());
        assertEquals(Arrays.asList("level", "time", "thread_id", "file", "lineno", "msg"), r.keys());
        assertEquals("time", r.timeKey());
        assertEquals("%Y-%m-%d %H:%M:%S.%f", r.timeFormat());
        assertEquals(Collections.singletonList(KeyRegex.of("key1", "value1")), r.filterKeyRegex());
        assertEquals(Boolean.TRUE, r.unMatchUpLoadSwitch());
        assertEquals("LogParseFailure", r.unMatchLogKey());
        assertEquals(10, r.backtracking());
        assertEquals(Integer.valueOf(2), r.metadataType());
        assertEquals(Collections.singletonMap("mryx", "item"), r.metaTags());
        assertNull(r.pathRegex(), "an empty PathRegex counts as unset");
        assertTrue(r.advanceFilterRules().isEmpty());
        assertEquals(Integer.valueOf(10), c.advancedConfig().clsAgentMaxDepth());
        assertEquals(Long.valueOf(3600), c.advancedConfig().clsAgentFileTimeout());
        assertNull(c.advancedConfig().clsAgentParseFailMerge());
        assertEquals(Collections.emptyList(), c.unknownFields());
    }

    @Test
    void writesTheCreateConfigShapeInApiOrderAndReadsItBack() {
        CollectionConfig c = CollectionConfig.fromJson(CREATE_CONFIG_EXAMPLE);
        String expected = "{\"Name\":\"单行完全正则-文件日志\",\"Output\":\"6bf3355c-3c88-4566-89c8-76c3ca37bae9\","
                + "\"Path\":\"/data/log/**/my.log\",\"LogType\":\"fullregex_log\","
                + "\"ExtractRule\":{\"TimeKey\":\"time\",\"TimeFormat\":\"%Y-%m-%d %H:%M:%S.%f\","
                + "\"LogRegex\":\"(\\\\w)(\\\\w+\\\\s\\\\S+)\\\\s+(\\\\d+)\\\\s([^:]+):(\\\\d+)\\\\]\\\\s(.*)\","
                + "\"BeginRegex\":\"(\\\\w)(\\\\w+\\\\s\\\\S+)\\\\s+(\\\\d+)\\\\s([^:]+):(\\\\d+)\\\\]\\\\s(.*)\","
                + "\"Keys\":[\"level\",\"time\",\"thread_id\",\"file\",\"lineno\",\"msg\"],"
                + "\"FilterKeyRegex\":[{\"Key\":\"key1\",\"Regex\":\"value1\"}],"
                + "\"UnMatchUpLoadSwitch\":true,\"UnMatchLogKey\":\"LogParseFailure\",\"Backtracking\":10,"
                + "\"IsGBK\":0,\"MetadataType\":2,\"MetaTags\":[{\"Key\":\"mryx\",\"Value\":\"item\"}]},"
                + "\"ExcludePaths\":[{\"Type\":\"File\",\"Value\":\"/data/log/my.log\"}],"
                + "\"AdvancedConfig\":\"{\\\"ClsAgentMaxDepth\\\":10,\\\"ClsAgentFileTimeout\\\":3600}\"}";
        assertEquals(expected, c.toJson());
        assertEquals(c, CollectionConfig.fromJson(c.toJson()));
    }

    @Test
    void readsADescribeConfigsElementWithNulls() {
        String element = "{\"ConfigId\":\"5b5d6e5f-1f4a-4b88-9e0c-7a3b9d2c1e00\",\"Name\":\"app\",\"LogFormat\":\"\","
                + "\"Path\":\"/var/log/app/**/*.log,/opt/app/logs/*.log\",\"LogType\":\"multiline_log\","
                + "\"ExtractRule\":{\"TimeKey\":null,\"TimeFormat\":null,\"Delimiter\":null,\"LogRegex\":null,"
                + "\"BeginRegex\":\"\\\\d{4}-.*\",\"Keys\":null,\"FilterKeyRegex\":null,\"UnMatchUpLoadSwitch\":false,"
                + "\"UnMatchLogKey\":null,\"Backtracking\":-1,\"IsGBK\":0,\"JsonStandard\":0,\"MetadataType\":0,"
                + "\"PathRegex\":null,\"MetaTags\":[],\"EventLogRules\":[]},"
                + "\"ExcludePaths\":null,\"Output\":\"topic-1\",\"UpdateTime\":\"2024-05-01 10:00:00\","
                + "\"CreateTime\":\"2024-05-01 09:00:00\",\"UserDefineRule\":\"\",\"AdvancedConfig\":\"\","
                + "\"InputType\":\"file\"}";
        CollectionConfig c = CollectionConfig.fromJson(element);
        assertEquals("app", c.name());
        assertEquals(Arrays.asList("/var/log/app/**/*.log", "/opt/app/logs/*.log"), c.paths());
        assertEquals(LogType.MULTILINE_LOG, c.logType());
        assertTrue(c.excludePaths().isEmpty());
        assertNull(c.advancedConfig());
        assertNull(c.userDefineRule());
        assertEquals("file", c.inputType());
        ExtractRule r = c.extractRule();
        assertEquals("\\d{4}-.*", r.beginRegex());
        assertTrue(r.keys().isEmpty());
        assertNull(r.unMatchLogKey());
        assertEquals(-1, r.backtracking());
        assertEquals(Collections.emptyList(), c.unknownFields(), "ConfigInfo members are known, not unknown");
    }

    @Test
    void fieldsItDoesNotUnderstandAreCollectedByPath() {
        String json = "{\"Name\":\"n\",\"Output\":\"t\",\"Path\":\"/a/*.log\",\"BrandNew\":1,"
                + "\"ExtractRule\":{\"SomethingNew\":\"x\",\"Backtracking\":\"soon\","
                + "\"FilterKeyRegex\":[{\"Key\":\"k\",\"Regex\":\"r\"},{\"Key\":\"only-a-key\"},7]},"
                + "\"ExcludePaths\":[{\"Type\":\"Glob\",\"Value\":\"/a/b\",\"Other\":true}],"
                + "\"AdvancedConfig\":{\"ClsAgentDefault\":0,\"ClsAgentMaxDepth\":\"deep\",\"ClsAgentFileTimeout\":5}}";
        CollectionConfig c = CollectionConfig.fromJson(json);
        assertEquals(
                Arrays.asList(
                        "ExtractRule.FilterKeyRegex[1]",
                        "ExtractRule.FilterKeyRegex[2]",
                        "ExtractRule.Backtracking",
                        "ExtractRule.SomethingNew",
                        "ExcludePaths[0].Other",
                        "AdvancedConfig.ClsAgentDefault",
                        "AdvancedConfig.ClsAgentMaxDepth",
                        "BrandNew"),
                c.unknownFields());
        assertEquals(-1, c.extractRule().backtracking(), "a Backtracking that is not a number falls back to -1");
        assertEquals(
                Collections.singletonList(KeyRegex.of("k", "r")),
                c.extractRule().filterKeyRegex());
        ExcludePath unknownType = c.excludePaths().get(0);
        assertFalse(unknownType.type().isKnown());
        assertEquals("Glob", unknownType.type().value());
        // unknown AdvancedConfig keys are kept and sent back
        assertNull(c.advancedConfig().clsAgentMaxDepth());
        assertEquals(Long.valueOf(5), c.advancedConfig().clsAgentFileTimeout());
        assertTrue(c.toJson()
                .contains("\"AdvancedConfig\":\"{\\\"ClsAgentDefault\\\":0,\\\"ClsAgentMaxDepth\\\":\\\"deep\\\","
                        + "\\\"ClsAgentFileTimeout\\\":5}\""));
        assertTrue(c.toJson().contains("\"ExcludePaths\":[{\"Type\":\"Glob\",\"Value\":\"/a/b\"}]"));
    }

    @Test
    void advancedConfigMayArriveAsAnObjectAndAnUnreadableOneIsReported() {
        CollectionConfig asObject = CollectionConfig.fromJson(
                "{\"Name\":\"n\",\"Output\":\"t\",\"Path\":\"/a\",\"AdvancedConfig\":{\"ClsAgentParseFailMerge\":true}}");
        assertEquals(Boolean.TRUE, asObject.advancedConfig().clsAgentParseFailMerge());
        assertEquals(Collections.emptyList(), asObject.unknownFields());

        CollectionConfig broken = CollectionConfig.fromJson(
                "{\"Name\":\"n\",\"Output\":\"t\",\"Path\":\"/a\",\"AdvancedConfig\":\"{not json\"}");
        assertNull(broken.advancedConfig());
        assertEquals(Collections.singletonList("AdvancedConfig"), broken.unknownFields());
    }

    @Test
    void backtrackingDefaultsToMinusOneAndIsAlwaysSent() {
        CollectionConfig c = CollectionConfig.builder()
                .name("n")
                .output("t")
                .path("/var/log/app/**/*.log")
                .extractRule(ExtractRule.builder().build())
                .build();
        assertEquals(
                "{\"Name\":\"n\",\"Output\":\"t\",\"Path\":\"/var/log/app/**/*.log\","
                        + "\"LogType\":\"minimalist_log\",\"ExtractRule\":{\"Backtracking\":-1}}",
                c.toJson());
        assertEquals(
                -1,
                CollectionConfig.fromJson("{\"Name\":\"n\",\"Output\":\"t\",\"Path\":\"/a\"," + "\"ExtractRule\":{}}")
                        .extractRule()
                        .backtracking());
    }

    @Test
    void everyExtractRuleFieldSurvivesARoundTrip() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("b", "2");
        tags.put("a", "1");
        ExtractRule rule = ExtractRule.builder()
                .timeKey("t")
                .timeFormat("%s")
                .delimiter(" ")
                .logRegex("(.*)")
                .beginRegex("^\\d")
                .keys("x", "", "y")
                .filterKeyRegex(Arrays.asList(KeyRegex.of("x", "a.*"), KeyRegex.of("x", "b.*")))
                .unMatchUpLoadSwitch(true)
                .unMatchLogKey("LogParseFailure")
                .backtracking(0)
                .isGbk(1)
                .jsonStandard(1)
                .protocol("tcp")
                .address("127.0.0.1:9000")
                .parseProtocol("rfc5424")
                .metadataType(2)
                .pathRegex("/var/log/(\\w+)/.*")
                .metaTags(tags)
                .eventLogRules(Collections.singletonList(
                        EventLogRule.of("Application", 1, 1_700_000_000L, Arrays.asList("1", "-2"))))
                .advanceFilterRules(Arrays.asList(
                        AdvanceFilterRule.equalTo("level", "ERROR"),
                        AdvanceFilterRule.exists("trace"),
                        AdvanceFilterRule.absent("debug"),
                        AdvanceFilterRule.of("future", 7, null)))
                .rawLogKey("raw")
                .units(Arrays.asList("sshd.service"))
                .includeKernel(true)
                .useJournalTime(false)
                .keysDelimiter(Arrays.asList(",", ";"))
                .keysFlag(Arrays.asList(1L, 0L))
                .build();
        CollectionConfig c = CollectionConfig.builder()
                .name("all")
                .output("t")
                .path("/a/**/*.log")
                .logType(LogType.of("some_future_log"))
                .extractRule(rule)
                .excludePaths(ExcludePath.path("/a/tmp"), ExcludePath.file("/a/x.log"))
                .userDefineRule("{\"x\":1}")
                .advancedConfig(AdvancedConfig.builder()
                        .clsAgentMaxDepth(3)
                        .clsAgentParseFailMerge(false)
                        .entry("Extra", "[1,2]")
                        .build())
                .inputType("file")
                .build();
        CollectionConfig back = CollectionConfig.fromJson(c.toJson());
        assertEquals(c, back);
        // only the AdvancedConfig key this SDK has no accessor for is reported (and still kept)
        assertEquals(Collections.singletonList("AdvancedConfig.Extra"), back.unknownFields());
        assertEquals("[1,2]", back.advancedConfig().otherEntries().get("Extra"));
        assertEquals(c, c.toBuilder().build());
        assertEquals(
                Arrays.asList("b", "a"),
                Arrays.asList(back.extractRule().metaTags().keySet().toArray()));
    }

    @Test
    void invalidConfigurationsNameTheField() {
        assertMessage(
                "Name", () -> CollectionConfig.builder().output("t").path("/a").build());
        assertMessage(
                "Name must not contain '|'",
                () -> CollectionConfig.builder()
                        .name("a|b")
                        .output("t")
                        .path("/a")
                        .build());
        assertMessage(
                "Output", () -> CollectionConfig.builder().name("n").path("/a").build());
        assertMessage(
                "Path is required",
                () -> CollectionConfig.builder().name("n").output("t").build());
        CollectionConfig syslog = CollectionConfig.builder()
                .name("n")
                .output("t")
                .logType(LogType.SERVICE_SYSLOG)
                .inputType("syslog")
                .build();
        assertNull(syslog.path(), "syslog collection needs no path");
        assertMessage(
                "TimeKey and ExtractRule.TimeFormat",
                () -> ExtractRule.builder().timeKey("time").build());
        assertMessage(
                "TimeKey and ExtractRule.TimeFormat",
                () -> ExtractRule.builder().timeFormat("%s").build());
        assertMessage(
                "UnMatchLogKey is required",
                () -> ExtractRule.builder().unMatchUpLoadSwitch(true).build());
        assertMessage(
                "Backtracking", () -> ExtractRule.builder().backtracking(-2).build());
        assertMessage(
                "Backtracking",
                () -> ExtractRule.builder()
                        .backtracking(ExtractRule.MAX_BACKTRACKING + 1)
                        .build());
        assertMessage(
                "MetaTags is required",
                () -> ExtractRule.builder().metadataType(2).build());
        assertMessage(
                "PathRegex is required",
                () -> ExtractRule.builder().metadataType(3).build());
        assertMessage("IsGBK", () -> ExtractRule.builder().isGbk(2).build());
        assertMessage(
                "Keys must have at most 100",
                () -> ExtractRule.builder().keys(Collections.nCopies(101, "k")).build());
        assertMessage(
                "TimeKey",
                () -> CollectionConfig.fromJson(
                        "{\"Name\":\"n\",\"Output\":\"t\",\"Path\":\"/a\",\"ExtractRule\":{\"TimeKey\":\"x\"}}"));
        assertMessage("must be a JSON object", () -> CollectionConfig.fromJson("[1]"));
        assertMessage("not valid JSON", () -> CollectionConfig.fromJson("{\"Name\":"));
        assertMessage("AdvancedConfig.k", () -> AdvancedConfig.builder().entry("k", "{oops"));
        assertMessage("ClsAgentMaxDepth", () -> AdvancedConfig.builder().clsAgentMaxDepth(-1));
    }

    private static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }
}
