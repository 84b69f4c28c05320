package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.testing.Await;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a producer process with SIGKILL ({@link Process#destroyForcibly()}) at random points while it sends numbered
 * logs with its disk spool on, ten times against one directory (each run replays what the previous left), then drains
 * the spool in this process. Every log whose batch was sealed before the kill (reported by {@link SpoolCrashChild}) is
 * stored; a log stored twice is only ever a batch sent again with its own context flow (its answer was lost: killed, or
 * the endpoint's answer dropped after storing).
 */
class ProducerSpoolCrashTest {
    private static final int RUNS = 10;
    private static final long RUN_SPAN = 10_000_000L;

    @TempDir
    Path dir;

    @Test
    void everyLogSealedBeforeAKillIsStoredAndDuplicatesAreWholeBatchesSentAgain() throws Exception {
        Random random = new Random(20261207);
        Path spool = dir.resolve("spool");
        try (FakeClsServer server = FakeClsServer.start()) {
            server.failRandomly(
                    0.1, 7, Fault.dropAfterStore(), Fault.error(503, "ServiceUnavailable", "busy for the test"));
            long[] safe = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                safe[run] = runAndKill(spool, server, run, 3 + random.nextInt(40));
            }
            server.clearFaults();
            try (ClsProducer drain = ClsProducer.builder()
                    .endpoint(server.endpoint())
                    .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                    .options(ProducerOptions.builder()
                            .sourceIp("10.0.0.1")
                            .hostname("h")
                            .jmx(false)
                            .spool(SpoolOptions.builder(spool).build())
                            .build())
                    .build()) { // closed whatever happens: its threads must not outlive the test
                Await.until(
                        "every sealed log is stored",
                        () -> missing(server, safe).isEmpty(),
                        Await.deadline(Duration.ofSeconds(60)));
                assertTrue(drain.close(Duration.ofSeconds(30)));
                assertEquals(0, drain.metrics().replayedFailed());
            }
            assertDuplicatesAreBatchesSentAgain(server.logs(ProducerSpoolTest.TOPIC));
            try (Stream<Path> s = Files.list(spool)) {
                assertEquals(0, s.filter(p -> p.toString().endsWith(".seg")).count(), "all delivered and deleted");
            }
        }
    }

    /** Runs a child until it reported {@code reports} sealed batches, kills it; returns the last sequence reported. */
    private long runAndKill(Path spool, FakeClsServer server, int run, int reports) throws Exception {
        long first = run * RUN_SPAN;
        List<String> command = new ArrayList<>(Arrays.asList(
                System.getProperty("java.home") + "/bin/java",
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                SpoolCrashChild.class.getName(),
                spool.toString(),
                server.endpoint().url(),
                Long.toString(first)));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(dir.resolve("child-" + run + ".err").toFile());
        Process p = pb.start();
        AtomicLong lastSafe = new AtomicLong(first - 1);
        AtomicLong seen = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("A ")) {
                        lastSafe.set(Long.parseLong(line.substring(2)));
                        seen.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                // the child died
            }
        });
        reader.start();
        try {
            Await.until(
                    "child " + run + " sealed " + reports + " batches", () -> seen.get() >= reports || !p.isAlive());
            if (!p.isAlive()) {
                fail("child " + run + " exited: "
                        + new String(Files.readAllBytes(dir.resolve("child-" + run + ".err")), StandardCharsets.UTF_8));
            }
            long safe = lastSafe.get(); // read before the kill: everything up to it was on disk by then
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not die");
            reader.join(10_000);
            return safe;
        } finally {
            p.destroyForcibly();
        }
    }

    private static List<Long> missing(FakeClsServer server, long[] safe) {
        Set<Long> stored = server.logs(ProducerSpoolTest.TOPIC).stream()
                .map(l -> Long.parseLong(l.field("seq")))
                .collect(Collectors.toSet());
        List<Long> missing = new ArrayList<>();
        for (int run = 0; run < safe.length; run++) {
            for (long seq = run * RUN_SPAN; seq <= safe[run]; seq++) {
                if (!stored.contains(seq)) {
                    missing.add(seq);
                }
            }
        }
        return missing;
    }

    private static void assertDuplicatesAreBatchesSentAgain(List<ReceivedLog> logs) {
        Map<Long, String> flowOf = new HashMap<>();
        int duplicates = 0;
        for (ReceivedLog l : logs) {
            String previous = flowOf.putIfAbsent(Long.parseLong(l.field("seq")), l.contextFlow());
            if (previous != null) {
                duplicates++;
                assertEquals(previous, l.contextFlow(), "log " + l.field("seq") + " stored twice by different batches");
            }
        }
        assertTrue(duplicates < logs.size() / 2, duplicates + " duplicates of " + logs.size());
    }
}
