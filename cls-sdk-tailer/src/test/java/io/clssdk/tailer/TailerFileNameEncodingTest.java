package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts on a checkpoint that names non-ASCII files, in a JVM whose file-name encoding cannot represent them
 * ({@code LC_ALL=C}: {@code sun.jnu.encoding} is ASCII, and it can only be chosen through the environment). The
 * tailers run in child JVMs ({@link EncodingTestChild}); the first under {@code LC_ALL=C.UTF-8}. The files are created
 * through {@code file:} URIs, so their names are the UTF-8 bytes whatever this JVM's own encoding.
 */
class TailerFileNameEncodingTest {
    private static final String ROTATED = "日志-é.log";
    private static final String GONE = "gone-é.log";
    private static final String KEPT = "旧-é.log";

    @TempDir
    Path dir;

    /**
     * A followed non-ASCII file disappears and another is renamed to a name no rule matches while the tailer is
     * stopped: the restart under {@code LC_ALL=C} starts, drains the renamed file from its checkpoint (found again by
     * the stored name, byte for byte) and follows a new ASCII file.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void restartUnderCLocaleAfterANonAsciiFileDisappeared() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path ckpt = dir.resolve("ckpt");
        append(utf8Name(logs, ROTATED), "a1");
        append(utf8Name(logs, GONE), "g1");
        try (Child first = Child.start(logs, ckpt, "C.UTF-8", dir.resolve("first.err"))) {
            assumeTrue(first.encoding().equals("UTF-8"), "no UTF-8 locale here: " + first.encoding());
            first.awaitLines("a1", "g1");
            first.stop();
        }
        assertEquals(2, checkpointEntries(ckpt).size(), "both files are in the checkpoint");

        append(logs.resolve("plain.log"), "p1"); // before the delete: it must not reuse the deleted file's inode
        Files.delete(utf8Name(logs, GONE));
        Files.move(utf8Name(logs, ROTATED), utf8Name(logs, ROTATED + ".1"));
        append(utf8Name(logs, ROTATED + ".1"), "a2");
        try (Child second = Child.start(logs, ckpt, "C", dir.resolve("second.err"))) {
            assumeFalse(
                    second.encoding().equals("UTF-8"),
                    "this JDK uses UTF-8 for file names even under LC_ALL=C: the names are representable");
            second.awaitLines("a2", "p1");
            second.stop();
            assertEquals(Arrays.asList("a2", "p1"), sorted(second.lines()), "nothing delivered before was repeated");
        }
    }

    /**
     * A checkpoint written before names were stored as URIs (only the text, decoded by the restarting JVM) still
     * loads under {@code LC_ALL=C}, where neither name can be represented: the restart starts although one of the
     * files is gone, and the other's entry keeps its offset, which applies when a rule finds the file again.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aCheckpointWithoutStoredUrisLoadsUnderCLocale() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path ckpt = dir.resolve("ckpt");
        append(utf8Name(logs, KEPT), "o1");
        append(utf8Name(logs, GONE), "g1");
        try (Child first = Child.start(logs, ckpt, "C.UTF-8", dir.resolve("first.err"))) {
            assumeTrue(first.encoding().equals("UTF-8"), "no UTF-8 locale here: " + first.encoding());
            first.awaitLines("o1", "g1");
            first.stop();
        }
        Path file = ckpt.resolve("checkpoints.json");
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(file.toFile());
        for (JsonNode e : root.get("files")) {
            ((ObjectNode) e).remove("pathUri"); // as the previous version wrote it
        }
        json.writeValue(file.toFile(), root);

        append(logs.resolve("plain.log"), "p1"); // before the delete: it must not reuse the deleted file's inode
        Files.delete(utf8Name(logs, GONE));
        append(utf8Name(logs, KEPT), "o2");
        try (Child second = Child.start(logs, ckpt, "C", dir.resolve("second.err"))) {
            assumeFalse(
                    second.encoding().equals("UTF-8"),
                    "this JDK uses UTF-8 for file names even under LC_ALL=C: the names are representable");
            second.awaitLines("o2", "p1");
            second.stop();
            assertEquals(Arrays.asList("o2", "p1"), sorted(second.lines()), "o1 and g1 were not delivered again");
        }
    }

    /** {@code name} in {@code dir} with its UTF-8 bytes, whatever this JVM's file-name encoding. */
    private static Path utf8Name(Path dir, String name) {
        StringBuilder sb = new StringBuilder(dir.toUri().toString());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            sb.append(String.format("%%%02X", b & 0xff));
        }
        return Paths.get(URI.create(sb.toString()));
    }

    private static List<JsonNode> checkpointEntries(Path ckpt) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode e : new ObjectMapper()
                .readTree(ckpt.resolve("checkpoints.json").toFile())
                .get("files")) {
            entries.add(e);
        }
        return entries;
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    /** A child JVM running {@link EncodingTestChild} under {@code LC_ALL=<locale>}, with its output collected. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final Path err;
        private final List<String> out = new CopyOnWriteArrayList<>();
        /** The child's stdout ended (it exited): every line it printed is in {@link #out}. */
        private volatile boolean ended;

        private Child(Process process, Path err) {
            this.process = process;
            this.err = err;
            Thread reader = new Thread(this::collect, "encoding-child-out");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path logs, Path ckpt, String locale, Path err) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(
                    System.getProperty("java.home") + "/bin/java",
                    "-Xmx128m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    EncodingTestChild.class.getName(),
                    logs.toString(),
                    ckpt.toString());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.equals("LANG") || k.equals("LANGUAGE") || k.startsWith("LC_"));
            env.put("LC_ALL", locale);
            pb.redirectError(err.toFile());
            Child c = new Child(pb.start(), err);
            c.awaitOutput(l -> l.equals("started") || l.startsWith("failed "), "started");
            if (!c.out.contains("started")) {
                fail("the tailer did not start under LC_ALL=" + locale + ": " + c.out + "\n" + c.errors());
            }
            return c;
        }

        private void collect() {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    out.add(l);
                }
            } catch (IOException e) {
                out.add("read error " + e);
            } finally {
                ended = true;
            }
        }

        String encoding() {
            for (String l : out) {
                if (l.startsWith("encoding ")) {
                    return l.substring("encoding ".length());
                }
            }
            throw new AssertionError("the child did not report its encoding: " + out);
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String l : out) {
                if (l.startsWith("line ")) {
                    lines.add(l.substring("line ".length()));
                }
            }
            return lines;
        }

        void awaitLines(String... expected) {
            await(
                    () -> new HashSet<>(lines()).containsAll(Arrays.asList(expected)),
                    () -> "lines " + Arrays.toString(expected) + "; the child said " + out + "\n" + errors());
        }

        void stop() throws Exception {
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            awaitOutput(l -> l.startsWith("stopped "), "stopped");
            assertTrue(out.contains("stopped true"), "every chunk acknowledged at stop: " + out);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child exits after stop");
        }

        private void awaitOutput(Predicate<String> p, String what) {
            await(() -> out.stream().anyMatch(p) || ended, () -> what + ": " + out);
        }

        String errors() {
            try {
                return "child stderr (" + err + "):\n" + new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "no child stderr: " + e;
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
