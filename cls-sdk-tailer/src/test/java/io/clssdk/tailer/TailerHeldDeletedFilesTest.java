package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.numbered;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleted files are kept open while their lines are not delivered, up to {@link TailerOptions#maxHeldDeletedFiles()}:
 * beyond it the file deleted first is released and exactly its undelivered bytes are counted lost.
 */
class TailerHeldDeletedFilesTest {
    @TempDir
    Path dir;

    @Test
    void beyondTheBoundTheFirstDeletedFileIsReleasedAndCountedLost() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        String[] names = {"a.log", "b.log", "c.log"};
        long[] sizes = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            append(
                    logs.resolve(names[i]),
                    numbered(names[i] + " line ", 0, 50 + 10 * i).toArray(new String[0]));
            sizes[i] = Files.size(logs.resolve(names[i]));
        }
        RecordingSink sink = new RecordingSink(RecordingSink.Ack.MANUAL);
        TailerOptions opts = options(dir.resolve("c")).maxHeldDeletedFiles(2).build();
        try (Tailer t = tailer(opts, null, source("app", logs + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == 50 + 60 + 70, () -> "every line read once, got " + sink.size());
            for (String name : names) {
                Files.delete(logs.resolve(name));
                await(
                        () -> t.status()
                                .file(name)
                                .map(s -> s.state() == FileStatus.State.DELETED_DRAINING)
                                .orElse(false),
                        () -> name + " seen deleted: " + t.status());
            }
            await(() -> t.status().lostFiles() == 1, () -> "one file released: " + t.status());
            TailerStatus s = t.status();
            assertEquals(sizes[0], s.lostBytes(), "exactly a.log's undelivered bytes: " + s);
            assertTrue(!s.file("a.log").isPresent(), "a.log, deleted first, is released: " + s);
            assertEquals(sizes[1] + sizes[2], s.unsentBytes(), s.toString());

            // the two kept files are delivered in full, then released; nothing more is lost
            List<LineChunk> chunks = new ArrayList<>(sink.held());
            sink.held().clear();
            for (LineChunk c : chunks) {
                c.acknowledge();
            }
            await(() -> t.status().files().isEmpty(), () -> "b and c released once delivered: " + t.status());
            assertEquals(1, t.status().lostFiles());
            assertEquals(sizes[0], t.status().lostBytes());
            Set<String> delivered = new HashSet<>(sink.textsOf("b.log"));
            delivered.addAll(sink.textsOf("c.log"));
            assertEquals(60 + 70, delivered.size());
        }
    }

    @Test
    void theBoundsAreValidated() {
        IllegalArgumentException files = assertThrows(
                IllegalArgumentException.class,
                () -> TailerOptions.builder(dir).maxHeldDeletedFiles(-1).build());
        assertTrue(files.getMessage().contains("maxHeldDeletedFiles"), files.getMessage());
        IllegalArgumentException bytes = assertThrows(
                IllegalArgumentException.class,
                () -> TailerOptions.builder(dir)
                        .maxHeldDeletedBytes((1L << 40) + 1)
                        .build());
        assertTrue(bytes.getMessage().contains("maxHeldDeletedBytes"), bytes.getMessage());
        assertEquals(100, TailerOptions.builder(dir).build().maxHeldDeletedFiles());
        assertEquals(1L << 30, TailerOptions.builder(dir).build().maxHeldDeletedBytes());
    }
}
