package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.checkpointOffsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A tailer killed with SIGKILL during a delivery outage, with {@link TailerCrashTest}'s child process and checks. */
class TailerOutageCrashTest {
    @TempDir
    Path dir;

    /**
     * Issue 14: delivery fails (the child's sink declares every chunk {@link LineChunk#retryLater}) and the tailer is
     * killed with SIGKILL during the outage; after a restart with delivery working, every line is delivered, and the
     * only lines delivered twice lie at or beyond their file's checkpointed offset at the kill.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killedDuringADeliveryOutageLosesNothing() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path ckpt = dir.resolve("ckpt");
        Path out = dir.resolve("out.txt");
        Path down = dir.resolve("down");
        Files.createFile(out);
        Set<String> written = new HashSet<>();
        for (String name : new String[] {"a", "b", "c"}) {
            written.addAll(writeLines(logs.resolve(name + ".log"), name + " before ", 2000));
        }
        Process child = TailerCrashTest.startChild(logs, ckpt, out, 0, down);
        try {
            Await.until("the first lines delivered", () -> size(out) > 0);
            Files.createFile(down); // the outage begins
            for (String name : new String[] {"a", "b", "c"}) {
                written.addAll(writeLines(logs.resolve(name + ".log"), name + " during ", 2000));
            }
            Path retries = dir.resolve("out.txt.retries");
            Await.until("the child to see the outage", () -> size(retries) > 0);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
        }
        List<Long> sizeAtKill = Collections.singletonList(TailerCrashTest.dropTornTail(out));
        List<Map<String, Long>> ckptAtKill = Collections.singletonList(checkpointOffsets(ckpt));
        Files.delete(down); // the outage ends
        Process restarted = TailerCrashTest.startChild(logs, ckpt, out, 1, down);
        try {
            Await.until("every line delivered after the restart", () -> {
                try {
                    return TailerCrashTest.missing(written, out).isEmpty();
                } catch (IOException e) {
                    return false;
                }
            });
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
        TailerCrashTest.dropTornTail(out);
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
        int duplicates =
                TailerCrashTest.checkDuplicates(records, sizeAtKill, ckptAtKill, TailerCrashTest.filesByKey(logs));
        assertEquals(written.size() + duplicates, records.size(), "each record is a written line or a duplicate");
    }

    private static List<String> writeLines(Path file, String prefix, int count) throws IOException {
        List<String> lines = TailerTesting.numbered(prefix, 0, count);
        TailerTesting.append(file, lines.toArray(new String[0]));
        return lines;
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
