package io.clssdk.examples.bench;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import io.clssdk.producer.appender.ClsLogbackAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one logged event costs the calling thread with logback: {@link ClsLogbackAppender} (to a {@link DiscardServer}
 * in its own JVM on loopback) against logback's {@code FileAppender} and {@code AsyncAppender(FileAppender)}, each in
 * its own {@link LoggerContext}, the same event ({@code log.info("order {} shipped to {}", i, customer)}, pattern
 * {@value #PATTERN} for the files) from one thread. Rounds alternate between the three; the median round is reported.
 * Appenders keep their defaults (the CLS appender: maxBlockMs 0, so it drops when its buffer is full; AsyncAppender:
 * queue 256, discarding INFO events once 80 % full; a fourth row sets its discardingThreshold to 0, so it blocks
 * instead), and the report says what was delivered, written or dropped.
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -cp examples/target/benchmarks.jar io.clssdk.examples.bench.LogbackAppenderBenchmark [--events=200000] [--rounds=5]
 * </pre>
 */
public final class LogbackAppenderBenchmark {
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger - %msg%n";
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";

    private LogbackAppenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = BenchArgs.parse(args);
        int events = Integer.parseInt(opts.getOrDefault("events", "200000"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "5"));
        Path dir = Files.createTempDirectory("logback-bench");
        try (ChildProcess server = ChildProcess.start(DiscardServer.class)) {
            int port = Integer.parseInt(server.awaitLine("PORT"));
            Map<String, Setup> setups = new LinkedHashMap<>();
            setups.put("ClsLogbackAppender", cls(port));
            setups.put("FileAppender", new Setup(file(context(), dir.resolve("file.log"))));
            setups.put("AsyncAppender(FileAppender)", async(dir.resolve("async.log"), false));
            setups.put("AsyncAppender, no discarding", async(dir.resolve("async-all.log"), true));
            for (Setup s : setups.values()) {
                run(s.logger, events); // warm-up round
            }
            Map<String, long[]> nanos = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Setup> e : setups.entrySet()) {
                    nanos.computeIfAbsent(e.getKey(), k -> new long[rounds])[r] = run(e.getValue().logger, events);
                }
            }
            report(setups, nanos, events, rounds, dir);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static long run(Logger log, int events) {
        String customer = "customer-42";
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            log.info("order {} shipped to {}", i, customer);
        }
        return System.nanoTime() - start;
    }

    private static void report(Map<String, Setup> setups, Map<String, long[]> nanos, int events, int rounds, Path dir)
            throws IOException {
        String load = new String(
                        Files.readAllBytes(java.nio.file.Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII)
                .trim();
        System.out.printf(
                "%,d events x %d rounds per appender (+1 warm-up), one thread, %s, %d cores, load before stop: %s%n",
                events,
                rounds,
                System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(),
                load);
        double base = -1;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, long[]> e : nanos.entrySet()) {
            long[] rs = e.getValue().clone();
            Arrays.sort(rs);
            double median = (double) rs[rs.length / 2] / events;
            if (base < 0) {
                base = median;
            }
            lines.add(String.format(
                    "%-28s median %7.1f ns/event (rounds %s ns), ratio to ClsLogbackAppender %.2f",
                    e.getKey(), median, perEvent(e.getValue(), events), median / base));
        }
        long total = (long) events * (rounds + 1);
        for (Map.Entry<String, Setup> e : setups.entrySet()) {
            e.getValue().context.stop(); // flushes and closes: the CLS appender delivers its buffer (<= 5 s)
        }
        ClsLogbackAppender cls = setups.get("ClsLogbackAppender").cls;
        lines.forEach(System.out::println);
        System.out.printf(
                "ClsLogbackAppender: %,d events logged, %,d dropped (buffer full, maxBlockMs 0), %,d failed%n",
                total, cls.droppedEvents(), cls.failedEvents());
        System.out.printf(
                "lines written of %,d: FileAppender %,d, AsyncAppender(FileAppender) %,d, no discarding %,d%n",
                total,
                lines(dir.resolve("file.log")),
                lines(dir.resolve("async.log")),
                lines(dir.resolve("async-all.log")));
    }

    private static String perEvent(long[] nanos, int events) {
        StringBuilder sb = new StringBuilder();
        for (long n : nanos) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%.0f", (double) n / events));
        }
        return sb.toString();
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }

    /** A context of its own; what logback's slf4j provider would set up, the MDC adapter, is set here. */
    private static LoggerContext context() {
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new LogbackMDCAdapter());
        return ctx;
    }

    private static Setup cls(int port) {
        LoggerContext ctx = context();
        ClsLogbackAppender appender = new ClsLogbackAppender();
        appender.setContext(ctx);
        appender.setName("CLS");
        appender.setEndpoint("http://127.0.0.1:" + port);
        appender.setSecretId("AKIDbenchmark0000");
        appender.setSecretKey("benchmark-key");
        appender.setTopicId(TOPIC);
        appender.setHostname("bench");
        appender.setSourceIp("10.0.0.1");
        appender.setJmx(false);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException(
                    "CLS appender not started: " + ctx.getStatusManager().getCopyOfStatusList());
        }
        Setup setup = new Setup(attach(ctx, appender));
        setup.cls = appender;
        return setup;
    }

    private static Logger file(LoggerContext ctx, Path path) {
        return attach(ctx, fileAppender(ctx, path));
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext ctx, Path path) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setName("FILE");
        appender.setFile(path.toString());
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** logback's defaults, or {@code lossless}: discardingThreshold 0, so a full queue blocks instead of discarding. */
    private static Setup async(Path path, boolean lossless) {
        LoggerContext ctx = context();
        AsyncAppender async = new AsyncAppender();
        async.setContext(ctx);
        async.setName("ASYNC");
        if (lossless) {
            async.setDiscardingThreshold(0);
        }
        async.addAppender(fileAppender(ctx, path));
        async.start();
        return new Setup(attach(ctx, async));
    }

    private static Logger attach(LoggerContext ctx, Appender<ILoggingEvent> appender) {
        Logger log = ctx.getLogger("com.example.Orders");
        log.setAdditive(false);
        log.setLevel(Level.INFO);
        log.addAppender(appender);
        return log;
    }

    /** One logger context with its appender. */
    private static final class Setup {
        final Logger logger;
        final LoggerContext context;
        ClsLogbackAppender cls;

        Setup(Logger logger) {
            this.logger = logger;
            this.context = logger.getLoggerContext();
        }
    }
}
