package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.LogGroup;
import io.clssdk.core.LogRecord;
import io.clssdk.core.internal.proto.ClsProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written encoder must produce exactly the bytes protobuf-java's generated classes produce. */
class LogGroupListEncoderTest {
    /** protobuf-java logs a warning for every unpaired surrogate it replaces; the random data has many. */
    private static final java.util.logging.Logger PROTOBUF_LOG =
            java.util.logging.Logger.getLogger(com.google.protobuf.CodedOutputStream.class.getName());

    @org.junit.jupiter.api.BeforeAll
    static void quietProtobuf() {
        PROTOBUF_LOG.setLevel(java.util.logging.Level.OFF);
    }

    @Test
    void referenceVectorFromProtocolDocument() {
        LogGroup group = LogGroup.builder()
                .addRecord(LogRecord.of(1700000000L, "__CONTENT__", "hello world", "level", "INFO"))
                .contextFlow("0123456789ABCDEF-1")
                .filename("/var/log/app.log")
                .source("10.0.0.1")
                .tag("env", "prod")
                .build();
        WireBuffer body = LogGroupListEncoder.encode(Collections.singletonList(group));
        assertEquals(
                "0a700a310880e2cfaa06121a0a0b5f5f434f4e54454e545f5f120b68656c6c6f20776f726c64120d0a056c6576656c1204494e"
                        + "464f1212303132333435363738394142434445462d311a102f7661722f6c6f672f6170702e6c6f67220831302e30"
                        + "2e302e312a0b0a03656e76120470726f64",
                hex(body.toByteArray()));
        assertEquals(114, body.position());
    }

    @Test
    void randomizedRequestsMatchGeneratedClasses() {
        Random random = new Random(20261124L);
        int records = 0;
        for (int request = 0; request < 300; request++) {
            List<LogGroup> groups = RandomLogs.groups(random, 1 + random.nextInt(4), 1 + random.nextInt(30));
            for (LogGroup g : groups) {
                records += g.records().size();
            }
            byte[] ours = LogGroupListEncoder.encode(groups).toByteArray();
            byte[] theirs = RandomLogs.toProto(groups).toByteArray();
            assertArrayEquals(theirs, ours, "request " + request);
        }
        assertTrue(records > 3000, "covered " + records + " records");
    }

    @Test
    void unpairedSurrogatesInKeysValuesAndMetadataAreCountedAndMatchGeneratedClasses() {
        String high = "\uD83D";
        String low = "\uDE00";
        LogGroup group = LogGroup.builder()
                .addRecord(LogRecord.of(1, "key" + high, "value" + low + high, "pair", "\uD83D\uDE00"))
                .addRecord(LogRecord.of(2, low, "ascii only", "plain", "日志"))
                .tag("tag" + high, "v")
                .filename("/var/log/" + low + ".log")
                .build();
        WireBuffer body = LogGroupListEncoder.encode(Collections.singletonList(group));
        assertArrayEquals(RandomLogs.toProto(Collections.singletonList(group)).toByteArray(), body.toByteArray());
        assertEquals(6, body.unpairedSurrogates(), "3 in the first log, 1 in the second, 2 in the metadata");
    }

    @Test
    void randomizedRequestsCountEveryReplacedSurrogate() {
        Random random = new Random(20261204L);
        for (int request = 0; request < 100; request++) {
            List<LogGroup> groups = RandomLogs.groups(random, 1 + random.nextInt(4), 1 + random.nextInt(30));
            int expected = 0;
            for (LogGroup g : groups) {
                for (LogRecord r : g.records()) {
                    for (int i = 0; i < r.fieldCount(); i++) {
                        expected += Utf8.unpairedSurrogates(r.key(i)) + Utf8.unpairedSurrogates(r.value(i));
                    }
                }
                expected += unpaired(g.filename())
                        + unpaired(g.source())
                        + unpaired(g.hostname())
                        + unpaired(g.contextFlow());
                for (Map.Entry<String, String> tag : g.tags().entrySet()) {
                    expected += unpaired(tag.getKey()) + unpaired(tag.getValue());
                }
            }
            assertEquals(expected, LogGroupListEncoder.encode(groups).unpairedSurrogates(), "request " + request);
        }
    }

    private static int unpaired(String s) {
        return s == null ? 0 : Utf8.unpairedSurrogates(s);
    }

    @Test
    void megabyteValuesAndManyFieldsMatchGeneratedClasses() {
        Random random = new Random(7);
        LogRecord.Builder big = LogRecord.builder().timeMs(1_700_000_000_123L);
        big.field("ascii", RandomLogs.repeat('a', Limits.MAX_VALUE_BYTES));
        big.field("cjk", RandomLogs.repeat('日', Limits.MAX_VALUE_BYTES / 3));
        big.field("emoji", RandomLogs.repeatCodePoint(0x1F600, Limits.MAX_VALUE_BYTES / 4));
        big.field("empty", "");
        LogRecord.Builder wide = LogRecord.builder().timeMs(0);
        for (int i = 0; i < 2000; i++) {
            wide.field("k" + i, RandomLogs.text(random, random.nextInt(20)));
        }
        List<LogGroup> groups = Arrays.asList(
                LogGroup.of(Collections.singletonList(big.build())),
                LogGroup.builder().addRecord(wide.build()).source("").build());
        assertArrayEquals(
                RandomLogs.toProto(groups).toByteArray(),
                LogGroupListEncoder.encode(groups).toByteArray());
    }

    @Test
    void framingHelpersMatchGeneratedClasses() {
        Random random = new Random(99);
        for (int round = 0; round < 200; round++) {
            LogGroup group =
                    RandomLogs.groups(random, 1, 1 + random.nextInt(50)).get(0);
            WireBuffer buf = new WireBuffer(64);
            buf.skip(LogGroupListEncoder.HEADER_RESERVE);
            int contentStart = buf.position();
            for (LogRecord r : group.records()) {
                LogEncoder.write(buf, r);
            }
            GroupTrailer.of(group.filename(), group.source(), group.tags(), group.hostname())
                    .write(buf, group.contextFlow());
            int groupLength = buf.position() - contentStart;
            int start = LogGroupListEncoder.writeHeader(buf.array(), contentStart, groupLength);
            byte[] ours = Arrays.copyOfRange(buf.array(), start, buf.position());
            assertEquals(LogGroupListEncoder.bodyLength(groupLength), ours.length);
            assertArrayEquals(
                    RandomLogs.toProto(Collections.singletonList(group)).toByteArray(), ours);
        }
    }

    @Test
    void rawLogMatchesStringLog() {
        byte[] value = "line with ünïcode 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] key = "__CONTENT__".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int field = LogEncoder.rawFieldSize(key.length, value.length);
        WireBuffer raw = new WireBuffer(16);
        raw.ensure(LogEncoder.rawLogSize(1234L, field));
        int pos = LogEncoder.putRawHeader(raw.array(), raw.position(), 1234L, field);
        raw.position(LogEncoder.putRawField(raw.array(), pos, key, value, 0, value.length));
        assertEquals(LogEncoder.rawLogSize(1234L, field), raw.position());
        WireBuffer viaString = new WireBuffer(16);
        LogEncoder.write(viaString, LogRecord.of(1234L, "__CONTENT__", "line with ünïcode 😀"));
        assertArrayEquals(viaString.toByteArray(), raw.toByteArray());
    }

    @Test
    void rejectsTooManyGroups() {
        List<LogGroup> groups = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            groups.add(LogGroup.of(Collections.singletonList(LogRecord.of(1, "k", "v"))));
        }
        ClsClientException e = assertThrows(ClsClientException.class, () -> LogGroupListEncoder.encode(groups));
        assertEquals(ClsClientException.Reason.INVALID_ARGUMENT, e.reason());
        assertTrue(e.getMessage().contains("at most 10 log groups"), e.getMessage());
    }

    @Test
    void rejectsMoreThanTenThousandLogsInAGroup() {
        List<LogRecord> records = Collections.nCopies(10_001, LogRecord.of(1, "k", "v"));
        ClsClientException e = assertThrows(
                ClsClientException.class,
                () -> LogGroupListEncoder.encode(Collections.singletonList(LogGroup.of(records))));
        assertTrue(e.getMessage().contains("10001 logs"), e.getMessage());
    }

    @Test
    void acceptsAValueOfExactlyOneMebibyteAndRejectsOneByteMore() {
        String limit = RandomLogs.repeat('x', Limits.MAX_VALUE_BYTES);
        LogGroupListEncoder.encode(
                Collections.singletonList(LogGroup.of(Collections.singletonList(LogRecord.of(1, "k", limit)))));
        // 349,526 three-byte characters are 1,048,578 bytes: under the limit in chars, over it in bytes
        String overInBytes = RandomLogs.repeat('日', Limits.MAX_VALUE_BYTES / 3 + 1);
        ClsClientException e = assertThrows(
                ClsClientException.class,
                () -> LogGroupListEncoder.encode(Collections.singletonList(
                        LogGroup.of(Collections.singletonList(LogRecord.of(1, "big", overInBytes))))));
        assertTrue(e.getMessage().contains("value of field 'big' is 1048578 bytes"), e.getMessage());
    }

    @Test
    void rejectsMoreThanFiveMebibytesOfValues() {
        String oneMiB = RandomLogs.repeat('x', Limits.MAX_VALUE_BYTES);
        List<LogRecord> records = Collections.nCopies(6, LogRecord.of(1, "k", oneMiB));
        ClsClientException e = assertThrows(
                ClsClientException.class,
                () -> LogGroupListEncoder.encode(Collections.singletonList(LogGroup.of(records))));
        assertTrue(e.getMessage().contains("5 MiB"), e.getMessage());
    }

    @Test
    void rejectsBodiesOverSixMebibytesEvenWhenValuesAreSmall() {
        String longKey = RandomLogs.repeat('k', 700 * 1024);
        List<LogRecord> records = Collections.nCopies(10, LogRecord.of(1, longKey, "v"));
        ClsClientException e = assertThrows(
                ClsClientException.class,
                () -> LogGroupListEncoder.encode(Collections.singletonList(LogGroup.of(records))));
        assertTrue(e.getMessage().contains("6 MiB"), e.getMessage());
    }

    @Test
    void omitsUnsetMetadataButKeepsEmptyStrings() throws Exception {
        LogGroup unset = LogGroup.of(Collections.singletonList(LogRecord.of(1, "k", "v")));
        ClsProto.LogGroup parsed = ClsProto.LogGroupList.parseFrom(
                        LogGroupListEncoder.encode(Collections.singletonList(unset))
                                .toByteArray())
                .getLogGroupList(0);
        assertTrue(!parsed.hasFilename() && !parsed.hasSource() && !parsed.hasContextFlow() && !parsed.hasHostname());
        LogGroup empty = unset.toBuilder().filename("").build();
        ClsProto.LogGroup parsedEmpty = ClsProto.LogGroupList.parseFrom(
                        LogGroupListEncoder.encode(Collections.singletonList(empty))
                                .toByteArray())
                .getLogGroupList(0);
        assertTrue(parsedEmpty.hasFilename());
        assertEquals(Collections.<String, String>emptyMap(), unset.tags());
        Map<String, String> none = empty.tags();
        assertTrue(none.isEmpty());
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }
}
