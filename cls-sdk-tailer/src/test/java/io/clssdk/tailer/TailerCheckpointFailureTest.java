package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.awaitTicking;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clssdk.core.testing.internal.FakeClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint directory that stops working while the tailer runs: failed writes are logged at once and then at most
 * once a minute, shown in {@link TailerStatus#checkpointProblem()} and retried until one succeeds; a deleted directory
 * is re-created with its lock; a directory another tailer took meanwhile stops checkpointing for good. The tailers run
 * on a fake clock, so checkpoint ticks happen only when the test advances it.
 */
class TailerCheckpointFailureTest {
    private static final Duration TICK = Duration.ofMillis(50); // TailerTesting.options' checkpoint interval
    private static final Pattern ATTEMPTS = Pattern.compile("\\((\\d+) attempts");

    @TempDir
    Path dir;

    private Path logs() throws IOException {
        return Files.createDirectories(dir.resolve("logs"));
    }

    @Test
    void aFailingWriteIsLoggedOnceShownInStatusRetriedAndClearedWhenAWriteSucceeds() throws Exception {
        Path file = logs().resolve("app.log");
        append(file, "l1");
        Path ckpt = dir.resolve("ckpt");
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink();
        try (LogCapture log = new LogCapture();
                Tailer t = tailer(options(ckpt).build(), clock, source("app", logs() + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == 1, () -> "l1");
            awaitTicking(clock, TICK, () -> checkpointed(ckpt, "app.log") == 3, () -> "l1 checkpointed");
            // The temporary file cannot be created where a directory is: every write fails while the directory and its
            // lock stay intact. Unlike permissions, this stops root too.
            Path blocker = Files.createDirectory(ckpt.resolve("checkpoints.json.tmp"));
            append(file, "l2");
            await(() -> sink.size() == 2, () -> "l2");
            awaitTicking(clock, TICK, () -> attempts(t) >= 3, () -> "3 failed attempts in " + problem(t));

            assertTrue(
                    problem(t).get().contains(ckpt.resolve("checkpoints.json").toString()),
                    problem(t).get());
            String warned = "cannot write checkpoint " + ckpt;
            assertEquals(1, log.lines("WARN", warned).size(), "warned at the first failure only: " + log.lines(warned));
            assertEquals(3, checkpointed(ckpt, "app.log"), "the last checkpoint written is intact");

            clock.advance(Duration.ofSeconds(61));
            String still = "checkpoint " + ckpt.resolve("checkpoints.json") + " still cannot be written";
            awaitTicking(clock, TICK, () -> log.lines("WARN", still).size() == 1, () -> "a reminder after a minute");
            assertEquals(1, log.lines("WARN", warned).size());

            Files.delete(blocker);
            awaitTicking(clock, TICK, () -> !problem(t).isPresent(), () -> "the problem cleared: " + problem(t));
            assertEquals(6, checkpointed(ckpt, "app.log"), "l2 checkpointed once writes succeed");
            assertEquals(
                    1, log.lines("INFO", ckpt.toString(), "written again after").size());
            assertEquals(1, log.lines("WARN", still).size(), "no reminder once it works");
        }
    }

    @Test
    void aDeletedCheckpointDirectoryIsRecreatedWithItsLock() throws Exception {
        append(logs().resolve("app.log"), "l1");
        Path ckpt = dir.resolve("ckpt");
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink();
        try (LogCapture log = new LogCapture();
                Tailer t = tailer(options(ckpt).build(), clock, source("app", logs() + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == 1, () -> "l1");
            awaitTicking(clock, TICK, () -> checkpointed(ckpt, "app.log") == 3, () -> "l1 checkpointed");

            deleteTree(ckpt);
            awaitTicking(clock, TICK, () -> checkpointed(ckpt, "app.log") == 3, () -> "the checkpoint written again");
            assertEquals(Optional.empty(), problem(t));
            assertEquals(
                    1,
                    log.lines("WARN", ckpt.toString(), "re-created it and took the lock again")
                            .size());
            assertSecondTailerRejected(ckpt);
        }
    }

    @Test
    void aDirectoryReplacedByAFileIsReportedUntilItCanBeRecreated() throws Exception {
        append(logs().resolve("app.log"), "l1");
        Path ckpt = dir.resolve("ckpt");
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink();
        try (LogCapture log = new LogCapture();
                Tailer t = tailer(options(ckpt).build(), clock, source("app", logs() + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == 1, () -> "l1");
            awaitTicking(clock, TICK, () -> checkpointed(ckpt, "app.log") == 3, () -> "l1 checkpointed");

            deleteTree(ckpt);
            Files.write(ckpt, new byte[] {'x'});
            awaitTicking(clock, TICK, () -> attempts(t) >= 2, () -> "2 failed attempts in " + problem(t));
            assertTrue(
                    problem(t).get().contains("cannot be re-created"),
                    problem(t).get());
            assertEquals(1, log.lines("WARN", "cannot write checkpoint " + ckpt).size());

            Files.delete(ckpt);
            awaitTicking(clock, TICK, () -> !problem(t).isPresent(), () -> "the problem cleared: " + problem(t));
            assertEquals(3, checkpointed(ckpt, "app.log"));
            assertSecondTailerRejected(ckpt);
        }
    }

    /** Where permissions stop writes (not as root): a read-only directory is reported until it is writable again. */
    @Test
    void aReadOnlyDirectoryIsReportedUntilItIsWritableAgain() throws Exception {
        append(logs().resolve("app.log"), "l1");
        Path ckpt = dir.resolve("ckpt");
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink();
        try (LogCapture log = new LogCapture();
                Tailer t = tailer(options(ckpt).build(), clock, source("app", logs() + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == 1, () -> "l1");
            awaitTicking(clock, TICK, () -> checkpointed(ckpt, "app.log") == 3, () -> "l1 checkpointed");
            Files.setPosixFilePermissions(ckpt, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                assumeFalse(writable(ckpt), "permissions do not stop this user (root): see the tests above");
                append(logs().resolve("app.log"), "l2");
                await(() -> sink.size() == 2, () -> "l2");
                awaitTicking(clock, TICK, () -> attempts(t) >= 2, () -> "2 failed attempts in " + problem(t));
                assertTrue(
                        problem(t).get().contains("AccessDeniedException"),
                        problem(t).get());
                assertEquals(
                        1, log.lines("WARN", "cannot write checkpoint " + ckpt).size());
            } finally {
                Files.setPosixFilePermissions(ckpt, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            awaitTicking(clock, TICK, () -> !problem(t).isPresent(), () -> "the problem cleared: " + problem(t));
            assertEquals(6, checkpointed(ckpt, "app.log"));
        }
    }

    /**
     * The directory is deleted and a second tailer starts there before the first re-creates it. The first must not
     * write into the second's checkpoint: it stops checkpointing, says so in its status and log, and keeps collecting.
     */
    @Test
    void aDirectoryTakenByAnotherTailerStopsCheckpointingLoudly() throws Exception {
        Path file = logs().resolve("app.log");
        append(file, "l1");
        Path otherLogs = Files.createDirectories(dir.resolve("other"));
        append(otherLogs.resolve("other.log"), "o1");
        Path ckpt = dir.resolve("ckpt");
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink();
        RecordingSink otherSink = new RecordingSink();
        try (LogCapture log = new LogCapture();
                Tailer t = tailer(options(ckpt).build(), clock, source("app", logs() + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == 1, () -> "l1");
            awaitTicking(clock, TICK, () -> checkpointed(ckpt, "app.log") == 3, () -> "l1 checkpointed");

            deleteTree(ckpt);
            try (Tailer other = tailer(options(ckpt).build(), null, source("other", otherLogs + "/*.log", otherSink))) {
                other.start();
                await(() -> checkpointed(ckpt, "other.log") == 3, () -> "the other tailer's checkpoint");
                awaitTicking(
                        clock,
                        TICK,
                        () -> problem(t)
                                .map(p -> p.contains("checkpointing stopped"))
                                .orElse(false),
                        () -> "checkpointing stopped in " + problem(t));
                assertTrue(
                        problem(t).get().contains("in use by another tailer"),
                        problem(t).get());
                assertEquals(
                        1,
                        log.lines("ERROR", "checkpointing stopped", ckpt.toString())
                                .size());

                append(file, "l2");
                await(() -> sink.size() == 2, () -> "still collecting");
                for (int i = 0; i < 5; i++) {
                    clock.advance(TICK);
                }
                t.status(); // the engine handled those ticks
                assertEquals(-1, checkpointed(ckpt, "app.log"), "nothing written into the other's directory");
                assertEquals(
                        1,
                        log.lines("ERROR", "checkpointing stopped", ckpt.toString())
                                .size(),
                        "said once");
                t.stop(Duration.ofSeconds(5));
                assertEquals(-1, checkpointed(ckpt, "app.log"), "no final checkpoint there either");
                assertEquals(
                        1,
                        log.lines("ERROR", "without writing the final checkpoint", ckpt.toString())
                                .size());
                assertEquals(3, checkpointed(ckpt, "other.log"));
            }
        }
    }

    private void assertSecondTailerRejected(Path ckpt) throws IOException {
        try (Tailer second =
                tailer(options(ckpt).build(), null, source("app", logs() + "/*.log", new RecordingSink()))) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, second::start);
            assertTrue(e.getMessage().contains("in use by another tailer"), e.getMessage());
        }
    }

    private static Optional<String> problem(Tailer t) {
        return t.status().checkpointProblem();
    }

    private static int attempts(Tailer t) {
        Matcher m = ATTEMPTS.matcher(problem(t).orElse(""));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The offset checkpointed for the file whose path ends with {@code name}, or -1 (no entry, no readable file). */
    private static long checkpointed(Path ckpt, String name) {
        try {
            JsonNode root =
                    new ObjectMapper().readTree(ckpt.resolve("checkpoints.json").toFile());
            for (JsonNode e : root.get("files")) {
                if (e.get("path").asText().endsWith("/" + name)) {
                    return e.get("offset").asLong();
                }
            }
        } catch (IOException e) {
            // not there (yet)
        }
        return -1;
    }

    private static boolean writable(Path dir) throws IOException {
        try {
            Files.delete(Files.createFile(dir.resolve("probe")));
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertFalse(Files.exists(root));
    }
}
