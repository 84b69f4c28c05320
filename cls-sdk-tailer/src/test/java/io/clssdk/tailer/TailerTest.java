package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.appendRaw;
import static io.clssdk.tailer.TailerTesting.assertNoTailerThreads;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.awaitTicking;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.internal.FakeClock;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle, start positions (Backtracking) and restarts of {@link Tailer}. */
class TailerTest {
    @TempDir
    Path dir;

    private Path logs() throws Exception {
        return Files.createDirectories(dir.resolve("logs"));
    }

    @Test
    void followsExistingAndAppendedLinesAndStopsWithoutThreads() throws Exception {
        Path file = logs().resolve("app.log");
        append(file, "one", "two");
        RecordingSink sink = new RecordingSink();
        Tailer tailer = tailer(options(dir.resolve("ckpt")).build(), null, source("app", logs() + "/*.log", sink));
        tailer.start();
        await(() -> sink.size() == 2, () -> "2 lines, got " + sink.texts());
        append(file, "three");
        await(() -> sink.size() == 3, () -> "3 lines, got " + sink.texts());
        assertEquals(Arrays.asList("one", "two", "three"), sink.texts());
        assertEquals(0, sink.lines().get(0).offset);
        assertEquals(4, sink.lines().get(1).offset);
        assertEquals(8, sink.lines().get(2).offset);

        TailerStatus status = tailer.status();
        assertTrue(status.running());
        FileStatus fs = status.file("app.log").get();
        assertEquals(14, fs.readOffset());
        assertEquals(FileStatus.State.ACTIVE, fs.state());

        assertTrue(tailer.stop(Duration.ofSeconds(5)));
        assertTrue(tailer.stop(Duration.ofSeconds(5)), "stop is idempotent");
        assertNoTailerThreads();
        assertFalse(tailer.status().running());
        assertTrue(sink.closed(file), "fileClosed on stop");
        assertEquals(14, tailer.status().file("app.log").get().committedOffset());
    }

    @Test
    void restartResumesAtTheCommittedOffset() throws Exception {
        Path file = logs().resolve("app.log");
        append(file, "a1", "a2");
        RecordingSink first = new RecordingSink();
        Tailer t1 = tailer(options(dir.resolve("ckpt")).build(), null, source("app", logs() + "/*.log", first));
        t1.start();
        await(() -> first.size() == 2, () -> "2 lines");
        assertTrue(t1.stop(Duration.ofSeconds(5)));

        append(file, "b1", "b2");
        RecordingSink second = new RecordingSink();
        Tailer t2 = tailer(options(dir.resolve("ckpt")).build(), null, source("app", logs() + "/*.log", second));
        t2.start();
        await(() -> second.size() == 2, () -> "the 2 new lines, got " + second.texts());
        assertEquals(Arrays.asList("b1", "b2"), second.texts());
        assertEquals(6, second.lines().get(0).offset);
        t2.close();
    }

    @Test
    void unacknowledgedLinesAreOfferedAgainAfterRestart() throws Exception {
        Path file = logs().resolve("app.log");
        append(file, "x1", "x2");
        RecordingSink manual = new RecordingSink(RecordingSink.Ack.MANUAL);
        Tailer t1 = tailer(options(dir.resolve("ckpt")).build(), null, source("app", logs() + "/*.log", manual));
        t1.start();
        await(() -> manual.size() == 2, () -> "2 lines");
        assertFalse(t1.stop(Duration.ofMillis(200)), "nothing was acknowledged");

        RecordingSink second = new RecordingSink();
        Tailer t2 = tailer(options(dir.resolve("ckpt")).build(), null, source("app", logs() + "/*.log", second));
        t2.start();
        await(() -> second.size() == 2, () -> "the unacknowledged lines again");
        assertEquals(Arrays.asList("x1", "x2"), second.texts());
        t2.close();
    }

    @Test
    void backtrackingMinusOneReadsFromTheStartZeroFromTheEndNFromTheNextLineStart() throws Exception {
        Path a = logs().resolve("a.log");
        append(a, "0123456789", "abcdefghij", "ABCDEFGHIJ"); // 11 bytes per line, 33 bytes
        RecordingSink full = new RecordingSink();
        RecordingSink end = new RecordingSink();
        RecordingSink back = new RecordingSink();
        RecordingSink exact = new RecordingSink();
        TailSource sFull =
                TailSource.builder("full").path(logs() + "/a.log").sink(full).build();
        Tailer t = tailer(options(dir.resolve("c1")).build(), null, sFull);
        t.start();
        await(() -> full.size() == 3, () -> "3 lines");
        t.close();

        Tailer t0 = tailer(
                options(dir.resolve("c2")).build(),
                null,
                TailSource.builder("end")
                        .path(logs() + "/a.log")
                        .backtrackingBytes(0)
                        .sink(end)
                        .build());
        t0.start();
        append(a, "new");
        await(() -> end.size() == 1, () -> "only the new line, got " + end.texts());
        assertEquals(Arrays.asList("new"), end.texts());
        t0.close();

        // 37 bytes now; 15 bytes back = offset 22, which is a line start ("ABCDEFGHIJ")
        Tailer tN = tailer(
                options(dir.resolve("c3")).build(),
                null,
                TailSource.builder("n")
                        .path(logs() + "/a.log")
                        .backtrackingBytes(15)
                        .sink(exact)
                        .build());
        tN.start();
        await(() -> exact.size() == 2, () -> "2 lines, got " + exact.texts());
        assertEquals(Arrays.asList("ABCDEFGHIJ", "new"), exact.texts());
        tN.close();

        // 20 bytes back = offset 17, inside "abcdefghij": aligned forward to 22
        Tailer tM = tailer(
                options(dir.resolve("c4")).build(),
                null,
                TailSource.builder("m")
                        .path(logs() + "/a.log")
                        .backtrackingBytes(20)
                        .sink(back)
                        .build());
        tM.start();
        await(() -> back.size() == 2, () -> "2 lines, got " + back.texts());
        append(a, "later");
        await(() -> back.size() == 3, () -> "3 lines, got " + back.texts());
        assertEquals(Arrays.asList("ABCDEFGHIJ", "new", "later"), back.texts());
        tM.close();
    }

    @Test
    void backtrackingZeroOnAPartialLastLineSkipsToTheNextLineStart() throws Exception {
        Path a = logs().resolve("a.log");
        appendRaw(a, "done\nhalf");
        RecordingSink sink = new RecordingSink();
        Tailer t = tailer(
                options(dir.resolve("c")).build(),
                null,
                TailSource.builder("end")
                        .path(logs() + "/a.log")
                        .backtrackingBytes(0)
                        .sink(sink)
                        .build());
        t.start();
        appendRaw(a, "-rest\nnext\n");
        await(() -> sink.size() == 1, () -> "1 line, got " + sink.texts());
        assertEquals(Arrays.asList("next"), sink.texts());
        t.close();
    }

    @Test
    void filesCreatedAfterStartAreReadFromTheBeginningEvenWithBacktrackingZero() throws Exception {
        logs();
        RecordingSink sink = new RecordingSink();
        Tailer t = tailer(
                options(dir.resolve("c")).build(),
                null,
                TailSource.builder("end")
                        .path(logs() + "/*.log")
                        .backtrackingBytes(0)
                        .sink(sink)
                        .build());
        t.start();
        append(logs().resolve("new.log"), "first", "second");
        await(() -> sink.size() == 2, () -> "2 lines, got " + sink.texts());
        t.close();
    }

    @Test
    void aSecondTailerCannotUseTheSameCheckpointDirectory() throws Exception {
        logs();
        RecordingSink sink = new RecordingSink();
        Tailer t1 = tailer(options(dir.resolve("c")).build(), null, source("a", logs() + "/*.log", sink));
        Tailer t2 = tailer(options(dir.resolve("c")).build(), null, source("a", logs() + "/*.log", sink));
        t1.start();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, t2::start);
        assertTrue(e.getMessage().contains("in use by another tailer"), e.getMessage());
        t1.close();
        t2.close();
        assertNoTailerThreads();
    }

    @Test
    void startTwiceIsRejectedAndBuilderValidates() throws Exception {
        logs();
        Tailer t = tailer(options(dir.resolve("c")).build(), null, source("a", logs() + "/*.log", new RecordingSink()));
        t.start();
        assertThrows(IllegalStateException.class, t::start);
        t.close();
        IllegalArgumentException noOptions = assertThrows(
                IllegalArgumentException.class,
                () -> Tailer.builder()
                        .source(source("a", "/x/*.log", new RecordingSink()))
                        .build());
        assertTrue(noOptions.getMessage().contains("options"));
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> Tailer.builder()
                        .options(options(dir).build())
                        .source(source("a", "/x/*.log", new RecordingSink()))
                        .source(source("a", "/y/*.log", new RecordingSink()))
                        .build());
        assertTrue(twice.getMessage().contains("two sources are named a"));
    }

    @Test
    void idleIsCalledOnceAfterAQuietSpell() throws Exception {
        Path file = logs().resolve("app.log");
        append(file, "l1");
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink();
        Duration step = Duration.ofSeconds(4);
        try (Tailer t = tailer(options(dir.resolve("c")).build(), clock, source("app", logs() + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == 1, () -> "1 line");
            assertEquals(0, sink.idleCalls().size());
            awaitTicking(clock, step, () -> sink.idleCalls().size() == 1, () -> "one idle call");
            clock.advance(step);
            append(file, "l2");
            await(() -> sink.size() == 2, () -> "2 lines");
            assertEquals(1, sink.idleCalls().size(), "no second idle call without new lines");
            awaitTicking(clock, step, () -> sink.idleCalls().size() == 2, () -> "a second idle call after new lines");
            clock.advance(step);
            clock.advance(step);
            t.status(); // answered by the engine thread after it handled the wake-ups of both advances
            assertEquals(2, sink.idleCalls().size(), "one idle call per quiet spell");
        }
    }
}
