package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.LogType;
import io.clssdk.tailer.internal.parse.DropReason;
import io.clssdk.tailer.internal.parse.LinePipeline;
import io.clssdk.tailer.internal.parse.LinePipelines;
import io.clssdk.tailer.internal.parse.LogOutput;
import io.clssdk.tailer.internal.parse.ParsedLog;
import io.clssdk.tailer.internal.parse.PipelineOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus: random and adversarial path rules, configuration JSON, time formats and lines. Each input
 * must end in a clear configuration error ({@link IllegalArgumentException} with a message), a log, or a counted drop
 * — never another exception, a hang, or a lost following line.
 */
class BadInputCorpusTest {
    private static final long SEED = 20261124L;
    private static final String[] PATH_PIECES = {
        "/", "//", "/**/", "**", "*", "?", ".", "..", "var", "log", "a b", "[", "]", "(", ")", "{", "}", ",", "\\", "$",
        "^", "+", "|", ".*", "\u00e9", "\u4e2d", "\0", " ", "~", ".log"
    };

    @Test
    void randomPathRulesBuildOrFailWithAMessage() {
        Random random = new Random(SEED);
        int built = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder path = new StringBuilder(random.nextBoolean() ? "/" : "");
            for (int n = random.nextInt(8); n >= 0; n--) {
                path.append(PATH_PIECES[random.nextInt(PATH_PIECES.length)]);
            }
            for (TailSource.PathSyntax syntax : TailSource.PathSyntax.values()) {
                try {
                    TailSource.builder("s")
                            .path(path.toString(), syntax)
                            .sink(c -> {})
                            .build();
                    built++;
                } catch (IllegalArgumentException e) {
                    assertMessage(e, path);
                }
            }
        }
        assertTrue(built > 100, "some random rules are valid: " + built);
    }

    @Test
    void mutatedConfigJsonParsesOrFailsWithAMessage() {
        String valid = "{\"Name\":\"app\",\"Output\":\"topic-1\",\"Path\":\"/var/log/**/*.log\","
                + "\"LogType\":\"json_log\",\"ExcludePaths\":[{\"Type\":\"File\",\"Value\":\"/var/log/x.log\"}],"
                + "\"ExtractRule\":{\"TimeKey\":\"t\",\"TimeFormat\":\"%Y-%m-%d %H:%M:%S\",\"Backtracking\":-1,"
                + "\"FilterKeyRegex\":[{\"Key\":\"k\",\"Regex\":\"a.*\"}],\"UnMatchUpLoadSwitch\":true},"
                + "\"AdvancedConfig\":\"{\\\"ClsAgentMaxDepth\\\":3}\"}";
        String alphabet = "{}[]\":,0123456789-.tfnulrsaeA\\ %";
        Random random = new Random(SEED);
        int parsed = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder json = new StringBuilder(valid);
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int at = random.nextInt(json.length());
                switch (random.nextInt(3)) {
                    case 0:
                        json.deleteCharAt(at);
                        break;
                    case 1:
                        json.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        break;
                    default:
                        json.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            CollectionConfig config;
            try {
                config = CollectionConfig.fromJson(json.toString());
                parsed++;
            } catch (IllegalArgumentException e) {
                assertMessage(e, json);
                continue;
            }
            try {
                LinePipelines.create(config.logType(), config.extractRule(), config.advancedConfig(), null)
                        .newPipeline();
            } catch (IllegalArgumentException e) {
                assertMessage(e, json);
            }
        }
        assertTrue(parsed > 100, "some mutations still parse: " + parsed);
    }

    @Test
    void randomTimeFormatsAndValuesNeverBreakParsing() {
        String[] pieces = {
            "%Y", "%m", "%d", "%H", "%M", "%S", "%f", "%z", "%s", "%F", "%b", "%a", "%p", "%j", "%y", "%e", "%I", "%%",
            "%Q", "%", "-", ":", " ", "T", "."
        };
        Random random = new Random(SEED);
        PipelineOptions utc = PipelineOptions.builder().zone(ZoneOffset.UTC).build();
        for (int i = 0; i < 2000; i++) {
            StringBuilder format = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                format.append(pieces[random.nextInt(pieces.length)]);
            }
            LinePipeline pipeline;
            try {
                pipeline = LinePipelines.create(
                                LogType.JSON_LOG,
                                ExtractRule.builder()
                                        .timeKey("t")
                                        .timeFormat(format.toString())
                                        .build(),
                                null,
                                utc)
                        .newPipeline();
            } catch (IllegalArgumentException e) {
                assertMessage(e, format);
                continue;
            }
            String value = randomText(random, 30).replace("\\", "").replace("\"", "");
            Recorder out = new Recorder();
            feed(pipeline, "{\"t\":\"" + value + "\",\"m\":1}", 1_000L, out);
            assertEquals(1, out.logs.size(), "every line becomes a log, whatever its time: " + format);
        }
    }

    @Test
    void aBadLineNeverCostsTheNextGoodLine() {
        byte[] huge = new byte[10 << 20];
        Arrays.fill(huge, (byte) 'x');
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            deep.append("{\"a\":");
        }
        byte[][] bad = {
            huge,
            deep.toString().getBytes(StandardCharsets.UTF_8),
            {0, 0, 0, 0},
            {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28, (byte) 0xe2, (byte) 0x82},
            "\"unterminated".getBytes(StandardCharsets.UTF_8),
            "{\"a\":[1,2,{\"b\":".getBytes(StandardCharsets.UTF_8),
            repeat('a', 5000).concat("!").getBytes(StandardCharsets.UTF_8),
            new byte[0],
        };
        List<LinePipeline> pipelines = new ArrayList<>();
        ExtractRule.Builder common =
                ExtractRule.builder().unMatchUpLoadSwitch(true).unMatchLogKey("LogParseFailure");
        pipelines.add(create(LogType.MINIMALIST_LOG, common));
        pipelines.add(create(LogType.JSON_LOG, common));
        pipelines.add(create(LogType.DELIMITER_LOG, common.delimiter(",").keys(Arrays.asList("a", "b"))));
        // catastrophic backtracking on the bad lines: bounded by the regex budget
        pipelines.add(create(
                LogType.FULLREGEX_LOG,
                ExtractRule.builder()
                        .unMatchUpLoadSwitch(true)
                        .unMatchLogKey("LogParseFailure")
                        .logRegex("((a+)+)$|(\\{.*)|(.*)")
                        .keys(Arrays.asList("a", "b", "c", "d"))));
        String good = "{\"a\":\"good\"},after";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (LinePipeline p : pipelines) {
                for (byte[] line : bad) {
                    Recorder out = new Recorder();
                    feed(p, line, 5L, out);
                    feed(p, good.getBytes(StandardCharsets.UTF_8), 6L, out);
                    assertFalse(out.logs.isEmpty(), "the good line after a bad one arrived");
                    String last = out.logs.get(out.logs.size() - 1);
                    assertTrue(last.contains("good"), "the last log is the good line: " + last);
                }
            }
        });
    }

    private static LinePipeline create(LogType type, ExtractRule.Builder rule) {
        return LinePipelines.create(type, rule.build(), null, null).newPipeline();
    }

    private static void feed(LinePipeline p, String line, long now, Recorder out) {
        feed(p, line.getBytes(StandardCharsets.UTF_8), now, out);
    }

    private static void feed(LinePipeline p, byte[] line, long now, Recorder out) {
        p.line(line, 0, line.length, false, now, out);
        p.flush(now, out);
    }

    private static void assertMessage(IllegalArgumentException e, CharSequence input) {
        if (e.getMessage() == null || e.getMessage().trim().length() < 10) {
            fail("no clear message for input " + input + ": " + e);
        }
    }

    private static String randomText(Random random, int max) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(max); n > 0; n--) {
            sb.append((char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : ' ' + random.nextInt(95)));
        }
        return sb.toString();
    }

    /** Keeps each log as "key=value|key=value" text. */
    private static final class Recorder implements LogOutput {
        final List<String> logs = new ArrayList<>();

        @Override
        public void log(ParsedLog log) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < log.fieldCount(); i++) {
                sb.append(log.keyString(i))
                        .append('=')
                        .append(log.valueString(i))
                        .append('|');
            }
            logs.add(sb.toString());
        }

        @Override
        public void dropped(DropReason reason) {}
    }
}
