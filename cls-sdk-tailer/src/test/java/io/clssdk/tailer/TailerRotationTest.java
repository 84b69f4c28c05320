package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.numbered;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotation, truncation, deletion, replacement, inode reuse and inactivity. */
class TailerRotationTest extends FakeClockTailerTest {
    private void start() {
        start(options(dir.resolve("ckpt")), source("app", logs + "/*.log", sink));
    }

    @Test
    void renameRotationWithAWriterRacingTheRenameLosesAndRepeatsNothing() throws Exception {
        Path file = logs.resolve("app.log");
        Files.createFile(file);
        start();
        List<String> expected = numbered("line-", 0, 3000);
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = new FileOutputStream(file.toFile(), true);
                for (int i = 0; i < 3000; i++) {
                    if (i == 1000) {
                        // rotate: rename while the writer still holds the old file and keeps writing to it
                        Files.move(file, logs.resolve("app.log.1"));
                    }
                    if (i == 1200) {
                        out.close();
                        out = new FileOutputStream(file.toFile(), true); // the application reopens its log
                    }
                    out.write(("line-" + i + "\n").getBytes(StandardCharsets.UTF_8));
                    if (i % 100 == 0) {
                        out.flush();
                        Thread.sleep(1); // pacing: the writer races the rename for real
                    }
                }
                out.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        writer.join();
        awaitTicking(() -> sink.size() >= 3000, "all 3000 lines");
        List<String> got = sink.texts();
        Collections.sort(got);
        List<String> want = new ArrayList<>(expected);
        Collections.sort(want);
        assertTrue(want.equals(got), "every line exactly once; got " + got.size() + " lines");
        long oldInode = sink.lines().get(0).file.inode();
        List<String> oldFile = new ArrayList<>();
        List<String> newFile = new ArrayList<>();
        for (RecordingSink.Line l : sink.lines()) {
            (l.file.inode() == oldInode ? oldFile : newFile).add(l.text);
        }
        assertTrue(numbered("line-", 0, 1200).equals(oldFile), "the old file in order, with the late writes");
        assertTrue(numbered("line-", 1200, 3000).equals(newFile), "the new file in order");

        FileStatus rotated = tailer.status().file("app.log.1").get();
        assertEquals(FileStatus.State.ROTATED_DRAINING, rotated.state());
        clock.advance(Duration.ofSeconds(61)); // the quiet period
        await(() -> sink.closed(logs.resolve("app.log.1")), () -> "the rotated file released after 60 s quiet");
        assertFalse(tailer.status().file("app.log.1").isPresent());
        assertEquals(1, tailer.status().openFiles());
    }

    @Test
    void renameToAnotherMatchingNameKeepsIdentityAndOffset() throws Exception {
        Path file = logs.resolve("a.log");
        append(file, "1", "2");
        start();
        await(() -> sink.size() == 2, () -> "2 lines");
        Files.move(file, logs.resolve("b.log"));
        append(logs.resolve("b.log"), "3");
        await(() -> sink.size() == 3, () -> "3 lines, got " + sink.texts());
        assertEquals(Arrays.asList("1", "2", "3"), sink.texts());
        FileStatus b = tailer.status().file("b.log").get();
        assertEquals(FileStatus.State.ACTIVE, b.state());
        assertEquals(6, b.readOffset());
        assertEquals(sink.lines().get(0).file.inode(), b.file().inode());
    }

    @Test
    void copyTruncateRestartsFromZeroWithoutLosingLinesAlreadyRead() throws Exception {
        Path file = logs.resolve("app.log");
        append(file, numbered("before-", 0, 50).toArray(new String[0]));
        start();
        await(() -> sink.size() == 50, () -> "50 lines");
        Files.copy(file, logs.resolve("app.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        append(file, "after-0", "after-1");
        await(() -> sink.size() == 52, () -> "52 lines, got " + sink.size());
        assertEquals(numbered("before-", 0, 50), sink.texts().subList(0, 50));
        assertEquals(Arrays.asList("after-0", "after-1"), sink.texts().subList(50, 52));
        assertEquals(0, sink.lines().get(50).offset);
        await(
                () -> tailer.status().file("app.log").get().committedOffset() == 16,
                () -> "committed 16 after truncation");
    }

    @Test
    void truncationWhileIdleIsNoticedByTheRescan() throws Exception {
        Path file = logs.resolve("app.log");
        append(file, "aaaaaaaaaa", "bbbbbbbbbb");
        start(options(dir.resolve("ckpt")).rescanInterval(Duration.ofSeconds(5)), source("app", logs + "/*.log", sink));
        await(() -> sink.size() == 2, () -> "2 lines");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        append(file, "c");
        clock.advance(Duration.ofSeconds(6));
        await(() -> sink.size() == 3, () -> "3 lines, got " + sink.texts());
        assertEquals("c", sink.texts().get(2));
    }

    @Test
    void aFileDeletedWhileOpenIsDrainedThenReleased() throws Exception {
        Path file = logs.resolve("app.log");
        append(file, "1");
        start();
        await(() -> sink.size() == 1, () -> "1 line");
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            Files.delete(file); // deleted while the writer (and the tailer) still hold it
            out.write("2\n3\n".getBytes(StandardCharsets.UTF_8));
        }
        awaitTicking(() -> sink.closed(file), "deleted file released");
        assertEquals(Arrays.asList("1", "2", "3"), sink.texts());
        assertEquals(0, tailer.status().openFiles());
        assertEquals(Collections.emptyList(), tailer.status().files());
    }

    @Test
    void vimStyleReplaceIsANewFileReadFromZero() throws Exception {
        Path file = logs.resolve("app.log");
        append(file, "old-1", "old-2");
        start();
        await(() -> sink.size() == 2, () -> "2 lines");
        Path tmp = logs.resolve(".app.log.swp");
        append(tmp, "old-1", "old-2", "edited");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        awaitTicking(
                () -> sink.size() == 5 && sink.closedFiles().size() == 1, "the whole new file and the old released");
        assertEquals(Arrays.asList("old-1", "old-2", "old-1", "old-2", "edited"), sink.texts());
        assertTrue(sink.lines().get(2).file.inode() != sink.lines().get(0).file.inode(), "a new identity");
    }

    @Test
    void aRealReusedInodeIsANewFile() throws Exception {
        Path file = logs.resolve("app.log");
        append(file, "first generation");
        start(
                options(dir.resolve("ckpt")),
                TailSource.builder("app")
                        .path(logs + "/*.log")
                        .fileTimeout(Duration.ofSeconds(5))
                        .sink(sink)
                        .build());
        await(() -> sink.size() == 1, () -> "1 line");
        long inode = sink.lines().get(0).file.inode();
        // inactivity closes the descriptor, so the inode can be reused
        awaitTicking(() -> tailer.status().openFiles() == 0, "closed after inactivity");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Files.delete(file);
        boolean reused = false;
        for (int i = 0; i < 500 && !reused; i++) {
            Path candidate = scratch.resolve("c" + i);
            Files.write(candidate, "second generation\n".getBytes(StandardCharsets.UTF_8));
            reused = (Long) Files.getAttribute(candidate, "unix:ino") == inode;
            if (reused) {
                Files.move(candidate, file);
            }
        }
        assumeTrue(reused, "the file system did not reuse the inode within 500 files");
        await(() -> sink.size() == 2, () -> "the new file read from 0, got " + sink.texts());
        assertEquals(Arrays.asList("first generation", "second generation"), sink.texts());
        assertEquals(inode, sink.lines().get(1).file.inode());
    }

    @Test
    void inactiveFilesAreClosedAndReopenedWhenWritten() throws Exception {
        Path file = logs.resolve("app.log");
        append(file, "1");
        start(
                options(dir.resolve("ckpt")),
                TailSource.builder("app")
                        .path(logs + "/*.log")
                        .fileTimeout(Duration.ofSeconds(30))
                        .sink(sink)
                        .build());
        await(() -> sink.size() == 1, () -> "1 line");
        awaitTicking(() -> sink.closed(file), "closed after inactivity");
        TailerStatus closed = tailer.status();
        assertEquals(0, closed.openFiles());
        assertEquals(FileStatus.State.CLOSED_IDLE, closed.file("app.log").get().state());
        append(file, "2");
        await(() -> sink.size() == 2, () -> "reopened");
        assertEquals(Arrays.asList("1", "2"), sink.texts());
        assertEquals(
                FileStatus.State.ACTIVE, tailer.status().file("app.log").get().state());
    }

    @Test
    void aFileRotatedWhileTheTailerWasStoppedIsDrainedAfterRestart() throws Exception {
        Path file = logs.resolve("app.log");
        append(file, "1", "2");
        start();
        await(() -> sink.size() == 2, () -> "2 lines");
        await(() -> tailer.status().file("app.log").get().committedOffset() == 4, () -> "committed");
        assertTrue(tailer.stop(Duration.ofSeconds(5)));
        append(file, "3", "4");
        Files.move(file, logs.resolve("app.log.1"));
        append(file, "new");
        RecordingSink second = new RecordingSink();
        tailer = tailer(options(dir.resolve("ckpt")).build(), clock, source("app", logs + "/*.log", second));
        tailer.start();
        await(() -> second.size() == 3, () -> "3 lines, got " + second.texts());
        assertEquals(Arrays.asList("3", "4"), second.textsOf("app.log.1"));
        assertEquals(Arrays.asList("new"), second.textsOf("app.log"));
        Map<String, Object> unused = Collections.emptyMap();
        assertTrue(unused.isEmpty());
    }

    /**
     * A file stopped (or killed) while it was being drained under its rotated name: the checkpoint records that name,
     * which no rule matches, so the file's source must come from the entry itself. Before the fix the entry was kept
     * but the file was never read again: the lines after its committed offset were lost.
     */
    @Test
    void aFileStoppedWhileDrainingUnderItsRotatedNameIsDrainedAfterRestart() throws Exception {
        Path file = logs.resolve("app.log");
        Path rotated = logs.resolve("app.log.1");
        append(file, "1", "2");
        start();
        await(() -> sink.size() == 2, () -> "2 lines");
        Files.move(file, rotated);
        append(file, "new");
        await(
                () -> tailer.status().file("app.log.1").isPresent()
                        && tailer.status().file("app.log.1").get().state() == FileStatus.State.ROTATED_DRAINING
                        && tailer.status().file("app.log.1").get().committedOffset() == 4,
                () -> "app.log.1 draining with its 2 lines committed; status "
                        + tailer.status().files());
        await(() -> sink.texts().contains("new"), () -> "the new app.log read");
        assertTrue(tailer.stop(Duration.ofSeconds(5)));
        append(rotated, "3", "4"); // unread at the stop: late writes, or chunks not acknowledged before a crash
        RecordingSink second = new RecordingSink();
        tailer = tailer(options(dir.resolve("ckpt")).build(), clock, source("app", logs + "/*.log", second));
        tailer.start();
        await(() -> second.size() == 2, () -> "2 lines, got " + second.texts());
        assertEquals(Arrays.asList("3", "4"), second.textsOf("app.log.1"));
        assertEquals(
                FileStatus.State.ROTATED_DRAINING,
                tailer.status().file("app.log.1").get().state());
    }
    /**
     * Issue #12 item 5: a followed file deleted and replaced by a directory of the same name is released; before the
     * fix {@code FileTable.seen} returned on the directory and the old file stayed open and ACTIVE (when the delete
     * event was handled after the directory was made, which is the usual order).
     */
    @Test
    void aFollowedFileReplacedByADirectoryIsReleased() throws Exception {
        Path file = logs.resolve("app.log");
        append(file, "1");
        start(options(dir.resolve("ckpt")).rescanInterval(Duration.ofSeconds(1)), source("app", logs + "/*.log", sink));
        await(() -> sink.size() == 1, () -> "1 line");
        Files.delete(file);
        Files.createDirectory(file);
        awaitTicking(
                () -> !tailer.status().file("app.log").isPresent()
                        && tailer.status().openFiles() == 0
                        && sink.closed(file),
                "the replaced file released: " + tailer.status());
    }

    /**
     * Issue #12 item 5, deterministically: the followed path is a link atomically switched to a directory, so no
     * delete event comes and only the rescan sees that the path is no file any more. Before the fix the file stayed
     * open and ACTIVE through every rescan.
     */
    @Test
    void aFollowedLinkSwitchedToADirectoryReleasesTheFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path real = data.resolve("real.txt");
        append(real, "1");
        Path link = logs.resolve("app.log");
        Files.createSymbolicLink(link, real);
        start(
                options(dir.resolve("ckpt"))
                        .rescanInterval(Duration.ofSeconds(1))
                        .rotationQuietPeriod(Duration.ofSeconds(2)),
                source("app", logs + "/*.log", sink));
        await(() -> sink.size() == 1, () -> "1 line");
        Path tmp = logs.resolve("tmp-link");
        Files.createSymbolicLink(tmp, Files.createDirectories(data.resolve("a-directory")));
        Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        awaitTicking(
                () -> tailer.status().files().isEmpty() && tailer.status().openFiles() == 0,
                "the file behind the switched link released: " + tailer.status());
        assertEquals(Arrays.asList("1"), sink.texts());
    }
}
