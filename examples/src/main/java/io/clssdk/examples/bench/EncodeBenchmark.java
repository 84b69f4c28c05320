package io.clssdk.examples.bench;

import io.clssdk.core.Compression;
import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.Codec;
import io.clssdk.core.spi.GroupTrailer;
import io.clssdk.core.spi.LogEncoder;
import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.core.spi.WireBuffer;
import java.util.Collections;
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

/**
 * Encode + LZ4 of 4,096 reference logs (about 2.2 MB of protobuf), reported per log. This is the work the producer's
 * I/O path does per log besides HTTP. Run:
 *
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests
 * java -jar examples/target/benchmarks.jar EncodeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EncodeBenchmark {
    private static final int LOGS = 4096;

    /** {@code lz4} or {@code none} (encoding alone). */
    @Param({"lz4", "none"})
    public String compression;

    private LogRecord[] records;
    private WireBuffer body;
    private WireBuffer compressed;
    private Codec codec;
    private GroupTrailer trailer;

    @Setup
    public void setUp() {
        records = new LogRecord[LOGS];
        long now = System.currentTimeMillis();
        for (int i = 0; i < LOGS; i++) {
            records[i] = ReferenceLogs.record(now + i, i);
        }
        body = new WireBuffer(4 << 20);
        compressed = new WireBuffer(4 << 20);
        codec = Codec.of("lz4".equals(compression) ? Compression.LZ4 : Compression.NONE);
        trailer = GroupTrailer.of(null, "10.0.0.1", Collections.emptyMap(), "bench-host");
    }

    /** Encodes one LogGroupList of 4,096 logs the way the producer frames a batch, then compresses it. */
    @Benchmark
    @OperationsPerInvocation(LOGS)
    public int encodeAndCompress() {
        body.reset();
        body.skip(LogGroupListEncoder.HEADER_RESERVE);
        int contentStart = body.position();
        for (LogRecord r : records) {
            LogEncoder.write(body, r);
        }
        trailer.write(body, "0123456789ABCDEF-1");
        int start = LogGroupListEncoder.writeHeader(body.array(), contentStart, body.position() - contentStart);
        if (codec.isIdentity()) {
            return body.position() - start;
        }
        codec.compress(body.array(), start, body.position() - start, compressed);
        return compressed.position();
    }
}
