package io.clssdk.tailer.collector;

import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code cls-collector.jar} run as a child process ({@code java -jar}), with the fake endpoint's credentials
 * in its environment; its stdout and stderr go to a file for the test to wait on (not a pipe:
 * {@link Process#destroy()} closes the parent's end at once, losing what the child prints while it stops).
 */
final class CollectorProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private CollectorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar cls-collector.jar args...}, its stdout and stderr going to a file in {@code dir}. */
    static CollectorProcess start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                jar().toString()));
        command.addAll(Arrays.asList(args));
        Path log = Files.createTempFile(dir, "collector-", ".out");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put(CredentialsProvider.ENV_SECRET_ID, FakeClsServer.SECRET_ID);
        pb.environment().put(CredentialsProvider.ENV_SECRET_KEY, FakeClsServer.SECRET_KEY);
        pb.environment().remove(CredentialsProvider.ENV_SESSION_TOKEN);
        return new CollectorProcess(pb.start(), log);
    }

    /** The jar built by the {@code collector} shade execution (failsafe passes its path). */
    static Path jar() {
        String path = System.getProperty("collectorJar");
        if (path == null) {
            throw new IllegalStateException("run with failsafe (mvn verify), which sets -DcollectorJar");
        }
        return Paths.get(path);
    }

    /** Everything printed so far. */
    String output() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output contains {@code text}. */
    void awaitOutput(String text) {
        Await.until(
                "the collector prints '" + text + "'; output so far:\n" + output(),
                () -> output().contains(text),
                Await.deadline(Duration.ofSeconds(90)));
    }

    /** Sends SIGTERM (Process.destroy() on Linux) and returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return exitCode();
    }

    /** Waits for the process to end (at most 90 s) and returns its exit code. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new AssertionError("the collector did not end; output:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
