package io.clssdk.tailer;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clssdk.core.testing.internal.FakeClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Helpers shared by the tailer tests: files, tailers on a fake clock, and waiting for conditions with deadlines. */
final class TailerTesting {
    /** Generous: the machine is shared with other builds. Tests never wait this long unless they fail. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TailerTesting() {}

    static void append(Path file, String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        appendRaw(file, sb.toString());
    }

    static void appendRaw(Path file, String text) throws IOException {
        Files.write(
                file,
                text.getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    static List<String> numbered(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /** {@code n} copies of {@code c} (the tests compile for Java 8, without {@code String.repeat}). */
    static String repeat(char c, int n) {
        char[] chars = new char[n];
        Arrays.fill(chars, c);
        return new String(chars);
    }

    static void await(BooleanSupplier condition, Supplier<String> whatWasExpected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + TIMEOUT + " waiting for: " + whatWasExpected.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /**
     * Waits for {@code condition}, moving {@code clock} by {@code step} before each look. Timers are measured from
     * when the engine thread handles a reader's result, which may come after the sink saw the lines: a single
     * advance right after a sink assertion can land before that, so timer tests advance until the effect shows.
     */
    static void awaitTicking(FakeClock clock, Duration step, BooleanSupplier condition, Supplier<String> what) {
        await(
                () -> {
                    if (condition.getAsBoolean()) {
                        return true;
                    }
                    clock.advance(step);
                    return false;
                },
                what);
    }

    /** Fast defaults for tests: small buffers, and a fake clock wired to wake the tailer when it moves. */
    static TailerOptions.Builder options(Path checkpointDir) {
        return TailerOptions.builder(checkpointDir)
                .maxLineBytes(1024)
                .readBufferBytes(4096)
                .checkpointInterval(Duration.ofMillis(50));
    }

    static Tailer tailer(TailerOptions options, FakeClock clock, TailSource... sources) {
        Tailer.Builder b = Tailer.builder().options(options);
        for (TailSource s : sources) {
            b.source(s);
        }
        if (clock != null) {
            b.clock(clock);
        }
        Tailer t = b.build();
        if (clock != null) {
            clock.onAdvance(t::wake);
        }
        return t;
    }

    static TailSource source(String name, String path, TailSink sink) {
        return TailSource.builder(name).path(path).sink(sink).build();
    }

    /** "dev:ino" -> committed offset of every entry of the checkpoint file in {@code checkpointDir} (none yet: empty). */
    static Map<String, Long> checkpointOffsets(Path checkpointDir) throws IOException {
        Map<String, Long> m = new HashMap<>();
        Path f = checkpointDir.resolve("checkpoints.json");
        if (!Files.exists(f)) {
            return m;
        }
        for (JsonNode e : new ObjectMapper().readTree(f.toFile()).get("files")) {
            m.put(
                    e.get("dev").asLong() + ":" + e.get("ino").asLong(),
                    e.get("offset").asLong());
        }
        return m;
    }

    /**
     * Asserts that no tailer thread outlives {@code stop()}: ours ({@code cls-tailer-*}) are joined by stop, so they
     * must be gone at once; the JDK's watch-service thread ends on its own shortly after the service is closed, so it
     * gets a grace period (on a loaded machine it can take a moment to be scheduled).
     */
    static void assertNoTailerThreads() {
        List<String> ours = new ArrayList<>();
        for (String name : tailerThreads()) {
            if (name.startsWith("cls-tailer")) {
                ours.add(name);
            }
        }
        if (!ours.isEmpty()) {
            fail("tailer threads left after stop: " + ours);
        }
        await(() -> tailerThreads().isEmpty(), () -> "the watch-service thread to end: " + tailerThreads());
    }

    /**
     * True if every tailer reader thread waits for its next task: none is reading or delivering. A tailer that stopped
     * reading (backpressure) stays so until something changes; a test can assert on what it read so far instead of
     * sleeping to give it the chance to go on.
     */
    static boolean readersIdle() {
        for (Map.Entry<Thread, StackTraceElement[]> e :
                Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().startsWith("cls-tailer-reader") && !waitsForATask(e.getKey(), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean waitsForATask(Thread t, StackTraceElement[] stack) {
        if (t.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals("java.util.concurrent.LinkedBlockingQueue")
                    && frame.getMethodName().equals("take")) {
                return true;
            }
        }
        return false;
    }

    /** Threads the tailer creates that are still alive. */
    static List<String> tailerThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive()
                    && (t.getName().startsWith("cls-tailer") || t.getName().equals("FileSystemWatcher"))) {
                names.add(t.getName());
            }
        }
        return names;
    }
}
