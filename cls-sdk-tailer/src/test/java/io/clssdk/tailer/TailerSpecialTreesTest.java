package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static io.clssdk.tailer.TailerTesting.awaitTicking;
import static io.clssdk.tailer.TailerTesting.options;
import static io.clssdk.tailer.TailerTesting.tailer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clssdk.core.testing.internal.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees that used to make discovery explode or spin: directories reachable through many symbolic-link paths, and
 * links into pseudo file systems ({@code /proc}, {@code /sys}, {@code /dev}). Asserts on the work discovery reports
 * (directories watched and listed), never on wall-clock time.
 */
class TailerSpecialTreesTest {
    private static final Duration RESCAN = Duration.ofSeconds(1);
    private static final int LINKS_PER_LEVEL = 4;

    @TempDir
    Path dir;

    private FakeClock clock;
    private RecordingSink sink;
    private Tailer tailer;
    private LogCapture log;

    @BeforeEach
    void setUp() throws Exception {
        clock = new FakeClock();
        sink = new RecordingSink();
        log = new LogCapture();
    }

    @AfterEach
    void tearDown() {
        if (tailer != null) {
            tailer.close();
        }
        log.close();
    }

    @Test
    void eachRealDirectoryOfAnEightLevelSymlinkTreeIsWalkedAndWatchedOnce() throws Exception {
        symlinkTreeIsWalkedOncePerRealDirectory(8, false);
    }

    /** The same with nine levels, walked entirely in the background (start() walks nothing itself). */
    @Test
    void aNineLevelSymlinkTreeWorksTooWhenWalkedInTheBackground() throws Exception {
        symlinkTreeIsWalkedOncePerRealDirectory(9, true);
    }

    /**
     * L0 … L{levels}, each level holding {@value #LINKS_PER_LEVEL} symbolic links to the next; one log file at the
     * bottom, reachable through 4^levels paths. Rule {@code L0/**}{@code /*.log}.
     */
    private void symlinkTreeIsWalkedOncePerRealDirectory(int levels, boolean background) throws Exception {
        for (int i = 0; i <= levels; i++) {
            Files.createDirectories(dir.resolve("L" + i));
        }
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < LINKS_PER_LEVEL; j++) {
                Files.createSymbolicLink(dir.resolve("L" + i).resolve("s" + j), dir.resolve("L" + (i + 1)));
            }
        }
        Path bottom = dir.resolve("L" + levels).resolve("app.log");
        append(bottom, "one", "two");
        Tailer.Builder b = Tailer.builder()
                .options(options(dir.resolve("ckpt")).rescanInterval(RESCAN).build())
                .source(TailSource.builder("app")
                        .path(dir.resolve("L0") + "/**/*.log")
                        .sink(sink)
                        .build())
                .clock(clock);
        if (background) {
            b.startScanBudget(0);
        }
        tailer = b.build();
        clock.onAdvance(tailer::wake);
        startReturns(tailer);
        await(() -> sink.size() == 2, () -> "2 lines, got " + sink.texts());
        await(() -> tailer.status().discovery().scansCompleted() >= 1, () -> "the start-up scan to finish");

        TailerStatus status = tailer.status();
        int realDirectories = levels + 1;
        assertEquals(realDirectories, status.discovery().watchedDirectories(), status.toString());
        assertEquals(1, status.files().size(), status.toString());
        Path reported = status.files().get(0).file().path();

        long scans = status.discovery().scansCompleted();
        long listed = status.discovery().directoriesListed();
        awaitTicking(
                clock,
                RESCAN,
                () -> tailer.status().discovery().scansCompleted() >= scans + 3,
                () -> "3 more rescans: " + tailer.status().discovery());
        append(bottom, "three");
        await(() -> sink.size() == 3, () -> "3 lines, got " + sink.texts());

        TailerStatus after = tailer.status();
        long rescans = after.discovery().scansCompleted() - scans;
        assertEquals(
                rescans * realDirectories,
                after.discovery().directoriesListed() - listed,
                "a rescan lists each real directory once: " + after.discovery());
        assertEquals(realDirectories, after.discovery().watchedDirectories(), after.toString());
        assertEquals(Arrays.asList("one", "two", "three"), sink.texts(), "each line once");
        assertEquals(1, after.files().size(), after.toString());
        assertEquals(reported, after.files().get(0).file().path(), "the file keeps the path it was first found by");
        assertEquals(reported, sink.lines().get(2).file.path());
        assertEquals(Collections.emptyList(), log.lines(dir.toString(), "renamed"), "no renames between aliases");
    }

    @Test
    void aFileReachedThroughALinkNextToItIsReportedUnderItsOwnName() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path app = logs.resolve("app-1.log");
        append(app, "one");
        Files.createSymbolicLink(logs.resolve("current.log"), app);
        tailer = tailer(
                options(dir.resolve("ckpt")).rescanInterval(RESCAN).build(),
                clock,
                TailerTesting.source("app", logs + "/*.log", sink));
        startReturns(tailer);
        await(() -> sink.size() == 1, () -> "1 line");
        awaitTicking(
                clock,
                RESCAN,
                () -> tailer.status().discovery().scansCompleted() >= 3,
                () -> "3 scans: " + tailer.status().discovery());
        append(app, "two");
        await(() -> sink.size() == 2, () -> "2 lines, got " + sink.texts());
        TailerStatus status = tailer.status();
        assertEquals(Arrays.asList("one", "two"), sink.texts());
        assertEquals(1, status.files().size(), status.toString());
        assertEquals(app, status.files().get(0).file().path(), status.toString());
        assertEquals(app, sink.lines().get(1).file.path());
        assertEquals(Collections.emptyList(), log.lines(dir.toString(), "renamed"), "no renames between aliases");
    }

    @Test
    void aLinkToAProcFileShipsNothing() throws Exception {
        Path version = Paths.get("/proc/version");
        assumeTrue(Files.isReadable(version) && Files.size(version) == 0, "needs Linux procfs");
        Path d = Files.createDirectories(dir.resolve("d"));
        Files.createSymbolicLink(d.resolve("v.log"), version);
        append(d.resolve("real.log"), "real");
        tailer = tailer(
                options(dir.resolve("ckpt")).rescanInterval(RESCAN).build(),
                clock,
                TailerTesting.source("app", d + "/*.log", sink));
        startReturns(tailer);
        await(() -> tailer.status().discovery().scansCompleted() >= 1, () -> "the start-up scan to finish");
        awaitTicking(
                clock,
                RESCAN,
                () -> tailer.status().discovery().scansCompleted() >= 5,
                () -> "5 scans: " + tailer.status().discovery());
        append(d.resolve("real.log"), "after the rescans");
        await(() -> sink.size() >= 2, () -> "the real file's 2 lines, got " + sink.size());
        TailerStatus status = tailer.status();
        assertEquals(Arrays.asList("real", "after the rescans"), sink.texts(), "nothing from /proc/version");
        assertEquals(1, status.files().size(), status.toString());
        assertTrue(status.file("real.log").isPresent(), status.toString());
        assertEquals(
                1,
                log.lines("WARN", d.resolve("v.log").toString(), "/proc/version", "pseudo file system")
                        .size(),
                "one warning naming the path and why, however many scans");
    }

    @Test
    void aWalkDoesNotEnterLinksToPseudoFileSystems() throws Exception {
        assumeTrue(Files.isDirectory(Paths.get("/proc/self")), "needs Linux procfs");
        Path t = Files.createDirectories(dir.resolve("t"));
        for (String special : new String[] {"/proc", "/sys", "/dev"}) {
            if (Files.isDirectory(Paths.get(special))) {
                Files.createSymbolicLink(t.resolve(special.substring(1)), Paths.get(special));
            }
        }
        append(t.resolve("a.zzz"), "found");
        tailer = tailer(
                options(dir.resolve("ckpt")).build(),
                clock,
                TailSource.builder("app")
                        .path(t + "/**/*.zzz")
                        .maxDepth(2)
                        .sink(sink)
                        .build());
        startReturns(tailer);
        await(() -> sink.size() == 1, () -> "1 line");
        await(() -> tailer.status().discovery().scansCompleted() >= 1, () -> "the start-up scan to finish");
        DiscoveryStatus d = tailer.status().discovery();
        assertEquals(1, d.watchedDirectories(), d.toString());
        assertEquals(1, d.directoriesListed(), d.toString());
    }

    @Test
    void aRuleRootedInsideAPseudoFileSystemIsWalked() throws Exception {
        assumeTrue(Files.isDirectory(Paths.get("/proc/self")), "needs Linux procfs");
        tailer = tailer(
                options(dir.resolve("ckpt")).build(), clock, TailerTesting.source("proc", "/proc/self/*.zzz", sink));
        startReturns(tailer);
        await(() -> tailer.status().discovery().scansCompleted() >= 1, () -> "the start-up scan to finish");
        DiscoveryStatus d = tailer.status().discovery();
        assertEquals(1, d.directoriesListed(), d.toString());
    }

    /** Starts {@code t} on another thread and waits (with the usual deadline) for start() to return. */
    private static void startReturns(Tailer t) {
        CountDownLatch returned = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        t.start();
                    } catch (Throwable e) { // NOPMD: reported by the test thread
                        failure.set(e);
                    } finally {
                        returned.countDown();
                    }
                },
                "test-starter");
        starter.setDaemon(true);
        starter.start();
        await(() -> returned.getCount() == 0, () -> "start() to return");
        if (failure.get() != null) {
            throw new AssertionError("start() failed", failure.get());
        }
    }
}
