package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.api.AdvancedConfig;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.KeyRegex;
import io.clssdk.core.api.LogType;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random bytes through every mode never throw, and every emitted key and value is valid UTF-8. */
class RandomInputTest {
    private static final byte[] PALETTE = "{}[]\":,\\u0aZ-+.eE tnfl|,\"\"中\r\t".getBytes(StandardCharsets.UTF_8);

    private static ExtractRule.Builder common(boolean gbk, boolean upload) {
        return Configs.rule()
                .isGbk(gbk ? 1 : 0)
                .unMatchUpLoadSwitch(upload)
                .unMatchLogKey("LogParseFailure")
                .rawLogKey(upload ? "raw" : null)
                .timeKey("a")
                .timeFormat("%Y-%m-%d %H:%M:%S.%f %z");
    }

    private static LinePipeline[] pipelines(boolean gbk, boolean upload) {
        AdvancedConfig merge =
                AdvancedConfig.builder().clsAgentParseFailMerge(upload).build();
        return new LinePipeline[] {
            Configs.pipeline(
                    LogType.MINIMALIST_LOG,
                    common(gbk, upload)
                            .filterKeyRegex(Collections.singletonList(KeyRegex.of("__CONTENT__", "(?s).*[a-z].*"))),
                    merge),
            Configs.pipeline(LogType.MULTILINE_LOG, common(gbk, upload).beginRegex("[{\\[a-f].*"), merge),
            Configs.pipeline(LogType.JSON_LOG, common(gbk, upload).jsonStandard(0), merge),
            Configs.pipeline(LogType.JSON_LOG, common(gbk, upload).jsonStandard(1), merge),
            Configs.pipeline(
                    LogType.DELIMITER_LOG, common(gbk, upload).delimiter(",").keys("a", "", "c"), merge),
            Configs.pipeline(
                    LogType.DELIMITER_LOG, common(gbk, upload).delimiter("\"\"").keys("a", "b"), merge),
            Configs.pipeline(
                    LogType.FULLREGEX_LOG,
                    common(gbk, upload).logRegex("(.)(.*?)(\\S*)").keys("a", "b", "c"),
                    merge),
            Configs.pipeline(
                    LogType.MULTILINE_FULLREGEX_LOG,
                    common(gbk, upload)
                            .beginRegex("\\{.*")
                            .logRegex("\\{(.*)(\\d)?")
                            .keys("a", "b"),
                    merge),
        };
    }

    @Test
    void randomBytesNeverBreakAPipeline() {
        Random random = new Random(2024);
        int logs = 0;
        for (int variant = 0; variant < 4; variant++) {
            LinePipeline[] all = pipelines(variant % 2 == 1, variant >= 2);
            RecordingOutput out = new RecordingOutput();
            for (int round = 0; round < 3000; round++) {
                byte[] line = new byte[random.nextInt(round % 100 == 0 ? 5000 : 60)];
                for (int i = 0; i < line.length; i++) {
                    line[i] = random.nextInt(3) == 0
                            ? (byte) random.nextInt(256)
                            : PALETTE[random.nextInt(PALETTE.length)];
                }
                boolean truncated = random.nextInt(10) == 0;
                for (LinePipeline p : all) {
                    out.feed(p, round, line, truncated);
                    if (random.nextInt(50) == 0) {
                        p.flush(round, out);
                    }
                }
            }
            for (LinePipeline p : all) {
                p.flush(0, out);
                assertTrue(!p.hasPending());
            }
            logs += out.logs.size();
            out.logs.clear();
        }
        assertTrue(logs > 10_000, "too few logs: " + logs);
    }

    @Test
    void structuredRandomJsonNeverBreaksTheParser() {
        Random random = new Random(5);
        String[] tokens = {
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"k\"",
            "\"v\\n\"",
            "1",
            "-2.5e3",
            "true",
            "null",
            " ",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\"\\u12\"",
            "\"a"
        };
        LinePipeline strict = Configs.pipeline(LogType.JSON_LOG, Configs.rule().jsonStandard(1));
        LinePipeline lenient = Configs.pipeline(LogType.JSON_LOG, Configs.rule().jsonStandard(0));
        RecordingOutput out = new RecordingOutput();
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder("{\"x\":");
            for (int i = random.nextInt(30); i > 0; i--) {
                sb.append(tokens[random.nextInt(tokens.length)]);
            }
            out.feed(strict, 1, sb.toString());
            out.feed(lenient, 1, sb.toString());
        }
        assertTrue(out.drops(DropReason.PARSE_FAILURE) > 0);
    }
}
