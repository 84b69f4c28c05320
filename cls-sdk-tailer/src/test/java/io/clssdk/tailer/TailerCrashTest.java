package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.checkpointOffsets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a tailer process with SIGKILL ({@link Process#destroyForcibly()}) at random moments while three files are
 * written and rename-rotated, restarts it ten times, then lets it drain, and checks the output of its sink
 * ({@link CrashTestChild}, which forces each chunk to disk before acknowledging it). A file is rotated only while a
 * tailer runs and once its checkpoint lists the file (see {@link Writer}): a file renamed to a name no rule matches
 * before any tailer recorded it is out of anyone's reach after a kill. Checked:
 *
 * <ul>
 *   <li>no loss: every line written is in the output at least once;
 *   <li>the checkpoint never runs ahead of delivery: at every kill, every line below a file's checkpointed offset is
 *       already in the output;
 *   <li>duplicates come only from lines the checkpoint did not cover at the kill: a line delivered again after a
 *       restart lies at or beyond its file's checkpointed offset at the kill. Those are the chunks not yet
 *       acknowledged (at most {@code maxInFlightBytes} = 64 KiB, plus one chunk) and the acknowledged ones whose
 *       commit had not been written yet (at most one {@code checkpointInterval}, 20 ms, of reading). That is the
 *       bound, checked line by line.
 * </ul>
 */
class TailerCrashTest {
    private static final int KILLS = 10;
    private static final String[] FILES = {"a", "b", "c"};

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void killedTenTimesLosesNothingAndRepeatsOnlyUncommittedLines() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path ckpt = dir.resolve("ckpt");
        Path out = dir.resolve("out.txt");
        Files.createFile(out);
        Writer writer = new Writer(logs, ckpt);
        Thread writerThread = new Thread(writer, "crash-test-writer");
        Random random = new Random(20261124);
        List<Map<String, Long>> checkpointsAtKills = new ArrayList<>();
        List<Long> outputSizeAtKills = new ArrayList<>();
        writerThread.start();
        try {
            for (int run = 0; run < KILLS; run++) {
                Process child = startChild(logs, ckpt, out, run);
                writer.childUp.set(true);
                Thread.sleep(100 + random.nextInt(500)); // real time: the kill must land at a random point
                writer.childUp.set(false);
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
                outputSizeAtKills.add(dropTornTail(out));
                checkpointsAtKills.add(checkpointOffsets(ckpt));
            }
        } finally {
            writer.stop.set(true);
            writerThread.join();
        }
        Process last = startChild(logs, ckpt, out, KILLS);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!missing(writer.written, out).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    Set<String> missing = missing(writer.written, out);
                    fail("lines never delivered: " + sample(missing) + "\n" + diagnosis(logs, ckpt, missing));
                }
                Thread.sleep(100); // poll interval of the condition above (the child's output, another process)
            }
        } finally {
            last.destroyForcibly();
            last.waitFor(30, TimeUnit.SECONDS);
        }
        verify(out, outputSizeAtKills, checkpointsAtKills, writer, filesByKey(logs));
    }

    private void verify(
            Path out,
            List<Long> sizeAtKills,
            List<Map<String, Long>> ckptAtKills,
            Writer writer,
            Map<String, Path> files)
            throws IOException {
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
        int duplicates = checkDuplicates(records, sizeAtKills, ckptAtKills, files);
        int duplicatesBeyondCheckpoint = duplicates; // checkDuplicates failed otherwise
        assertTrue(missing(writer.written, out).isEmpty());
        System.out.printf(
                "crash test: %d kills, %d lines written in %d files (%d rotations, %d of them waited for the"
                        + " checkpoint to list the file), %d records, %d duplicates, all beyond the checkpoint at their"
                        + " kill: %d%n",
                KILLS,
                writer.written.size(),
                FILES.length + writer.rotations,
                writer.rotations,
                writer.waited,
                records.size(),
                duplicates,
                duplicatesBeyondCheckpoint);
        assertEquals(duplicates, duplicatesBeyondCheckpoint);
        assertTrue(writer.rotations >= 3, "the test rotated too little: " + writer.rotations);
    }

    /**
     * Walks the output records in order and checks, at each kill, that nothing below the checkpoint was missing, and
     * that each record delivered again lies at or beyond its file's checkpointed offset at the kill before it.
     *
     * @return the number of duplicates
     */
    static int checkDuplicates(
            List<String> records, List<Long> sizeAtKills, List<Map<String, Long>> ckptAtKills, Map<String, Path> files)
            throws IOException {
        Set<String> delivered = new HashSet<>(); // "dev:ino offset"
        int run = 0;
        long position = 0;
        int duplicates = 0;
        for (String record : records) {
            while (run < sizeAtKills.size() && position >= sizeAtKills.get(run)) {
                checkNothingBelowCheckpointIsMissing(ckptAtKills.get(run), delivered, run, files);
                run++;
            }
            position += record.getBytes(StandardCharsets.UTF_8).length + 1;
            String[] parts = record.split(" ", 3);
            String at = parts[0] + " " + parts[1];
            if (!delivered.add(at)) {
                duplicates++;
                Map<String, Long> ckpt = ckptAtKills.get(run - 1);
                Long committed = ckpt.get(parts[0]);
                assertTrue(
                        committed == null || Long.parseLong(parts[1]) >= committed,
                        "line " + record + " repeated after kill " + run + " although the checkpoint covered it ("
                                + committed + ")");
            }
        }
        return duplicates;
    }

    /**
     * Every line below a file's checkpointed offset must have been delivered before the kill (the sink acknowledges only
     * after forcing its output to disk). Reads the files themselves to know where their lines start.
     */
    private static void checkNothingBelowCheckpointIsMissing(
            Map<String, Long> ckpt, Set<String> delivered, int kill, Map<String, Path> files) throws IOException {
        for (Map.Entry<String, Long> e : ckpt.entrySet()) {
            Path file = files.get(e.getKey());
            assertTrue(file != null, "no file for checkpoint entry " + e);
            byte[] bytes = Files.readAllBytes(file);
            long committed = e.getValue();
            for (int start = 0; start < committed; ) {
                assertTrue(
                        delivered.contains(e.getKey() + " " + start),
                        "kill " + kill + ": the checkpoint of " + file.getFileName() + " (" + committed
                                + ") covers the line at " + start + ", which was not delivered");
                int nl = start;
                while (bytes[nl] != '\n') {
                    nl++;
                }
                start = nl + 1;
            }
        }
    }

    /** "dev:ino" -> path of every file in the logs directory (files are renamed, never deleted, in this test). */
    static Map<String, Path> filesByKey(Path logs) throws IOException {
        Map<String, Path> m = new HashMap<>();
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(logs)) {
            for (Path p : s) {
                m.put(Files.getAttribute(p, "unix:dev") + ":" + Files.getAttribute(p, "unix:ino"), p);
            }
        }
        return m;
    }

    private static Process startChild(Path logs, Path ckpt, Path out, int run) throws Exception {
        return startChild(logs, ckpt, out, run, null);
    }

    /** Starts {@link CrashTestChild}; with {@code down}, its delivery fails while that file exists. */
    static Process startChild(Path logs, Path ckpt, Path out, int run, Path down) throws Exception {
        String java = System.getProperty("java.home") + "/bin/java";
        List<String> command = new ArrayList<>(Arrays.asList(
                java,
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashTestChild.class.getName(),
                logs.toString(),
                ckpt.toString(),
                out.toString()));
        if (down != null) {
            command.add(down.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ckpt.resolveSibling("child-" + run + ".err").toFile());
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (!"started".equals(line)) {
            p.destroyForcibly();
            fail("child did not start (" + line + "); see " + ckpt.resolveSibling("child-" + run + ".err") + ": "
                    + new String(
                            Files.readAllBytes(ckpt.resolveSibling("child-" + run + ".err")), StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Cuts a record torn by the kill (its chunk was not acknowledged, so it comes again); returns the size. */
    static long dropTornTail(Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(out);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            ch.truncate(end);
        }
        return end;
    }

    static Set<String> missing(Set<String> written, Path out) throws IOException {
        Set<String> got = new HashSet<>();
        for (String record : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] parts = record.split(" ", 3);
            if (parts.length == 3) {
                got.add(parts[2]);
            }
        }
        Set<String> missing = new HashSet<>(written);
        missing.removeAll(got);
        return missing;
    }

    /**
     * What a failure needs to be understood: the checkpoint's entries, every log file with its identity, size and how
     * many of the missing lines it holds, and where the children's logs are.
     */
    private static String diagnosis(Path logs, Path ckpt, Set<String> missing) throws IOException {
        StringBuilder sb = new StringBuilder("checkpoint entries:\n");
        Path f = ckpt.resolve("checkpoints.json");
        if (Files.exists(f)) {
            for (JsonNode e : new ObjectMapper().readTree(f.toFile()).get("files")) {
                sb.append("  ").append(e).append('\n');
            }
        }
        sb.append("log files (dev:ino, size, missing lines held):\n");
        List<Path> paths = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(logs)) {
            for (Path p : ds) {
                paths.add(p);
            }
        }
        java.util.Collections.sort(paths);
        for (Path p : paths) {
            int held = 0;
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (missing.contains(line)) {
                    held++;
                }
            }
            sb.append(String.format(
                    "  %s %s:%s %d bytes, %d missing%n",
                    p.getFileName(),
                    Files.getAttribute(p, "unix:dev"),
                    Files.getAttribute(p, "unix:ino"),
                    Files.size(p),
                    held));
        }
        sb.append("children's logs: ").append(ckpt.resolveSibling("child-<run>.err"));
        return sb.toString();
    }

    private static String sample(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        return l.size() + " e.g. " + l.subList(0, Math.min(5, l.size()));
    }

    /**
     * Appends numbered lines to a.log, b.log and c.log and rename-rotates them, only while the child runs and only once
     * the child's checkpoint lists the file. A file created and renamed away before any tailer recorded it leaves
     * nothing on disk that says it was ever a.log, like a file created and rotated away while no tailer runs: no agent
     * can find it after a kill. On a loaded machine a child may not even have handled a file's create event before
     * the next rotation and the kill (a checkpoint write was seen to take over a second). The tailer records a file
     * as soon as it follows it ({@link TailerNewFileCheckpointTest}), so a rotation rarely waits.
     */
    private static final class Writer implements Runnable {
        final Path logs;
        final Path ckpt;
        final Set<String> written = java.util.Collections.synchronizedSet(new HashSet<String>());
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicBoolean childUp = new AtomicBoolean();
        volatile int rotations;
        /** Rotations that were due while the checkpoint did not list the file yet. */
        volatile int waited;
        /** "dev:ino" of the file now at FILES[f].log. */
        private final String[] currentKey = new String[FILES.length];

        private final boolean[] waiting = new boolean[FILES.length];
        private Map<String, Long> recorded = new HashMap<>();
        private long recordedAtNanos;

        Writer(Path logs, Path ckpt) {
            this.logs = logs;
            this.ckpt = ckpt;
        }

        /** Whether the durable checkpoint lists the file now at FILES[f].log; reads it at most every 10 ms. */
        private boolean recorded(int f, long now) throws IOException {
            if (!recorded.containsKey(currentKey[f]) && now - recordedAtNanos > TimeUnit.MILLISECONDS.toNanos(10)) {
                recorded = checkpointOffsets(ckpt);
                recordedAtNanos = now;
            }
            boolean listed = recorded.containsKey(currentKey[f]);
            waiting[f] |= !listed;
            return listed;
        }

        private static String key(Path p) throws IOException {
            return Files.getAttribute(p, "unix:dev") + ":" + Files.getAttribute(p, "unix:ino");
        }

        @Override
        public void run() {
            try {
                OutputStream[] outs = new OutputStream[FILES.length];
                for (int f = 0; f < FILES.length; f++) {
                    outs[f] =
                            new FileOutputStream(logs.resolve(FILES[f] + ".log").toFile(), true);
                    currentKey[f] = key(logs.resolve(FILES[f] + ".log"));
                }
                long[] rotatedAt = new long[FILES.length];
                for (int n = 0; !stop.get(); n++) {
                    for (int f = 0; f < FILES.length; f++) {
                        String line = FILES[f] + "-" + n + " payload-" + Long.toHexString(n * 2654435761L);
                        outs[f].write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        written.add(line);
                        long now = System.nanoTime();
                        if (childUp.get()
                                && now - rotatedAt[f] > TimeUnit.MILLISECONDS.toNanos(250 + 50 * f)
                                && recorded(f, now)) {
                            Path current = logs.resolve(FILES[f] + ".log");
                            Files.move(current, logs.resolve(FILES[f] + ".log." + n));
                            // a late write to the renamed file before the application reopens its log
                            String late = FILES[f] + "-" + n + " late";
                            outs[f].write((late + "\n").getBytes(StandardCharsets.UTF_8));
                            written.add(late);
                            outs[f].close();
                            outs[f] = new FileOutputStream(current.toFile(), true);
                            currentKey[f] = key(current);
                            rotatedAt[f] = now;
                            rotations++;
                            if (waiting[f]) {
                                waited++;
                                waiting[f] = false;
                            }
                        }
                    }
                    if (n % 10 == 0) {
                        Thread.sleep(1); // pacing the writer, not waiting for the tailer
                    }
                }
                for (OutputStream o : outs) {
                    o.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
