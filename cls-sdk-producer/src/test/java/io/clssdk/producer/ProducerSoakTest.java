package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.core.testing.ReceivedRequest;
import io.clssdk.producer.internal.DefaultClsProducer;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The long, real-time version of {@link ProducerChaosTest}: {@code soak.minutes} (default 30) of cycles of faults,
 * quota storms and calm, with a 60 s total outage in the middle, while 8 threads offer {@code soak.rate} logs/s
 * (default 20,000) — 100,000 logs/s during the outage ({@code soak.outageRate}). Checks the same invariants and
 * asserts that the producer's threads use at most 1 % of a core during the outage.
 *
 * <p>Run with {@code mvn -B verify -Psoak -Dsoak.minutes=30} (excluded from the default build by its tag).
 */
@Tag("soak")
class ProducerSoakTest {
    private static final int THREADS = 8;
    private static final int TOPICS = 20;
    private static final int IO_THREADS = 4;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration FINAL_CALM = Duration.ofSeconds(60);

    @Test
    void soak() throws Exception {
        long minutes = Long.getLong("soak.minutes", 30);
        long rate = Long.getLong("soak.rate", 20_000);
        long outageRate = Long.getLong("soak.outageRate", 100_000);
        long seed = Long.getLong("chaos.seed", 8_2024L);
        Duration total = Duration.ofMinutes(minutes);
        assertTrue(total.compareTo(OUTAGE.plus(FINAL_CALM).multipliedBy(2)) >= 0, "soak.minutes must be at least 4");
        FaultSchedule schedule = schedule(seed, total);
        Duration outageStart = startOf(schedule, "outage");
        long capacity = (rate * total.getSeconds() + (outageRate - rate) * OUTAGE.getSeconds()) / THREADS;
        LogLedger ledger = new LogLedger(THREADS, (int) (capacity * 21 / 20 + 10_000), false);
        ProducerOptions options = ProducerOptions.builder()
                .maxBlock(Duration.ZERO)
                .ioThreads(IO_THREADS)
                .sourceIp("10.1.2.3")
                .hostname("soak-host")
                .jmx(false)
                .httpOptions(HttpOptions.builder().readTimeout(READ_TIMEOUT).build())
                .build();
        try (FakeClsServer server = FakeClsServer.start();
                DefaultClsProducer producer = (DefaultClsProducer) ClsProducer.builder()
                        .endpoint(server.endpoint())
                        .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                        .options(options)
                        .build()) {
            long startNanos = System.nanoTime();
            long outageFrom = outageStart.toNanos();
            long outageTo = outageStart.plus(OUTAGE).toNanos();
            ChaosLoad load = new ChaosLoad(producer, ledger, TOPICS, () -> {
                long elapsed = System.nanoTime() - startNanos;
                long inOutage = Math.max(0, Math.min(elapsed, outageTo) - outageFrom);
                double logs = rate * (elapsed / 1e9) + (outageRate - rate) * (inOutage / 1e9);
                return (long) (logs / THREADS);
            });
            ProducerProbe probe = new ProducerProbe(producer, producer.id(), 2 + IO_THREADS).start(100);
            Drainer drainer = new Drainer(server, ledger);
            drainer.start();
            load.start();
            StringBuilder report = new StringBuilder("producer soak, " + minutes + " min, " + rate + " logs/s ("
                    + outageRate + " during the outage), schedule " + schedule + "\n");
            long outageCpu = -1;
            long outageRealNanos = 0;
            long outageOffered = 0;
            for (int i = 0; i < schedule.phases().size(); i++) {
                FaultSchedule.Phase phase = schedule.phases().get(i);
                schedule.apply(server, i);
                long cpuBefore = probe.producerCpuNanos();
                long offeredBefore = offered(ledger);
                long realBefore = System.nanoTime();
                TimeUnit.NANOSECONDS.sleep(phase.length.toNanos());
                if (phase.isOutage()) {
                    outageCpu = probe.producerCpuNanos() - cpuBefore;
                    outageRealNanos = System.nanoTime() - realBefore;
                    outageOffered = offered(ledger) - offeredBefore;
                }
            }
            load.stop();
            server.clearFaults();
            long drainDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (producer.metrics().pending() > 0 && System.nanoTime() < drainDeadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertTrue(producer.close(Duration.ofSeconds(60)), "close() delivered everything and stopped its threads");
            probe.stop();
            drainer.stop();

            LogLedger.Summary summary = ledger.verify();
            ProducerMetrics m = producer.metrics();
            double outageCpuPercent = 100.0 * outageCpu / outageRealNanos;
            report.append(String.format(
                    "  outage: producer CPU %d ms in %d ms = %.2f %% of a core, %.0f logs/s offered%n",
                    TimeUnit.NANOSECONDS.toMillis(outageCpu),
                    TimeUnit.NANOSECONDS.toMillis(outageRealNanos),
                    outageCpuPercent,
                    outageOffered * 1e9 / outageRealNanos));
            report.append(String.format(
                    "  max heap used %d MiB (%d MiB live after a GC), max producer threads %d, max buffer used %d of %d"
                            + " bytes%n",
                    probe.maxHeapUsed() >> 20,
                    probe.maxHeapAfterGc() >> 20,
                    probe.maxProducerThreads(),
                    probe.maxBufferUsed(),
                    m.bufferTotalBytes()));
            report.append("  ledger: ").append(summary).append('\n');
            report.append("  failures by code: ")
                    .append(ledger.failuresByCode())
                    .append('\n');
            report.append("  rejected sends: ").append(load.rejections()).append('\n');
            report.append("  requests ")
                    .append(drainer.requests)
                    .append(", faults injected ")
                    .append(drainer.faults)
                    .append(": ")
                    .append(drainer.faultsByKind)
                    .append('\n');
            report.append("  duplicates: ").append(summary.duplicateSamples).append('\n');
            report.append("  ").append(m);
            System.out.println(report);

            assertTrue(summary.ok(), summary.toString());
            assertTrue(probe.violations().isEmpty(), probe.violations().toString());
            assertEquals(0, load.unexpected(), "send() threw something other than ClsClientException");
            assertTrue(
                    Collections.singleton("BUFFER_FULL")
                            .containsAll(load.rejections().keySet()),
                    "rejections: " + load.rejections());
            assertTrue(
                    Collections.singleton("DELIVERY_TIMEOUT")
                            .containsAll(ledger.failuresByCode().keySet()),
                    "failures: " + ledger.failuresByCode());
            assertEquals(summary.accepted, m.accepted());
            assertEquals(summary.succeeded, m.succeeded());
            assertTrue(outageOffered * 1e9 / outageRealNanos >= outageRate * 0.9, "the senders kept up the offer");
            assertTrue(outageCpuPercent <= 1.0, "producer CPU during the outage: " + outageCpuPercent + " %");
        }
    }

    /**
     * Cycles of a minute — 15 s of faults at 10 %, a 10 s quota storm, 15 s of faults at 30 %, 20 s calm — with the
     * outage in the middle and a calm last minute.
     */
    static FaultSchedule schedule(long seed, Duration total) {
        FaultSchedule s = new FaultSchedule(seed);
        Duration outageStart = total.dividedBy(2).minus(OUTAGE.dividedBy(2));
        cycles(s, outageStart);
        s.add(FaultSchedule.outage(OUTAGE));
        cycles(s, total.minus(outageStart).minus(OUTAGE).minus(FINAL_CALM));
        s.add(FaultSchedule.calm("final calm", FINAL_CALM));
        return s;
    }

    private static void cycles(FaultSchedule s, Duration length) {
        FaultSchedule.Phase[] cycle = {
            FaultSchedule.mixed("faults", Duration.ofSeconds(15), 0.1, READ_TIMEOUT),
            FaultSchedule.quotaStorm(Duration.ofSeconds(10)),
            FaultSchedule.mixed("heavy faults", Duration.ofSeconds(15), 0.3, READ_TIMEOUT),
            FaultSchedule.calm("calm", Duration.ofSeconds(20))
        };
        Duration left = length;
        for (int i = 0; !left.isZero(); i++) {
            FaultSchedule.Phase p = cycle[i % cycle.length];
            Duration d = p.length.compareTo(left) <= 0 ? p.length : left;
            s.add(new FaultSchedule.Phase(p.name, d, p.rate, p.faults));
            left = left.minus(d);
        }
    }

    private static Duration startOf(FaultSchedule schedule, String name) {
        Duration at = Duration.ZERO;
        for (FaultSchedule.Phase p : schedule.phases()) {
            if (p.name.equals(name)) {
                return at;
            }
            at = at.plus(p.length);
        }
        throw new IllegalArgumentException(name);
    }

    private static long offered(LogLedger ledger) {
        long sum = 0;
        for (int t = 0; t < ledger.threads(); t++) {
            sum += ledger.offered(t);
        }
        return sum;
    }

    /** Moves what the endpoint stored into the ledger as the run goes, so memory stays flat. */
    private static final class Drainer {
        private final FakeClsServer server;
        private final LogLedger ledger;
        private final Map<String, Integer> faultsByKind = new TreeMap<>();
        private final Thread thread;
        private volatile boolean running = true;
        private long requests;
        private long faults;

        Drainer(FakeClsServer server, LogLedger ledger) {
            this.server = server;
            this.ledger = ledger;
            this.thread = new Thread(this::run, "soak-drainer");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            while (running) {
                drainOnce();
                try {
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            drainOnce();
        }

        private void drainOnce() {
            for (ReceivedLog log : server.drainLogs()) {
                ledger.received(log);
            }
            for (ReceivedRequest r : server.drainRequests()) {
                requests++;
                if (r.fault() != null) {
                    faults++;
                    faultsByKind.merge(r.fault().toString(), 1, Integer::sum);
                }
            }
        }

        /** Stops after a last drain; the ledger and counters are complete afterwards. */
        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
