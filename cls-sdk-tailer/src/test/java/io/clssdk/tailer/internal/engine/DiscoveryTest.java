package io.clssdk.tailer.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.tailer.DiscoveryStatus;
import io.clssdk.tailer.internal.path.Excludes;
import io.clssdk.tailer.internal.path.SourceRules;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walking in bounded slices, once per real directory, reporting each file under one stable path. */
class DiscoveryTest {
    @TempDir
    Path dir;

    private Discovery discovery;
    private final Recorder recorder = new Recorder();

    @AfterEach
    void tearDown() throws IOException {
        if (discovery != null) {
            discovery.close();
        }
    }

    private Discovery discovery(String rule) throws IOException {
        SourceRules rules = SourceRules.compile(rule, null, 10, Excludes.none());
        discovery = new Discovery(
                Collections.singletonList(new SourceSpec(0, "app", rules, null, -1, 0)),
                FileSystems.getDefault().newWatchService());
        return discovery;
    }

    @Test
    void aStepOfBudgetOneListsOneDirectorySoAWalkNeverHoldsTheEngineLong() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        for (int i = 0; i < 30; i++) {
            Files.write(Files.createDirectories(root.resolve("d" + i)).resolve("x.log"), new byte[] {'x', '\n'});
        }
        Discovery d = discovery(root + "/**/*.log");
        d.startScan(true);
        int steps = 0;
        while (d.walking()) {
            d.step(1, recorder);
            steps++;
            assertEquals(steps, d.status().directoriesListed(), "one directory per step");
            assertEquals(d.walking(), d.status().scanning());
        }
        assertEquals(31, steps);
        assertEquals(Collections.singletonList(true), recorder.scansDone);
        assertEquals(30, recorder.files.size());
        assertEquals(31, d.status().watchedDirectories());
    }

    @Test
    void aRescanStopsInsideALargeDirectoryAndGoesOnWithTheNextStep() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        for (int i = 0; i < 50; i++) {
            Files.write(root.resolve("f" + i + ".log"), new byte[] {'x', '\n'});
        }
        Discovery d = discovery(root + "/*.log");
        d.startScan(true);
        d.step(1, recorder);
        assertEquals(50, recorder.files.size(), "the start-up walk lists a directory in one go");
        assertFalse(d.walking());
        d.startScan(false);
        int steps = 0;
        while (d.walking()) {
            int before = recorder.files.size();
            d.step(10, recorder);
            steps++;
            assertTrue(recorder.files.size() - before <= 10, "at most 10 entries per step");
        }
        assertEquals(100, recorder.files.size());
        assertTrue(steps >= 5, "took " + steps + " steps");
        assertEquals(java.util.Arrays.asList(true, false), recorder.scansDone);
    }

    @Test
    void aTreeOfSymbolicLinksIsListedOncePerRealDirectoryAndItsFileKeepsItsPath() throws Exception {
        int levels = 6;
        for (int i = 0; i <= levels; i++) {
            Files.createDirectories(dir.resolve("L" + i));
        }
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < 4; j++) {
                Files.createSymbolicLink(dir.resolve("L" + i).resolve("s" + j), dir.resolve("L" + (i + 1)));
            }
        }
        Files.write(dir.resolve("L" + levels).resolve("app.log"), new byte[] {'x', '\n'});
        Discovery d = discovery(dir.resolve("L0") + "/**/*.log");
        for (int pass = 1; pass <= 3; pass++) {
            d.startScan(pass == 1);
            while (d.step(Integer.MAX_VALUE, recorder)) {
                // walk to the end
            }
            DiscoveryStatus s = d.status();
            assertEquals(pass * (levels + 1L), s.directoriesListed(), s.toString());
            assertEquals(levels + 1, s.watchedDirectories(), s.toString());
            assertEquals(pass, recorder.files.size(), "one report per pass: " + recorder.files);
        }
        assertEquals(1, new java.util.HashSet<>(recorder.files).size(), "always the same path: " + recorder.files);
        assertFalse(recorder.startUp.subList(1, 3).contains(true), "later passes are not the start-up walk");
        assertTrue(recorder.startUp.get(0));
    }

    @Test
    void aDirectoryNoLongerReachedIsNoLongerWatched() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(root.resolve("link"), elsewhere);
        Discovery d = discovery(root + "/**/*.log");
        d.startScan(true);
        d.step(Integer.MAX_VALUE, recorder);
        assertEquals(2, d.status().watchedDirectories());
        Files.delete(link);
        d.startScan(false);
        d.step(Integer.MAX_VALUE, recorder);
        assertEquals(1, d.status().watchedDirectories());
    }

    /** Records what discovery reports. */
    private static final class Recorder implements Discovery.Listener {
        final List<Path> files = new ArrayList<>();
        final List<Boolean> startUp = new ArrayList<>();
        final List<Boolean> scansDone = new ArrayList<>();

        @Override
        public void candidate(Path file, SourceSpec source, boolean startUp) {
            files.add(file);
            this.startUp.add(startUp);
        }

        @Override
        public void appeared(Path file, SourceSpec source, Path renamedFrom) {}

        @Override
        public void modified(Path path) {}

        @Override
        public void removed(Path path) {}

        @Override
        public void overflow() {}

        @Override
        public void scanDone(boolean startUp) {
            scansDone.add(startUp);
        }
    }
}
