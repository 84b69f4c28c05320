package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.awaitTicking;
import static io.clssdk.tailer.TailerTesting.numbered;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.internal.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LineChunk#retryLater} on a fake clock: the file is held at its committed offset and not read further, rewound
 * once its chunks have settled, probed with one chunk after a backoff, and read at full speed once a probe is
 * acknowledged. Every line ends up acknowledged; only lines at or after the committed offset are offered twice.
 */
class TailerRetryLaterTest {
    private static final Duration STEP = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    void aFileWhoseDeliveryFailsIsHeldRewoundProbedAndThenReadToTheEnd() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path file = logs.resolve("app.log");
        List<String> first = numbered("first line number ", 0, 400);
        append(file, first.toArray(new String[0]));
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink(RecordingSink.Ack.MANUAL);
        try (Tailer t = tailer(options(dir.resolve("c")).build(), clock, source("app", logs + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == first.size(), () -> "all first lines, got " + sink.size());
            List<LineChunk> chunks = new ArrayList<>(sink.held());
            assertTrue(chunks.size() >= 3, "several chunks: " + chunks.size());
            sink.held().clear();
            chunks.get(0).acknowledge();
            long committed = chunks.get(0).endOffset();
            chunks.get(1).retryLater("endpoint down");
            FileStatus held = awaitStatus(t, s -> s.deliveryFailingSince().isPresent(), "the file held");
            assertEquals("endpoint down", held.lastDeliveryError().orElse(null));
            assertTrue(held.unsentBytes() > 0, held.toString());
            assertEquals(1, t.status().heldFiles());

            // the rewind waits for the chunks still outstanding; meanwhile new lines are not read
            List<String> second = numbered("second line number ", 0, 100);
            append(file, second.toArray(new String[0]));
            clock.advance(Duration.ofSeconds(5));
            t.status();
            await(TailerTesting::readersIdle, () -> "readers idle");
            assertEquals(first.size(), sink.size(), "nothing read while held");
            assertEquals(0, sink.rewoundFiles().size(), "no rewind before every chunk settled");
            for (int i = 2; i < chunks.size(); i++) {
                chunks.get(i).acknowledge(); // acknowledged after the failed one: read again anyway
            }
            await(() -> sink.rewoundFiles().size() == 1, () -> "one rewind");
            assertEquals(committed, t.status().file("app.log").get().committedOffset());

            // after the backoff: exactly one probe chunk, starting at the committed offset; then nothing more
            awaitTicking(clock, STEP, () -> sink.held().size() == 1, () -> "one probe chunk");
            LineChunk probe = sink.held().get(0);
            assertEquals(committed, probe.startOffset());
            clock.advance(Duration.ofSeconds(40));
            t.status();
            await(TailerTesting::readersIdle, () -> "readers idle");
            assertEquals(1, sink.held().size(), "no read beyond the probe while it is outstanding");

            // a failed probe: rewound again, probed again from the same offset
            sink.held().clear();
            probe.retryLater("still down");
            await(() -> sink.rewoundFiles().size() == 2, () -> "a second rewind");
            assertEquals(
                    "still down",
                    t.status().file("app.log").get().lastDeliveryError().orElse(null));
            awaitTicking(clock, STEP, () -> sink.held().size() == 1, () -> "a second probe");
            assertEquals(committed, sink.held().get(0).startOffset());

            // an acknowledged probe: full speed, everything read and acknowledged
            sink.held().remove(0).acknowledge();
            long size = Files.size(file);
            awaitTicking(
                    clock,
                    STEP,
                    () -> {
                        sink.ackAllReversed();
                        return t.status().file("app.log").get().committedOffset() == size;
                    },
                    () -> "everything committed: " + t.status());
            FileStatus after = t.status().file("app.log").get();
            assertFalse(after.deliveryFailingSince().isPresent(), after.toString());
            assertFalse(after.lastDeliveryError().isPresent(), after.toString());
            assertEquals(0, after.unsentBytes());
            assertEquals(0, t.status().heldFiles());

            Set<String> all = new HashSet<>(first);
            all.addAll(second);
            assertEquals(all, new HashSet<>(sink.texts()), "every line offered");
            for (RecordingSink.Line l : sink.lines().subList(first.size(), sink.size())) {
                assertTrue(l.offset >= committed, "offered again only after the committed offset: " + l);
            }
        }
    }

    @Test
    void aFailureOfOneFileDoesNotStopAnother() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        append(logs.resolve("a.log"), numbered("a", 0, 50).toArray(new String[0]));
        append(logs.resolve("b.log"), numbered("b", 0, 50).toArray(new String[0]));
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink(RecordingSink.Ack.MANUAL);
        try (Tailer t = tailer(options(dir.resolve("c")).build(), clock, source("app", logs + "/*.log", sink))) {
            t.start();
            await(() -> sink.size() == 100, () -> "100 lines, got " + sink.size());
            for (LineChunk c : new ArrayList<>(sink.held())) {
                if (c.file().path().endsWith("a.log")) {
                    c.retryLater("down");
                } else {
                    c.acknowledge();
                }
            }
            sink.held().clear();
            awaitStatus(
                    t,
                    s -> s.file().path().endsWith("a.log")
                            && s.deliveryFailingSince().isPresent(),
                    "a held");
            append(logs.resolve("b.log"), numbered("b", 50, 60).toArray(new String[0]));
            await(() -> sink.textsOf("b.log").size() == 60, () -> "b read on while a is held");
            assertFalse(t.status().file("b.log").get().deliveryFailingSince().isPresent());
        }
    }

    private static FileStatus awaitStatus(Tailer t, java.util.function.Predicate<FileStatus> p, String what) {
        FileStatus[] found = new FileStatus[1];
        await(
                () -> {
                    for (FileStatus s : t.status().files()) {
                        if (p.test(s)) {
                            found[0] = s;
                            return true;
                        }
                    }
                    return false;
                },
                () -> what + ": " + t.status());
        return found[0];
    }
}
