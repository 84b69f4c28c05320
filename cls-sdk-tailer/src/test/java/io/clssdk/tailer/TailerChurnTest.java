package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.numbered;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rotation under churn (issue #12, item 1): files renamed and recreated many times a second, faster than the engine
 * handles their events, and more files draining than {@code maxOpenFiles} allows open. Every line of every file that
 * ever had a matching name must arrive; a file that was deleted before it could be opened must be counted as lost.
 * The fake clock never moves in the first two tests, so no timer (rescan, drain poll, quiet period) helps: only the
 * watch events do.
 */
class TailerChurnTest extends FakeClockTailerTest {
    /**
     * The reproduction from the issue, run by a child shell: each generation is written to {@code app.log} and renamed
     * to a name the rule does not match 5 ms later. Before the fix one file in a few hundred was never read: its create
     * event was handled after the rename, when {@code app.log} already was the next generation.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyShortLivedFileOfAFastRenameLoopIsRead() throws Exception {
        tailer = tailer(options(dir.resolve("ckpt")).build(), clock, source("app", logs + "/app.log", sink));
        tailer.start();
        Process p = new ProcessBuilder(
                        "sh",
                        "-c",
                        "cd \"$1\" && for i in $(seq 200); do echo gen$i > app.log; sleep 0.005;"
                                + " mv app.log app.log.$i; done",
                        "churn",
                        logs.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the shell loop did not finish");
        assertEquals(0, p.exitValue(), "the shell loop failed");
        List<String> want = numbered("gen", 1, 201);
        await(() -> sink.size() >= 200, () -> "200 lines; missing " + missing(want, sink.texts()));
        List<String> got = sink.texts();
        Collections.sort(got);
        Collections.sort(want);
        assertEquals(want, got, "each generation exactly once");
        assertEquals(0, tailer.status().lostFiles());
    }

    /**
     * A writer appends as fast as it can while a rotator renames {@code app.log} away and recreates it hundreds of
     * times; the writer keeps writing to the renamed file until it notices. With {@code maxOpenFiles} 4 far more
     * files drain than can be open. Before the fix draining files could not be closed early, so new files were not
     * opened at the cap and most rotated files were never read.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hundredsOfRenamesUnderALowOpenFileCapLoseNoLine() throws Exception {
        Path file = logs.resolve("app.log");
        Files.createFile(file);
        tailer = tailer(
                options(dir.resolve("ckpt")).maxOpenFiles(4).build(), clock, source("app", logs + "/app.log", sink));
        tailer.start();
        AtomicInteger generation = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(file, generation, written, failure), "churn-writer");
        writer.start();
        try {
            for (int i = 1; i <= 300; i++) {
                Files.move(file, logs.resolve("app.log." + i));
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    // the writer noticed the rotation first and created it
                }
                generation.incrementAndGet();
                Thread.sleep(2); // pacing the workload, not waiting for the tailer
            }
        } finally {
            generation.set(-1);
            writer.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("writer failed", failure.get());
        }
        int n = written.get();
        List<String> want = numbered("w-", 0, n);
        await(
                () -> sink.size() >= n,
                () -> n + " lines, got " + sink.size() + "; missing " + missing(want, sink.texts()) + "; status "
                        + tailer.status());
        List<String> got = sink.texts();
        assertEquals(n, got.size(), "no line twice");
        assertEquals(new HashSet<>(want), new HashSet<>(got));
        TailerStatus status = tailer.status();
        assertTrue(status.openFiles() <= 4, status.toString());
        assertEquals(0, status.lostFiles());
    }

    private static void write(
            Path file, AtomicInteger generation, AtomicInteger written, AtomicReference<Throwable> f) {
        try {
            int seen = 0;
            OutputStream out = new FileOutputStream(file.toFile(), true);
            try {
                while (true) {
                    int g = generation.get();
                    if (g < 0) {
                        return;
                    }
                    if (g != seen && written.get() % 7 == 0) {
                        // the application notices the rotation some lines later and reopens its log
                        out.close();
                        out = new FileOutputStream(file.toFile(), true);
                        seen = g;
                    }
                    int n = written.get();
                    out.write(("w-" + n + "\n").getBytes(StandardCharsets.UTF_8));
                    written.incrementAndGet();
                    if (n % 10 == 0) {
                        Thread.sleep(1); // pacing: about 10 lines a millisecond
                    }
                }
            } finally {
                out.close();
            }
        } catch (IOException | RuntimeException e) {
            f.set(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.set(e);
        }
    }

    /**
     * Files created and deleted again at once: some are opened in time (and read, deleted or not), the others cannot
     * be read by anyone. Those must be counted, not silently missing: delivered files plus lost files is exactly the
     * number created, once a rescan has given every file its chance.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void filesDeletedBeforeTheyCouldBeOpenedAreCountedAsLost() throws Exception {
        tailer = tailer(
                options(dir.resolve("ckpt"))
                        .rescanInterval(Duration.ofSeconds(1))
                        .build(),
                clock,
                source("app", logs + "/app.log", sink));
        tailer.start();
        Process p = new ProcessBuilder(
                        "sh",
                        "-c",
                        "cd \"$1\" && for i in $(seq 200); do echo gen$i > app.log; rm app.log; done",
                        "churn",
                        logs.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the shell loop did not finish");
        assertEquals(0, p.exitValue(), "the shell loop failed");
        TailerTesting.awaitTicking(
                clock,
                Duration.ofSeconds(1),
                () -> sink.size() + tailer.status().lostFiles() == 200,
                () -> "delivered " + sink.size() + " + lost " + tailer.status().lostFiles() + " = 200");
        Set<String> got = new HashSet<>(sink.texts());
        assertEquals(sink.size(), got.size(), "no file read twice: " + sink.texts());
        assertTrue(new HashSet<>(numbered("gen", 1, 201)).containsAll(got));
        // nothing more is counted later
        clock.advance(Duration.ofSeconds(5));
        await(() -> tailer.status() != null, () -> "status");
        assertEquals(200, sink.size() + tailer.status().lostFiles());
    }

    private static List<String> missing(List<String> want, List<String> got) {
        Set<String> have = new HashSet<>(got);
        List<String> out = new ArrayList<>();
        for (String w : want) {
            if (!have.contains(w)) {
                out.add(w);
                if (out.size() == 20) {
                    out.add("...");
                    break;
                }
            }
        }
        return out;
    }
}
