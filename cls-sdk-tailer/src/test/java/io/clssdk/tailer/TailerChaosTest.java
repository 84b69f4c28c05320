package io.clssdk.tailer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tailer chaos: an application process ({@link ChaosWriter}) writes sequence-numbered lines into three files and
 * rotates them by rename and by copytruncate; the test deletes rotated files once they were delivered (while the
 * tailer may still hold them open); the tailer process ({@link ChaosTailer}: tailer + producer) is killed with SIGKILL
 * at random moments and restarted; everything goes to the verifying fake CLS endpoint in this JVM. At the end every
 * sequence number of every file arrived at least once; duplicates (lines read again after a kill, from beyond the last
 * checkpoint) are counted and reported. Runs 12 s in {@code verify}; {@code -Dchaos.seconds=N}, or {@code -Psoak
 * -Dsoak.minutes=N}, runs longer.
 */
class TailerChaosTest {
    static final String TOPIC = "c4a05000-0000-4000-8000-00000000c4a0";
    private static final int FILES = 3;

    @TempDir
    Path dir;

    /** Every child process, destroyed at the end whatever happens (a failed run must not leave them running). */
    private final List<Process> spawned = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : spawned) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.MINUTES)
    void aRotatingWriterAndAKilledTailerLoseNoLine() throws Exception {
        String soakMinutes = System.getProperty("soak.minutes"); // set by -Psoak: the long version
        long seconds = Long.getLong("chaos.seconds", soakMinutes != null ? 60 * Long.parseLong(soakMinutes) : 12);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path ckpt = dir.resolve("ckpt");
        Random random = new Random(Long.getLong("chaos.seed", 20261124L));
        Ledger ledger = new Ledger();
        try (FakeClsServer server = FakeClsServer.start()) {
            Child writer =
                    Child.start(dir, "writer", ChaosWriter.class, logs.toString(), "" + FILES, "" + random.nextLong());
            spawned.add(writer.process);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int kills = 0;
            // the time asked for, and on a loaded machine (slow child JVMs) as long as it takes to see enough kills
            // and rotations for the run to mean something, within a bound
            long latest = end + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < end || ((kills < 3 || ledger.rotations < 10) && System.nanoTime() < latest)) {
                Child tailer = startTailer(server, logs, ckpt, kills);
                service(server, ledger, writer, logs, 300 + random.nextInt(1200));
                Files.deleteIfExists(logs.resolve("tailer-up"));
                tailer.process.destroyForcibly();
                assertTrue(tailer.process.waitFor(30, TimeUnit.SECONDS), "the tailer did not die");
                kills++;
                service(server, ledger, writer, logs, random.nextInt(300)); // the writer goes on meanwhile
            }
            Files.createFile(logs.resolve("stop"));
            Child last = startTailer(server, logs, ckpt, kills);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(ledger.lastKnown() && ledger.complete())) {
                if (System.nanoTime() > deadline) {
                    fail("lines never delivered: " + ledger.missing() + "; writer said " + ledger.lastSeq()
                            + "; checkpoint: " + tail(ckpt.resolve("checkpoints.json")) + "; files: "
                            + listing(logs) + "; last tailer's stderr: "
                            + tail(dir.resolve("tailer-" + kills + ".err")));
                }
                service(server, ledger, writer, logs, 50);
            }
            last.process.destroyForcibly();
            last.process.waitFor(30, TimeUnit.SECONDS);
            System.out.printf(
                    "tailer chaos: %,d lines in %d files, %d rotations (rename and copytruncate), %d kills,"
                            + " %,d duplicates (%.2f %%), %d rotated files deleted after delivery%n",
                    ledger.distinct(),
                    FILES,
                    ledger.rotations,
                    kills,
                    ledger.duplicates,
                    100.0 * ledger.duplicates / Math.max(1, ledger.distinct()),
                    ledger.deleted);
            assertEquals(0, ledger.unknown, "logs the writer never wrote");
            assertTrue(kills >= 3 && ledger.rotations >= 10, "the run was too short to mean anything");
        }
    }

    /** The copies a copytruncate leaves are never followed (they do not match the rule): remove them. */
    private static void deleteCopies(Path logs) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(logs)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".copy")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static String listing(Path logs) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (java.util.stream.Stream<Path> files = Files.list(logs)) {
            files.sorted()
                    .forEach(f -> sb.append(f.getFileName())
                            .append('=')
                            .append(f.toFile().length())
                            .append(' '));
        }
        return sb.toString();
    }

    private static String tail(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 3000));
    }

    /** Starts a tailer process and, once it runs, lets the writer rotate ({@code tailer-up}). */
    private Child startTailer(FakeClsServer server, Path logs, Path ckpt, int run) throws Exception {
        Child tailer = Child.start(
                dir,
                "tailer-" + run,
                ChaosTailer.class,
                logs.toString(),
                ckpt.toString(),
                server.endpoint().toString(),
                FakeClsServer.SECRET_ID,
                FakeClsServer.SECRET_KEY);
        spawned.add(tailer.process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"started".equals(tailer.lines.peek())) {
            if (System.nanoTime() > deadline || !tailer.process.isAlive()) {
                fail("the tailer did not start: " + tail(dir.resolve("tailer-" + run + ".err")));
            }
            Thread.sleep(10); // poll interval of the condition above (another process's output)
        }
        Files.write(logs.resolve("tailer-up"), new byte[0]);
        return tailer;
    }

    /** For {@code millis}: absorbs what the endpoint received, answers the writer's requests, deletes delivered files. */
    private static void service(FakeClsServer server, Ledger ledger, Child writer, Path logs, long millis)
            throws Exception {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        do {
            ledger.absorb(server.drainLogs());
            String line;
            while ((line = writer.lines.poll()) != null) {
                ledger.request(line);
            }
            ledger.grantAndClean(logs);
            deleteCopies(logs);
            Thread.sleep(10); // pacing the service loop, which runs for a real time by design
        } while (System.nanoTime() < until);
    }

    /** What arrived, per file, and what the writer asked for. */
    private static final class Ledger {
        final BitSet[] seen = new BitSet[FILES];
        final long[] last = {-1, -1, -1};
        final List<String[]> pending = new ArrayList<>();
        long duplicates;
        long unknown;
        int rotations;
        int deleted;

        Ledger() {
            for (int k = 0; k < FILES; k++) {
                seen[k] = new BitSet();
            }
        }

        void absorb(List<ReceivedLog> logs) {
            for (ReceivedLog log : logs) {
                String[] parts = log.field("__CONTENT__").split(" ");
                int k = parts.length == 2 && parts[0].startsWith("f") ? Integer.parseInt(parts[0].substring(1)) : -1;
                if (k < 0 || k >= FILES) {
                    unknown++;
                    continue;
                }
                int seq = Integer.parseInt(parts[1]);
                if (seen[k].get(seq)) {
                    duplicates++;
                }
                seen[k].set(seq);
            }
        }

        void request(String line) {
            String[] p = line.split(" ");
            if (p[0].equals("LAST")) {
                last[Integer.parseInt(p[1])] = Long.parseLong(p[2]);
            } else if (p[0].equals("CT") || p[0].equals("ROT")) {
                pending.add(p);
                rotations++;
            }
        }

        /** Lets a copytruncate proceed, or deletes a renamed file, once every line up to its last one arrived. */
        void grantAndClean(Path logs) throws IOException {
            for (int i = pending.size() - 1; i >= 0; i--) {
                String[] p = pending.get(i);
                int k = Integer.parseInt(p[1]);
                long upTo = Long.parseLong(p[p.length - 1]);
                if (prefix(k) >= upTo) {
                    if (p[0].equals("CT")) {
                        Files.createFile(logs.resolve("go-" + k + "-" + upTo));
                    } else if (Files.deleteIfExists(logs.resolve("f" + k + ".log." + p[2]))) {
                        deleted++;
                    }
                    pending.remove(i);
                }
            }
        }

        long prefix(int k) {
            return seen[k].nextClearBit(0) - 1L;
        }

        boolean lastKnown() {
            for (long l : last) {
                if (l < 0) {
                    return false;
                }
            }
            return true;
        }

        boolean complete() {
            for (int k = 0; k < FILES; k++) {
                if (prefix(k) < last[k]) {
                    return false;
                }
            }
            return true;
        }

        String missing() {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < FILES; k++) {
                sb.append("f")
                        .append(k)
                        .append(" first missing ")
                        .append(prefix(k) + 1)
                        .append("; ");
            }
            return sb.toString();
        }

        String lastSeq() {
            return java.util.Arrays.toString(last);
        }

        long distinct() {
            long n = 0;
            for (BitSet b : seen) {
                n += b.cardinality();
            }
            return n;
        }
    }

    /** A child JVM of the test's classpath whose stdout lines are collected. */
    private static final class Child {
        final Process process;
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        private Child(Process process) {
            this.process = process;
        }

        static Child start(Path dir, String name, Class<?> main, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(System.getProperty("java.home") + "/bin/java");
            command.add("-Xmx256m");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(main.getName());
            for (String a : args) {
                command.add(a);
            }
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectError(dir.resolve(name + ".err").toFile());
            Child child = new Child(pb.start());
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8));
            Thread pump = new Thread(
                    () -> {
                        try {
                            String line;
                            while ((line = r.readLine()) != null) {
                                child.lines.add(line);
                            }
                        } catch (IOException e) {
                            // the child died
                        }
                    },
                    name + "-stdout");
            pump.setDaemon(true);
            pump.start();
            return child;
        }
    }
}
