package io.clssdk.examples.bench;

import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.LogType;
import io.clssdk.tailer.internal.parse.DropReason;
import io.clssdk.tailer.internal.parse.LinePipeline;
import io.clssdk.tailer.internal.parse.LinePipelines;
import io.clssdk.tailer.internal.parse.LogOutput;
import io.clssdk.tailer.internal.parse.ParsedLog;
import io.clssdk.tailer.internal.parse.PipelineOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing throughput of the tailer's parsing layer per {@code LogType}, on one thread: each invocation feeds exactly
 * 1,000,000 bytes of generated lines (about 150 bytes each; Java stack traces for the multi-line modes) to a
 * {@link LinePipeline}, and the consumer reads every key and value. The score is in operations per microsecond with
 * one operation per input byte, i.e. <b>MB/s (10^6 bytes/s)</b>. Encoding and compression are not included. Run:
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -jar examples/target/benchmarks.jar ParseBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ParseBenchmark {
    private static final int BYTES = 1_000_000;
    private static final String BEGIN = "\\[\\d+-\\d+-\\w+:\\d+:\\d+,\\d+]\\s\\[\\w+]\\s.*";
    private static final String NGINX_REGEX =
            "(\\S+) - (\\S+) \\[([^\\]]+)\\] \"(\\S+) (\\S+) (\\S+)\" (\\d+) (\\d+) \"([^\"]*)\" (\\S+)";

    /** The mode; {@code minimalist_utf8} is minimalist on lines with Chinese text. */
    @Param({"minimalist", "minimalist_utf8", "multiline", "json", "delimiter", "fullregex", "multiline_fullregex"})
    public String mode;

    private byte[] buf;
    private int[] starts;
    private int[] ends;
    private LinePipeline pipeline;
    private Consumer out;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        ExtractRule.Builder rule = ExtractRule.builder();
        LogType type;
        ByteArrayOutputStream text = new ByteArrayOutputStream(BYTES + 4096);
        switch (mode) {
            case "minimalist":
            case "minimalist_utf8":
                type = LogType.MINIMALIST_LOG;
                while (text.size() < BYTES) {
                    write(text, access(random, mode.endsWith("utf8")));
                }
                break;
            case "multiline":
            case "multiline_fullregex":
                type = mode.equals("multiline") ? LogType.MULTILINE_LOG : LogType.MULTILINE_FULLREGEX_LOG;
                rule.beginRegex(BEGIN);
                if (type.equals(LogType.MULTILINE_FULLREGEX_LOG)) {
                    rule.logRegex("\\[(\\d+-\\d+-\\w+:\\d+:\\d+,\\d+)\\]\\s\\[(\\w+)\\]\\s(.*)")
                            .keys("time", "level", "msg")
                            .timeKey("time")
                            .timeFormat("%Y-%m-%dT%H:%M:%S,%f");
                }
                while (text.size() < BYTES) {
                    for (String line : stackTrace(random)) {
                        write(text, line);
                    }
                }
                break;
            case "json":
                type = LogType.JSON_LOG;
                rule.timeKey("time").timeFormat("%Y-%m-%d %H:%M:%S.%f");
                while (text.size() < BYTES) {
                    write(text, json(random));
                }
                break;
            case "delimiter":
                type = LogType.DELIMITER_LOG;
                rule.delimiter("|")
                        .keys("time", "ip", "method", "url", "status", "bytes", "ua", "rt")
                        .timeKey("time")
                        .timeFormat("%Y-%m-%d %H:%M:%S.%f");
                while (text.size() < BYTES) {
                    write(text, delimited(random));
                }
                break;
            case "fullregex":
                type = LogType.FULLREGEX_LOG;
                rule.logRegex(NGINX_REGEX)
                        .keys("ip", "user", "time", "method", "url", "proto", "status", "bytes", "ua", "rt")
                        .timeKey("time")
                        .timeFormat("%d/%b/%Y:%H:%M:%S %z");
                while (text.size() < BYTES) {
                    write(text, access(random, false));
                }
                break;
            default:
                throw new IllegalArgumentException(mode);
        }
        buf = Arrays.copyOf(text.toByteArray(), BYTES); // exactly BYTES; the last line may be cut short
        int n = 0;
        for (byte b : buf) {
            n += b == '\n' ? 1 : 0;
        }
        starts = new int[n + 1];
        ends = new int[n + 1];
        int lines = 0;
        int start = 0;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] == '\n') {
                starts[lines] = start;
                ends[lines++] = i;
                start = i + 1;
            }
        }
        starts[lines] = start;
        ends[lines] = buf.length;
        PipelineOptions options =
                PipelineOptions.builder().zone(ZoneOffset.ofHours(8)).build();
        pipeline = LinePipelines.create(type, rule.build(), null, options).newPipeline();
        out = new Consumer();
        parse(null);
        if (out.drops > 1 || out.logs == 0) { // the cut last line may fail to parse
            throw new IllegalStateException(mode + ": " + out.logs + " logs, " + out.drops + " dropped");
        }
    }

    /** Parses 1,000,000 bytes of lines, then flushes a pending multi-line entry. */
    @Benchmark
    @OperationsPerInvocation(BYTES)
    public void parse(Blackhole bh) {
        Consumer o = out;
        for (int i = 0; i < starts.length; i++) {
            pipeline.line(buf, starts[i], ends[i], false, 1_700_000_000_000L, o);
        }
        pipeline.flush(1_700_000_000_000L, o);
        if (bh != null) {
            bh.consume(o.sum);
        }
    }

    /** Touches every key and value, as an encoder would, and counts logs and drops. */
    static final class Consumer implements LogOutput {
        long sum;
        long logs;
        long drops;

        @Override
        public void log(ParsedLog log) {
            long s = log.timeMs();
            for (int i = 0; i < log.fieldCount(); i++) {
                s += log.key(i).length + log.valueLength(i) + log.valueArray(i)[log.valueOffset(i)];
            }
            sum += s;
            logs++;
        }

        @Override
        public void dropped(DropReason reason) {
            drops++;
        }
    }

    private static void write(ByteArrayOutputStream out, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        out.write('\n');
    }

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
    private static final String[] PATHS = {"/api/v1/orders", "/static/app.js", "/login", "/event/dispatch"};
    private static final String[] UAS = {"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0", "okhttp/4.12.0"};
    private static final String[] WORDS_ZH = {"用户登录成功", "订单已创建", "支付回调超时", "库存不足"};

    /** An nginx-style access line of about 150 bytes. */
    private static String access(Random r, boolean chinese) {
        return String.format(
                "10.%d.%d.%d - - [%02d/Aug/2024:12:%02d:%02d +0800] \"%s %s?id=%d HTTP/1.1\" %d %d \"%s\" %.3f%s",
                r.nextInt(256),
                r.nextInt(256),
                r.nextInt(256),
                1 + r.nextInt(28),
                r.nextInt(60),
                r.nextInt(60),
                METHODS[r.nextInt(4)],
                PATHS[r.nextInt(4)],
                r.nextInt(100_000),
                200 + 100 * r.nextInt(4),
                r.nextInt(50_000),
                UAS[r.nextInt(3)],
                r.nextDouble(),
                chinese ? " " + WORDS_ZH[r.nextInt(4)] : "");
    }

    private static String json(Random r) {
        return String.format(
                "{\"time\":\"2024-08-%02d 12:%02d:%02d.%03d\",\"level\":\"INFO\",\"ip\":\"10.0.%d.%d\","
                        + "\"method\":\"%s\",\"url\":\"%s\",\"status\":%d,\"rt\":%.3f,\"ua\":\"%s\"}",
                1 + r.nextInt(28),
                r.nextInt(60),
                r.nextInt(60),
                r.nextInt(1000),
                r.nextInt(256),
                r.nextInt(256),
                METHODS[r.nextInt(4)],
                PATHS[r.nextInt(4)],
                200 + 100 * r.nextInt(4),
                r.nextDouble(),
                UAS[r.nextInt(3)]);
    }

    private static String delimited(Random r) {
        return String.format(
                "2024-08-%02d 12:%02d:%02d.%03d|10.0.%d.%d|%s|%s?id=%d|%d|%d|%s|%.3f",
                1 + r.nextInt(28),
                r.nextInt(60),
                r.nextInt(60),
                r.nextInt(1000),
                r.nextInt(256),
                r.nextInt(256),
                METHODS[r.nextInt(4)],
                PATHS[r.nextInt(4)],
                r.nextInt(100_000),
                200 + 100 * r.nextInt(4),
                r.nextInt(50_000),
                UAS[r.nextInt(3)],
                r.nextDouble());
    }

    /** A log line followed by 8 to 20 stack frames, as a Java service writes them. */
    private static String[] stackTrace(Random r) {
        int frames = 8 + r.nextInt(13);
        String[] lines = new String[frames + 1];
        lines[0] = String.format(
                "[2024-08-%02dT12:%02d:%02d,%03d] [ERROR] java.lang.IllegalStateException: order %d failed in %s",
                1 + r.nextInt(28),
                r.nextInt(60),
                r.nextInt(60),
                r.nextInt(1000),
                r.nextInt(1_000_000),
                PATHS[r.nextInt(4)]);
        for (int i = 1; i <= frames; i++) {
            lines[i] = String.format(
                    "\tat com.example.shop.service.OrderService%d.process%d(OrderService%d.java:%d)",
                    r.nextInt(20), r.nextInt(10), r.nextInt(20), 10 + r.nextInt(500));
        }
        return lines;
    }
}
