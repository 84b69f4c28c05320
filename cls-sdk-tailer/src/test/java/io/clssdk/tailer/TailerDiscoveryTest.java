package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.source;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.internal.FakeClock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding files: recursion, wildcard prefixes, depth, blacklists, symbolic links, overlapping sources, churn. */
class TailerDiscoveryTest {
    @TempDir
    Path dir;

    private Path logs;
    private FakeClock clock;
    private RecordingSink sink;
    private Tailer tailer;

    @BeforeEach
    void setUp() throws Exception {
        logs = Files.createDirectories(dir.resolve("logs"));
        clock = new FakeClock();
        sink = new RecordingSink();
    }

    @AfterEach
    void tearDown() {
        if (tailer != null) {
            tailer.close();
        }
    }

    private void start(TailSource... sources) {
        tailer = tailer(options(dir.resolve("ckpt")).build(), clock, sources);
        tailer.start();
    }

    /**
     * Before asserting that something was not read: waits until a rescan that began after the test's last write has
     * ended and every followed file is read to its end, so whatever the tailer would find and read of those writes it
     * has (moving the fake clock to start the rescan; these tests have no timers that it would upset).
     */
    private void awaitSettled() {
        DiscoveryStatus before = tailer.status().discovery();
        long target = before.scansCompleted() + (before.scanning() ? 2 : 1); // a pass under way may predate the writes
        TailerTesting.awaitTicking(
                clock,
                Duration.ofSeconds(10),
                () -> tailer.status().discovery().scansCompleted() >= target && everyFileReadToItsEnd(),
                () -> "a rescan after the last write, and every file read: " + tailer.status());
    }

    private boolean everyFileReadToItsEnd() {
        for (FileStatus f : tailer.status().files()) {
            try {
                if (f.readOffset() != Files.size(f.file().path())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    @Test
    void newSubdirectoriesOfARecursiveRuleArePickedUpAsTheyAppear() throws Exception {
        append(logs.resolve("top.log"), "top");
        start(source("app", logs + "/**/*.log", sink));
        await(() -> sink.size() == 1, () -> "1 line");
        Path deep = Files.createDirectories(logs.resolve("a/b/c"));
        append(deep.resolve("deep.log"), "deep");
        append(logs.resolve("a/b/c/ignored.txt"), "ignored");
        await(() -> sink.size() == 2, () -> "2 lines, got " + sink.texts());
        assertEquals(Arrays.asList("top", "deep"), sink.texts());
    }

    @Test
    void wildcardPrefixDirectoriesCreatedLaterArePickedUp() throws Exception {
        start(source("app", logs + "/svc-*/app/*.log", sink));
        Path svc = Files.createDirectories(logs.resolve("svc-1/app"));
        append(svc.resolve("x.log"), "from svc-1");
        Path other = Files.createDirectories(logs.resolve("other/app"));
        append(other.resolve("x.log"), "from other");
        Path svc2 = Files.createDirectories(logs.resolve("svc-2/app"));
        append(svc2.resolve("y.log"), "from svc-2");
        await(() -> sink.size() == 2, () -> "2 lines, got " + sink.texts());
        awaitSettled();
        assertEquals(new HashSet<>(Arrays.asList("from svc-1", "from svc-2")), new HashSet<>(sink.texts()));
    }

    @Test
    void maxDepthLimitsRecursion() throws Exception {
        append(Files.createDirectories(logs.resolve("a")).resolve("one.log"), "depth 1");
        append(Files.createDirectories(logs.resolve("a/b")).resolve("two.log"), "depth 2");
        append(logs.resolve("zero.log"), "depth 0");
        start(TailSource.builder("app")
                .path(logs + "/**/*.log")
                .maxDepth(1)
                .sink(sink)
                .build());
        await(() -> sink.size() == 2, () -> "2 lines");
        append(Files.createDirectories(logs.resolve("c/d")).resolve("late.log"), "late depth 2");
        append(logs.resolve("c/late.log"), "late depth 1");
        await(() -> sink.size() == 3, () -> "3 lines, got " + sink.texts());
        awaitSettled();
        assertEquals(new HashSet<>(Arrays.asList("depth 0", "depth 1", "late depth 1")), new HashSet<>(sink.texts()));
    }

    @Test
    void excludedFilesAndDirectoriesAreNeverOpened() throws Exception {
        Path archive = Files.createDirectories(logs.resolve("archive"));
        append(archive.resolve("old.log"), "archived");
        append(logs.resolve("debug-1.log"), "debug");
        append(logs.resolve("app.log"), "kept");
        start(TailSource.builder("app")
                .path(logs + "/**/*.log")
                .excludeFile(logs + "/debug-*.log")
                .excludePath(logs + "/arch*")
                .sink(sink)
                .build());
        await(() -> sink.size() == 1, () -> "1 line");
        append(archive.resolve("old.log"), "archived later");
        append(logs.resolve("debug-1.log"), "debug later");
        append(logs.resolve("app.log"), "kept later");
        await(() -> sink.size() == 2, () -> "2 lines");
        awaitSettled();
        assertEquals(Arrays.asList("kept", "kept later"), sink.texts());
        List<String> open = openPaths();
        assertFalse(open.contains(archive.resolve("old.log").toString()), open.toString());
        assertFalse(open.contains(logs.resolve("debug-1.log").toString()), open.toString());
        assertTrue(open.contains(logs.resolve("app.log").toString()), open.toString());
        assertEquals(1, tailer.status().files().size());
    }

    @Test
    void symbolicLinksAreFollowedAndLoopsDoNotRecurse() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        append(elsewhere.resolve("linked.log"), "through the link");
        Files.createSymbolicLink(logs.resolve("link"), elsewhere);
        Files.createSymbolicLink(logs.resolve("loop"), logs); // logs/loop/loop/... -> logs
        append(logs.resolve("app.log"), "direct");
        start(TailSource.builder("app")
                .path(logs + "/**/*.log")
                .maxDepth(50)
                .sink(sink)
                .build());
        await(() -> sink.size() == 2, () -> "2 lines");
        awaitSettled();
        assertEquals(new HashSet<>(Arrays.asList("through the link", "direct")), new HashSet<>(sink.texts()));
        assertEquals(2, tailer.status().files().size(), "each file once, whatever the paths to it");
    }

    @Test
    void aFileMatchedByTwoSourcesIsFollowedOnceByTheSourceAddedLast() throws Exception {
        append(logs.resolve("app.log"), "shared");
        append(logs.resolve("other.log"), "only first");
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        start(source("first", logs + "/*.log", first), source("second", logs + "/app.log", second));
        await(() -> first.size() == 1 && second.size() == 1, () -> "one line each");
        append(logs.resolve("app.log"), "shared later");
        await(() -> second.size() == 2, () -> "2 lines in the second source");
        awaitSettled();
        assertEquals(Arrays.asList("only first"), first.texts());
        assertEquals(Arrays.asList("shared", "shared later"), second.texts());
        assertEquals("second", second.lines().get(0).file.sourceName());
    }

    @Test
    void aLegacyRuleMatchesFileNamesByRegexInOneDirectory() throws Exception {
        append(logs.resolve("www.access.log"), "www");
        append(logs.resolve("api.access.log"), "api");
        append(logs.resolve("error.log"), "error");
        append(Files.createDirectories(logs.resolve("sub")).resolve("sub.access.log"), "not recursive");
        start(source("legacy", logs + "/.*\\.access\\.log", sink));
        await(() -> sink.size() == 2, () -> "2 lines");
        awaitSettled();
        assertEquals(new HashSet<>(Arrays.asList("www", "api")), new HashSet<>(sink.texts()));
    }

    @Test
    void twoHundredFilesChurningAreEachReadOnceAndDeletedOnesReleased() throws Exception {
        start(source("app", logs + "/*.log", sink));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 5; j++) {
                expected.add("f" + i + "-" + j);
            }
            append(logs.resolve("f" + i + ".log"), "f" + i + "-0", "f" + i + "-1", "f" + i + "-2");
        }
        await(() -> sink.size() == 600, () -> "600 lines, got " + sink.size());
        for (int i = 0; i < 200; i += 2) {
            Files.delete(logs.resolve("f" + i + ".log"));
        }
        for (int i = 1; i < 200; i += 2) {
            append(logs.resolve("f" + i + ".log"), "f" + i + "-3", "f" + i + "-4");
        }
        for (int i = 200; i < 300; i++) {
            append(logs.resolve("f" + i + ".log"), "g" + i);
            expected.add("g" + i);
        }
        for (int i = 0; i < 200; i += 2) {
            for (int j = 3; j < 5; j++) {
                expected.remove("f" + i + "-" + j);
            }
        }
        await(
                () -> {
                    clock.advance(Duration.ofSeconds(1)); // deleted files are polled and released per second
                    return sink.size() >= expected.size()
                            && tailer.status().files().size() == 200;
                },
                () -> expected.size() + " lines and 200 files, got " + sink.size() + " and "
                        + tailer.status().files().size());
        List<String> got = new ArrayList<>(sink.texts());
        assertEquals(expected.size(), got.size(), "no line twice");
        assertEquals(expected, new HashSet<>(got));
        assertEquals(200, tailer.status().openFiles());
    }

    /** Paths this process holds open (Linux). */
    private static List<String> openPaths() throws IOException {
        Path fds = Paths.get("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(fds)) {
            for (Path fd : s) {
                try {
                    out.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return out;
    }
}
