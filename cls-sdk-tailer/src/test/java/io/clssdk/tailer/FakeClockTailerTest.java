package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.tailer;

import io.clssdk.core.testing.internal.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up shared by the tailer tests that follow files through their lives on a fake clock: a temporary {@code
 * logs} directory, a fake clock that wakes the tailer when it moves, a recording sink that acknowledges after a short
 * random delay, and the tailer closed after each test.
 */
abstract class FakeClockTailerTest {
    @TempDir
    Path dir;

    Path logs;
    FakeClock clock;
    RecordingSink sink;
    Tailer tailer;

    @BeforeEach
    void createLogsClockAndSink() throws IOException {
        logs = Files.createDirectories(dir.resolve("logs"));
        clock = new FakeClock();
        sink = new RecordingSink(RecordingSink.Ack.DELAYED);
    }

    @AfterEach
    void closeTailerAndSink() {
        if (tailer != null) {
            tailer.close();
        }
        sink.shutdown();
    }

    void start(TailerOptions.Builder options, TailSource... sources) {
        tailer = tailer(options.build(), clock, sources);
        tailer.start();
    }

    /** Waits for {@code condition}, moving the fake clock one second at a time (drained files are polled per second). */
    void awaitTicking(BooleanSupplier condition, String what) {
        TailerTesting.awaitTicking(clock, Duration.ofSeconds(1), condition, () -> what + "; lines " + sink.size());
    }
}
