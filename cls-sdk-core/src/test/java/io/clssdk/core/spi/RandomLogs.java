package io.clssdk.core.spi;

import io.clssdk.core.LogGroup;
import io.clssdk.core.LogRecord;
import io.clssdk.core.internal.proto.ClsProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random logs for equivalence tests, and their protobuf-java rendering as the reference. */
final class RandomLogs {
    private RandomLogs() {}

    static List<LogGroup> groups(Random random, int groupCount, int maxRecords) {
        List<LogGroup> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            LogGroup.Builder b = LogGroup.builder();
            int records = 1 + random.nextInt(maxRecords);
            for (int r = 0; r < records; r++) {
                b.addRecord(record(random));
            }
            b.source(maybe(random));
            b.filename(maybe(random));
            b.hostname(maybe(random));
            b.contextFlow(
                    random.nextBoolean() ? Long.toHexString(random.nextLong()).toUpperCase() + "-" + g : null);
            int tags = random.nextInt(4);
            for (int t = 0; t < tags; t++) {
                b.tag("tag" + t + text(random, random.nextInt(5)), text(random, random.nextInt(30)));
            }
            groups.add(b.build());
        }
        return groups;
    }

    static LogRecord record(Random random) {
        long time = random.nextInt(4) == 0 ? random.nextInt(200) : (random.nextLong() >>> 14);
        LogRecord.Builder b = LogRecord.builder().timeMs(time);
        int fields = random.nextInt(10) == 0 ? random.nextInt(200) : random.nextInt(12);
        for (int f = 0; f < fields; f++) {
            String key = "k" + text(random, random.nextInt(12));
            int pick = random.nextInt(100);
            int length;
            if (fields > 12 || pick >= 21) {
                length = random.nextInt(80);
            } else if (pick < 10) {
                length = 0;
            } else if (pick < 20) {
                length = 100 + random.nextInt(2000); // crosses the one-byte varint length
            } else {
                length = 20_000 + random.nextInt(5000); // over the measure-first threshold
            }
            b.field(key, text(random, length));
        }
        return b.build();
    }

    /** Mixed text: ASCII, Latin-1, CJK, 4-byte code points, and now and then an unpaired surrogate. */
    static String text(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        int style = random.nextInt(5);
        while (sb.length() < length) {
            int pick = style == 0 ? 0 : random.nextInt(20);
            if (pick < 12) {
                sb.append((char) (0x20 + random.nextInt(0x5F)));
            } else if (pick < 14) {
                sb.append((char) (0xA0 + random.nextInt(0x60)));
            } else if (pick < 17) {
                sb.append((char) (0x4E00 + random.nextInt(0x5000)));
            } else if (pick < 19) {
                sb.appendCodePoint(0x1F300 + random.nextInt(0x300));
            } else {
                sb.append(
                        random.nextBoolean()
                                ? (char) (0xD800 + random.nextInt(0x400))
                                : (char) (0xDC00 + random.nextInt(0x400)));
            }
        }
        return sb.toString();
    }

    static String repeat(char c, int count) {
        char[] chars = new char[count];
        java.util.Arrays.fill(chars, c);
        return new String(chars);
    }

    static String repeatCodePoint(int codePoint, int count) {
        StringBuilder sb = new StringBuilder(count * 2);
        for (int i = 0; i < count; i++) {
            sb.appendCodePoint(codePoint);
        }
        return sb.toString();
    }

    private static String maybe(Random random) {
        int pick = random.nextInt(4);
        return pick == 0 ? null : pick == 1 ? "" : text(random, 1 + random.nextInt(40));
    }

    static ClsProto.LogGroupList toProto(List<LogGroup> groups) {
        ClsProto.LogGroupList.Builder list = ClsProto.LogGroupList.newBuilder();
        for (LogGroup group : groups) {
            ClsProto.LogGroup.Builder g = ClsProto.LogGroup.newBuilder();
            for (LogRecord r : group.records()) {
                ClsProto.Log.Builder log = ClsProto.Log.newBuilder().setTime(r.timeMs());
                for (int i = 0; i < r.fieldCount(); i++) {
                    log.addContents(
                            ClsProto.Log.Content.newBuilder().setKey(r.key(i)).setValue(r.value(i)));
                }
                g.addLogs(log);
            }
            if (group.contextFlow() != null) {
                g.setContextFlow(group.contextFlow());
            }
            if (group.filename() != null) {
                g.setFilename(group.filename());
            }
            if (group.source() != null) {
                g.setSource(group.source());
            }
            for (Map.Entry<String, String> tag : group.tags().entrySet()) {
                g.addLogTags(ClsProto.LogTag.newBuilder().setKey(tag.getKey()).setValue(tag.getValue()));
            }
            if (group.hostname() != null) {
                g.setHostname(group.hostname());
            }
            list.addLogGroupList(g);
        }
        return list.build();
    }
}
