package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.checkpointOffsets;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.internal.FakeClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the tailer follows is in its checkpoint at once, not only at its first read or at the next checkpoint tick: a
 * file rotated to a name no rule matches is found again after a crash only by its identity in the checkpoint. A crash
 * is simulated by starting a second tailer from a copy of the checkpoint taken at the chosen moment, which is what a
 * {@code kill -9} then leaves on disk. The fake clock never moves, so no checkpoint tick ever writes.
 */
class TailerNewFileCheckpointTest {
    @TempDir
    Path dir;

    private Path logs;
    private Path ckpt;
    private final FakeClock clock = new FakeClock();
    private final RecordingSink sink = new RecordingSink().block();
    private Tailer tailer;

    @BeforeEach
    void setUp() throws IOException {
        logs = Files.createDirectories(dir.resolve("logs"));
        ckpt = dir.resolve("ckpt");
    }

    @AfterEach
    void tearDown() {
        sink.unblock();
        if (tailer != null) {
            tailer.close();
        }
    }

    /**
     * Found while the only reader is held up in the sink, a new file is in the checkpoint by the time status() shows
     * it; rotated away and then crashed, it is drained from its rotated name after the restart. Before the fix it
     * entered the checkpoint only before its first read or at the next tick: under load (a busy reader, a stream of
     * watch events) it was rotated and the tailer killed before either came, and the whole file was never read.
     */
    @Test
    void aFileFoundWhileTheReaderIsBusyIsCheckpointedAtOnceAndSurvivesACrashAfterItsRotation() throws Exception {
        append(logs.resolve("a.log"), "a1");
        start(ckpt, sink);
        // a.log, found by start(), is read first, and its chunk holds the only reader in the sink: b.log is not read
        Path b = logs.resolve("b.log");
        append(b, "b1", "b2");
        await(() -> tailer.status().file("b.log").isPresent(), () -> "b.log followed");
        String bKey = key(tailer.status().file("b.log").get().file());

        Path crashed = crashCopy();
        Map<String, Long> listed = checkpointOffsets(crashed);
        assertEquals(0L, listed.get(bKey), "b.log (" + bKey + ") in the checkpoint at offset 0: " + listed);

        Files.move(b, logs.resolve("b.log.1")); // rotated to a name no rule matches
        sink.unblock();
        tailer.close();
        RecordingSink second = new RecordingSink();
        start(crashed, second);
        await(() -> second.textsOf("b.log.1").size() == 2, () -> "b.log.1 drained after the crash: " + second.texts());
        assertEquals(Arrays.asList("b1", "b2"), second.textsOf("b.log.1"));
        second.shutdown();
    }

    /** The files the start-up walk found are in the checkpoint when start() returns, before any of them is read. */
    @Test
    void filesFoundAtStartAreCheckpointedBeforeStartReturns() throws Exception {
        append(logs.resolve("a.log"), "a1");
        append(logs.resolve("b.log"), "b1");
        start(ckpt, sink);
        Map<String, Long> listed = checkpointOffsets(ckpt);
        for (String name : new String[] {"a.log", "b.log"}) {
            String key = key(logs.resolve(name));
            assertEquals(0L, listed.get(key), name + " (" + key + ") in the checkpoint at offset 0: " + listed);
        }
    }

    private void start(Path checkpointDir, RecordingSink to) {
        tailer = tailer(options(checkpointDir).build(), clock, source("app", logs + "/*.log", to));
        tailer.start();
    }

    /** A copy of the checkpoint directory's checkpoint as it is now: what a kill -9 at this moment would leave. */
    private Path crashCopy() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("ckpt-at-crash"));
        assertTrue(Files.exists(ckpt.resolve("checkpoints.json")), "no checkpoint written yet");
        Files.copy(ckpt.resolve("checkpoints.json"), copy.resolve("checkpoints.json"));
        return copy;
    }

    private static String key(TailedFile f) {
        return f.device() + ":" + f.inode();
    }

    private static String key(Path p) throws IOException {
        return Files.getAttribute(p, "unix:dev") + ":" + Files.getAttribute(p, "unix:ino");
    }
}
