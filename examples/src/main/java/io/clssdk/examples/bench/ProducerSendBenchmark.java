package io.clssdk.examples.bench;

import io.clssdk.core.LogRecord;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.SendCallback;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The producer end to end — {@code send()}, batching, LZ4, signing and HTTP to a {@link DiscardServer} in a separate
 * JVM — per log, from 2 sending threads. With {@code -prof gc}, {@code gc.alloc.rate.norm} is what the SDK allocates
 * per log in every thread of this JVM (the producer's I/O threads included):
 *
 * <ul>
 *   <li>{@code sendPrebuilt}: an immutable record sent again and again — the SDK's own allocation;
 *   <li>{@code buildAndSend}: the record is built per log from prepared strings through the public builder, as an
 *       application would.
 * </ul>
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -jar examples/target/benchmarks.jar ProducerSendBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ProducerSendBenchmark {
    private static final String TOPIC = "0f8e4b82-8adb-47b1-a3aa-0d6bd1a0e1c5";
    private static final SendCallback IGNORE = r -> {};

    private ChildProcess server;
    private ClsProducer producer;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = ChildProcess.start(DiscardServer.class);
        int port = Integer.parseInt(server.awaitLine("PORT"));
        producer = DiscardServer.producer(port, ProducerOptions.builder());
    }

    @TearDown(Level.Trial)
    public void stop() {
        producer.close(Duration.ofSeconds(30));
        server.close();
    }

    /** Per sending thread: prepared values and one prebuilt record. */
    @State(Scope.Thread)
    public static class Records {
        String[][] values;
        LogRecord prebuilt;
        int next;

        @Setup
        public void prepare() {
            long base = Thread.currentThread().getId() * 1_000_000L;
            values = new String[1024][8];
            for (int i = 0; i < values.length; i++) {
                for (int k = 0; k < 8; k++) {
                    values[i][k] = ReferenceLogs.value(k + 1, base + i);
                }
            }
            prebuilt = ReferenceLogs.record(System.currentTimeMillis(), values[0]);
        }
    }

    @Benchmark
    public void sendPrebuilt(Records r) {
        producer.send(TOPIC, r.prebuilt, IGNORE);
    }

    @Benchmark
    public void buildAndSend(Records r) {
        producer.send(TOPIC, ReferenceLogs.record(System.currentTimeMillis(), r.values[r.next++ & 1023]), IGNORE);
    }
}
