package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The open-file cap: files wait for a descriptor, in order, and are read (or counted lost) whatever happens meanwhile. */
class TailerOpenFileCapTest extends FakeClockTailerTest {
    private boolean waitsForADescriptor(String name) {
        return tailer.status().file(name).flatMap(FileStatus::problem).isPresent();
    }

    @Test
    void theOpenFileCapClosesTheLeastRecentlyActiveAndReopensByIdentity() throws Exception {
        for (int i = 0; i < 5; i++) {
            append(logs.resolve("f" + i + ".log"), "f" + i + "-a");
        }
        start(options(dir.resolve("ckpt")).maxOpenFiles(2), source("app", logs + "/*.log", sink));
        await(() -> sink.size() == 5, () -> "5 lines, got " + sink.texts());
        assertTrue(tailer.status().openFiles() <= 2);
        for (int i = 0; i < 5; i++) {
            append(logs.resolve("f" + i + ".log"), "f" + i + "-b");
        }
        await(() -> sink.size() == 10, () -> "10 lines, got " + sink.texts());
        for (int i = 0; i < 5; i++) {
            assertEquals(Arrays.asList("f" + i + "-a", "f" + i + "-b"), sink.textsOf("f" + i + ".log"));
        }
        TailerStatus status = tailer.status();
        assertTrue(status.openFiles() <= 2, status.toString());
        assertEquals(5, status.files().size());
    }

    /**
     * Issue #12 item 1(a): at the open-file cap a new file waits for a descriptor, in status, instead of being given
     * up; renamed to a name no rule matches while it waits, it is found by identity and still read. Before the fix
     * {@code FileTable.track} gave up at the cap and the renamed file was never read.
     */
    @Test
    void aFileWaitingForADescriptorIsReadEvenWhenRenamedMeanwhile() throws Exception {
        Path busy = logs.resolve("busy.log");
        append(busy, "busy-1");
        RecordingSink blocking = new RecordingSink().block();
        try {
            start(options(dir.resolve("ckpt")).maxOpenFiles(1), source("app", logs + "/*.log", blocking));
            await(() -> blocking.accepts() == 0 && tailer.status().openFiles() == 1, () -> "busy.log open");
            Path file = logs.resolve("app.log");
            append(file, "waited-1", "waited-2");
            await(
                    () -> waitsForADescriptor("app.log"),
                    () -> "app.log waiting for a descriptor, in status: " + tailer.status());
            String problem = tailer.status().file("app.log").get().problem().get();
            assertTrue(problem.contains("maxOpenFiles"), problem);
            Files.move(file, logs.resolve("app.log.1")); // rotated while it waits
            await(
                    () -> tailer.status().file("app.log.1").isPresent(),
                    () -> "the waiting file followed to its new name: " + tailer.status());
            blocking.unblock();
            await(() -> blocking.size() == 3, () -> "3 lines, got " + blocking.texts());
            assertEquals(Arrays.asList("waited-1", "waited-2"), blocking.textsOf("app.log.1"));
            assertTrue(tailer.status().openFiles() <= 1);
            assertEquals(0, tailer.status().lostFiles());
        } finally {
            blocking.unblock();
        }
    }

    /**
     * The cap must not let one file keep its descriptor while others wait: here the only descriptor is held by a file
     * whose sink refused its chunk, so it has more to read but waits for its retry backoff (on a clock that does not
     * move). It gives the descriptor up to the waiting file and queues again.
     */
    @Test
    void aFileWithMoreToReadGivesItsDescriptorToAWaitingFile() throws Exception {
        append(logs.resolve("hot.log"), "hot-1");
        sink.failNext(1);
        start(options(dir.resolve("ckpt")).maxOpenFiles(1), source("app", logs + "/*.log", sink));
        await(() -> sink.accepts() == 1, () -> "hot.log read once, refused");
        append(logs.resolve("cold.log"), "cold-1");
        await(() -> sink.texts().contains("cold-1"), () -> "cold.log read while hot.log waits: " + tailer.status());
        assertTrue(tailer.status().openFiles() <= 1);
        awaitTicking(() -> sink.texts().contains("hot-1"), "hot.log read after its backoff");
        assertEquals(Arrays.asList("hot-1"), sink.textsOf("hot.log"));
        assertEquals(Arrays.asList("cold-1"), sink.textsOf("cold.log"));
    }

    /**
     * A file that waited for a descriptor, was renamed to a name no rule matches (and so queued to be read there) and
     * deleted before it could be opened is counted lost once. Before the read scheduling had one state per file, the
     * table forgot the file but left it in the read queue: it was opened again when its turn came, found gone, and
     * counted lost a second time. The only reader is held in the sink meanwhile, so the queue is not served.
     */
    @Test
    void aFileLostWhileQueuedToBeReadIsCountedOnce() throws Exception {
        append(logs.resolve("b.log"), "b-1");
        RecordingSink blocking = new RecordingSink().block();
        try {
            start(options(dir.resolve("ckpt")).maxOpenFiles(2), source("app", logs + "/*.log", blocking));
            await(() -> tailer.status().openFiles() == 1, () -> "b.log open, its read held in the sink");
            append(logs.resolve("d.log"), "d-1");
            await(
                    () -> tailer.status().openFiles() == 2
                            && tailer.status().file("d.log").isPresent(),
                    () -> "d.log open and queued behind the held read: " + tailer.status());
            Path a = logs.resolve("a.log");
            append(a, "a-1");
            await(() -> waitsForADescriptor("a.log"), () -> "a.log waiting for a descriptor: " + tailer.status());
            Files.move(a, logs.resolve("a.log.1"));
            await(
                    () -> tailer.status().file("a.log.1").isPresent(),
                    () -> "a.log followed to its new name: " + tailer.status());
            Files.delete(logs.resolve("a.log.1"));
            await(() -> tailer.status().lostFiles() == 1, () -> "a.log.1 lost: " + tailer.status());
            append(logs.resolve("e.log"), "e-1");
            await(() -> waitsForADescriptor("e.log"), () -> "e.log waiting for a descriptor: " + tailer.status());
            blocking.unblock();
            // e.log is queued after a.log.1 was: once its line arrives, a.log.1's turn has come and gone
            await(() -> blocking.texts().contains("e-1"), () -> "e.log read, got " + blocking.texts());
            assertEquals(1, tailer.status().lostFiles(), tailer.status().toString());
            assertEquals(Arrays.asList("b-1", "d-1", "e-1"), blocking.texts());
        } finally {
            blocking.unblock();
        }
    }
}
