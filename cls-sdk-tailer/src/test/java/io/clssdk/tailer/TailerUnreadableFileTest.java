package io.clssdk.tailer;

import static io.clssdk.tailer.TailerTesting.append;
import static io.clssdk.tailer.TailerTesting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 item 10(c): a file the process cannot read is reported (WARN, rate-limited, and in {@code status()} with
 * its problem), retried on its next change, and read once it becomes readable. Before the fix it was skipped with a
 * DEBUG line and was missing from status.
 *
 * <p>The tailer runs in a child JVM ({@link UnreadableFileChild}): when the tests run as root, {@code chmod 000} does
 * not stop root's reads (CAP_DAC_OVERRIDE), so the child is started through {@code setpriv} with that capability (and
 * CAP_DAC_READ_SEARCH) dropped from its bounding set; it still owns the test's files, so the permission bits apply to
 * it. The child checks the effect on a probe file before the test relies on it.
 */
class TailerUnreadableFileTest {
    private static final Path SETPRIV = Paths.get("/usr/bin/setpriv");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anUnreadableFileIsReportedRetriedAndReadOnceReadable() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path probe = dir.resolve("probe");
        Files.write(probe, "x".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(probe, EnumSet.noneOf(PosixFilePermission.class));
        boolean privileged = canRead(probe);
        assumeFalse(
                privileged && !Files.isExecutable(SETPRIV),
                "this process bypasses file permissions (root with CAP_DAC_OVERRIDE) and there is no setpriv to"
                        + " start the tailer without that capability: chmod 000 cannot make a file unreadable here");
        Path file = logs.resolve("app.log");
        append(file, "secret-1");
        Files.setPosixFilePermissions(file, EnumSet.noneOf(PosixFilePermission.class));

        Child child = new Child(privileged, logs, dir.resolve("ckpt"), probe);
        try {
            String started = child.await(l -> l.startsWith("started "));
            assumeTrue(
                    started.equals("started false"),
                    "the child process can still read a file without permissions (" + started + ")");
            await(
                    () -> child.status().contains("cannot be opened")
                            && child.status().contains("AccessDenied"),
                    () -> "app.log reported in status with its problem; last " + child.lastStatus);
            append(file, "secret-2"); // a change (and the rescans): tried again, still unreadable
            await(() -> child.retries("app.log") >= 2, () -> "app.log tried again; stderr: " + child.stderr());
            assertTrue(child.lines().isEmpty(), "nothing read while unreadable: " + child.lines());

            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            await(() -> child.lines().size() == 2, () -> "both lines once readable, got " + child.lines());
            assertEquals(java.util.Arrays.asList("secret-1", "secret-2"), child.lines());
            await(() -> child.status().equals("status none"), () -> "problem cleared; last " + child.lastStatus);
            List<String> warnings = child.warningsAbout("app.log");
            assertEquals(1, warnings.size(), "one WARN for the same error (rate-limited): " + warnings);
            assertTrue(
                    warnings.get(0).contains("cannot open") && warnings.get(0).contains("app.log"), warnings.get(0));
        } finally {
            child.stop();
        }
    }

    private static boolean canRead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The child JVM, its stdout lines and its stderr file. */
    private static final class Child {
        final Process process;
        final Path stderr;
        final List<String> out = new CopyOnWriteArrayList<>();
        final Writer commands;
        volatile String lastStatus = "";

        Child(boolean dropPrivileges, Path logs, Path ckpt, Path probe) throws IOException {
            List<String> cmd = new ArrayList<>();
            if (dropPrivileges) {
                Collections.addAll(cmd, SETPRIV.toString(), "--bounding-set", "-dac_override,-dac_read_search");
            }
            Collections.addAll(
                    cmd,
                    System.getProperty("java.home") + "/bin/java",
                    "-Xmx64m",
                    "-XX:TieredStopAtLevel=1",
                    "-Dorg.slf4j.simpleLogger.log.io.clssdk.tailer.internal.engine.Opener=debug",
                    "-cp",
                    System.getProperty("java.class.path"),
                    UnreadableFileChild.class.getName(),
                    logs.toString(),
                    ckpt.toString(),
                    probe.toString());
            stderr = logs.resolveSibling("child.err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
            process = pb.start();
            commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(this::readOut, "unreadable-child-out");
            reader.setDaemon(true);
            reader.start();
        }

        private void readOut() {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    out.add(l);
                }
            } catch (IOException e) {
                // the child ended
            }
        }

        String await(java.util.function.Predicate<String> p) {
            TailerTesting.await(() -> first(p) != null, () -> "child output; stderr: " + stderr());
            return first(p);
        }

        private String first(java.util.function.Predicate<String> p) {
            for (String l : out) {
                if (p.test(l)) {
                    return l;
                }
            }
            return null;
        }

        /** Asks the child for app.log's problem and waits for the answer. */
        String status() {
            int before = count("status ");
            try {
                commands.write("status\n");
                commands.flush();
            } catch (IOException e) {
                throw new IllegalStateException("the child ended; stderr: " + stderr(), e);
            }
            TailerTesting.await(() -> count("status ") > before, () -> "a status answer; stderr: " + stderr());
            String last = null;
            for (String l : out) {
                if (l.startsWith("status ")) {
                    last = l;
                }
            }
            lastStatus = last;
            return last;
        }

        private int count(String prefix) {
            int n = 0;
            for (String l : out) {
                if (l.startsWith(prefix)) {
                    n++;
                }
            }
            return n;
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String l : out) {
                if (l.startsWith("line ")) {
                    lines.add(l.substring(5));
                }
            }
            return lines;
        }

        String stderr() {
            try {
                return new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        }

        /** Failed attempts to open {@code name} after the first (logged at DEBUG, not WARN again). */
        int retries(String name) {
            int n = 0;
            for (String l : stderr().split("\n")) {
                if (l.contains("still cannot open") && l.contains(name)) {
                    n++;
                }
            }
            return n;
        }

        List<String> warningsAbout(String name) {
            List<String> w = new ArrayList<>();
            for (String l : stderr().split("\n")) {
                if (l.contains(" WARN ") && l.contains(name)) {
                    w.add(l);
                }
            }
            return w;
        }

        void stop() throws InterruptedException {
            try {
                commands.write("quit\n");
                commands.flush();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
