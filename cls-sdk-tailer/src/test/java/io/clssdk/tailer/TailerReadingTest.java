package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.appendRaw;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.awaitTicking;
import static io.clssdk.tailer.TailerTesting.numbered;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.repeat;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.internal.FakeClock;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line splitting, partial and over-long lines, acknowledgements, sink failures and backpressure. */
class TailerReadingTest {
    @TempDir
    Path dir;

    private Path logs;
    private Path file;
    private FakeClock clock;
    private Tailer tailer;

    @BeforeEach
    void setUp() throws Exception {
        logs = Files.createDirectories(dir.resolve("logs"));
        file = logs.resolve("app.log");
        clock = new FakeClock();
    }

    @AfterEach
    void tearDown() {
        if (tailer != null) {
            tailer.close();
        }
    }

    private void start(TailerOptions.Builder options, TailSink sink) {
        tailer = tailer(options.build(), clock, source("app", logs + "/*.log", sink));
        tailer.start();
    }

    @Test
    void splitsOnNewlinesAndStripsATrailingCarriageReturn() throws Exception {
        appendRaw(file, "dos\r\nunix\n\nwith\rinside\n\r\n");
        RecordingSink sink = new RecordingSink();
        start(options(dir.resolve("c")), sink);
        await(() -> sink.size() == 5, () -> "5 lines, got " + sink.texts());
        assertEquals(Arrays.asList("dos", "unix", "", "with\rinside", ""), sink.texts());
    }

    @Test
    void aPartialLastLineIsHeldUntilCompleted() throws Exception {
        appendRaw(file, "complete\nhal");
        RecordingSink sink = new RecordingSink();
        start(options(dir.resolve("c")), sink);
        await(() -> sink.size() == 1, () -> "1 line");
        // the sink sees the line on the reader thread before the engine thread records the read: wait for the record
        await(() -> tailer.status().file("app.log").get().readOffset() > 0, () -> "the read recorded");
        assertEquals(9, tailer.status().file("app.log").get().readOffset(), "the partial line is not consumed");
        appendRaw(file, "f\n");
        await(() -> sink.size() == 2, () -> "2 lines, got " + sink.texts());
        assertEquals(Arrays.asList("complete", "half"), sink.texts());
    }

    @Test
    void aPartialLastLineIsFlushedAfterTheIdleTime() throws Exception {
        appendRaw(file, "complete\nno newline at the end");
        RecordingSink sink = new RecordingSink();
        start(options(dir.resolve("c")).partialLineFlushIdle(Duration.ofSeconds(3)), sink);
        await(() -> sink.size() == 1, () -> "1 line");
        await(() -> tailer.status().file("app.log").get().committedOffset() == 9, () -> "first line committed");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, sink.size(), "not before the idle time");
        awaitTicking(
                clock,
                Duration.ofSeconds(1),
                () -> sink.size() == 2,
                () -> "the partial line flushed, got " + sink.texts());
        assertEquals("no newline at the end", sink.texts().get(1));
        await(
                () -> tailer.status().file("app.log").get().committedOffset() == 30,
                () -> "committed to the end of the flushed line");
        append(file, "", "next");
        await(() -> sink.size() == 4, () -> "later lines, got " + sink.texts());
        assertEquals(Arrays.asList("complete", "no newline at the end", "", "next"), sink.texts());
    }

    @Test
    void aTenMebibyteLineIsTruncatedAndTheNextLinesStillArrive() throws Exception {
        byte[] huge = new byte[10 << 20];
        Arrays.fill(huge, (byte) 'x');
        append(file, "before");
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(huge);
            out.write('\n');
        }
        append(file, "after-1", "after-2");
        RecordingSink sink = new RecordingSink();
        start(options(dir.resolve("c")).maxLineBytes(1024).readBufferBytes(64 * 1024), sink);
        await(() -> sink.size() == 4, () -> "4 lines, got " + sink.size());
        List<RecordingSink.Line> lines = sink.lines();
        assertEquals("before", lines.get(0).text);
        assertEquals(1024, lines.get(1).text.length());
        assertTrue(lines.get(1).truncated);
        assertFalse(lines.get(0).truncated);
        assertEquals("after-1", lines.get(2).text);
        assertEquals(7 + (10 << 20) + 1, lines.get(2).offset);
        assertEquals("after-2", lines.get(3).text);
        // the sink sees the lines on the reader thread before the engine thread counts the truncation: wait for it
        await(() -> tailer.status().truncatedLines() > 0, () -> "the truncation counted");
        assertEquals(1, tailer.status().truncatedLines());
        assertEquals(1, tailer.status().file("app.log").get().truncatedLines());
    }

    @Test
    void aLineLongerThanTheLimitButInsideTheBufferIsTruncatedToo() throws Exception {
        char[] line = new char[1500];
        Arrays.fill(line, 'y');
        append(file, new String(line), "short");
        RecordingSink sink = new RecordingSink();
        start(options(dir.resolve("c")).maxLineBytes(1024).readBufferBytes(4096), sink);
        await(() -> sink.size() == 2, () -> "2 lines");
        assertEquals(1024, sink.lines().get(0).text.length());
        assertTrue(sink.lines().get(0).truncated);
        assertEquals("short", sink.texts().get(1));
    }

    @Test
    void linesAcrossReadWindowsAndLongerThanOneArriveWholeAtTheDefaults() throws Exception {
        // short lines are read in windows of 256 KiB of the 1 MiB buffer: a line may cross a window's end; a line
        // longer than a window (but within maxLineBytes, 512 KiB) and a run of 60 KB lines switch to whole-buffer reads
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            String line = "line-" + i + " " + repeat('p', i % 97);
            if (i == 5_000) {
                line = repeat('L', 300_000);
            } else if (i >= 7_000 && i < 7_020) {
                line = i + repeat('k', 60_000);
            } else if (i == 9_000) {
                line = repeat('M', 512 * 1024); // exactly maxLineBytes: not truncated
            }
            expected.add(line);
            text.append(line).append('\n');
        }
        appendRaw(file, text.toString()); // about 3.8 MB
        RecordingSink sink = new RecordingSink();
        start(TailerOptions.builder(dir.resolve("c")).checkpointInterval(Duration.ofMillis(50)), sink);
        await(() -> sink.size() == expected.size(), () -> expected.size() + " lines, got " + sink.size());
        List<RecordingSink.Line> lines = sink.lines();
        long offset = 0;
        for (int i = 0; i < expected.size(); i++) {
            RecordingSink.Line line = lines.get(i);
            String where = "line " + i + " at " + line.offset + " (" + line.text.length() + " chars)";
            assertEquals(offset, line.offset, where);
            assertFalse(line.truncated, where + " is within maxLineBytes");
            assertTrue(expected.get(i).equals(line.text), where + ": not the line written");
            offset += expected.get(i).length() + 1;
        }
        await(
                () -> tailer.status().file("app.log").get().committedOffset() == text.length(),
                () -> "committed to the end");
    }

    @Test
    void outOfOrderAcknowledgementsCommitOnlyTheAcknowledgedPrefix() throws Exception {
        RecordingSink sink = new RecordingSink(RecordingSink.Ack.MANUAL);
        Files.createFile(file);
        start(options(dir.resolve("c")), sink);
        for (int i = 0; i < 3; i++) {
            append(file, "chunk-" + i);
            int n = i + 1;
            await(() -> sink.held().size() == n, () -> n + " chunks held");
        }
        List<LineChunk> held = sink.held();
        held.get(2).acknowledge();
        held.get(1).acknowledge();
        FileStatus before = tailer.status().file("app.log").get();
        assertEquals(0, before.committedOffset(), "the first chunk is not acknowledged yet");
        assertEquals(24, before.lagBytes());
        held.get(0).acknowledge();
        held.get(0).acknowledge(); // idempotent
        await(() -> tailer.status().file("app.log").get().committedOffset() == 24, () -> "all committed");
        assertEquals(0, tailer.status().inFlightBytes());
    }

    @Test
    void aFailingSinkGetsTheSameLinesAgainAfterABackoff() throws Exception {
        append(file, "a", "b");
        RecordingSink sink = new RecordingSink().failNext(3);
        start(options(dir.resolve("c")), sink);
        await(() -> sink.accepts() >= 1, () -> "a first attempt");
        for (int i = 0; i < 3 && sink.size() == 0; i++) {
            int attempts = sink.accepts();
            await(
                    () -> {
                        clock.advance(Duration.ofMillis(500));
                        return sink.accepts() > attempts;
                    },
                    () -> "another attempt");
        }
        await(() -> sink.size() == 2, () -> "delivered after the failures");
        assertEquals(Arrays.asList("a", "b"), sink.texts());
        assertEquals(4, sink.accepts());
    }

    @Test
    void aStalledSinkStopsReadingAtTheInFlightLimit() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            sb.append("line-").append(i).append(" with some padding to make it longer\n");
        }
        appendRaw(file, sb.toString()); // about 900 KB
        RecordingSink sink = new RecordingSink(RecordingSink.Ack.MANUAL);
        start(options(dir.resolve("c")).readBufferBytes(8192).maxInFlightBytes(64 * 1024), sink);
        await(
                () -> tailer.status().inFlightBytes() >= 64 * 1024 && TailerTesting.readersIdle(),
                () -> "the limit reached and the reader stopped");
        TailerStatus stalled = tailer.status();
        long limitPlusOneChunk = 64 * 1024 + 8192 + 2 * 128;
        assertTrue(stalled.inFlightBytes() <= limitPlusOneChunk, "in flight " + stalled.inFlightBytes());
        assertTrue(stalled.file("app.log").get().readOffset() < 200_000, "reading stopped");
        int before = sink.size();
        sink.ackAllReversed();
        await(() -> sink.size() > before, () -> "reading resumes after acknowledgements");
        await(
                () -> {
                    sink.ackAllReversed();
                    return sink.size() == 20000;
                },
                () -> "everything, got " + sink.size());
        assertEquals(
                numbered("line-", 0, 3),
                sink.texts().subList(0, 3).stream()
                        .map(s -> s.substring(0, s.indexOf(' ')))
                        .collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void stopWaitsForAcknowledgementsAndReportsWhetherAllArrived() throws Exception {
        append(file, "a");
        RecordingSink sink = new RecordingSink(RecordingSink.Ack.MANUAL);
        start(options(dir.resolve("c")), sink);
        await(() -> sink.held().size() == 1, () -> "1 chunk");
        Thread stopping = Thread.currentThread();
        Thread acker = new Thread(() -> {
            await(() -> insideStop(stopping), () -> "the test thread waiting in stop()");
            sink.ackAllReversed();
        });
        acker.start();
        assertTrue(tailer.stop(Duration.ofSeconds(10)), "the acknowledgement arrived during stop");
        assertEquals(2, tailer.status().file("app.log").get().committedOffset());
    }

    /** True once {@code t} waits inside the engine's stop() (the stop request is queued by then). */
    private static boolean insideStop(Thread t) {
        if (t.getState() != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().endsWith(".Engine")
                    && frame.getMethodName().equals("stop")) {
                return true;
            }
        }
        return false;
    }
}
