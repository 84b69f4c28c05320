package io.clssdk.producer;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.testing.FakeClsServer;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The process {@link ProducerSpoolCrashTest} kills: a producer with a disk spool sending numbered logs, batches of 10,
 * printing {@code A <seq>} once {@code send()} returned for each tenth log (its batch is then sealed and written).
 * Arguments: spool directory, endpoint URL, first sequence number.
 */
public final class SpoolCrashChild {
    private SpoolCrashChild() {}

    public static void main(String[] args) throws InterruptedException {
        ClsProducer producer = ClsProducer.builder()
                .endpoint(ClsEndpoint.parse(args[1]))
                .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                .options(ProducerOptions.builder()
                        .sourceIp("10.0.0.9")
                        .hostname("child")
                        .jmx(false)
                        .maxBatchCount(10)
                        // batches seal only when full (10 logs), so "A <seq>" marks a sealed batch's last log: linger
                        // and the fsync interval (which caps it) are longer than a run (kill -9 keeps the page cache)
                        .linger(Duration.ofMinutes(10))
                        .deliveryTimeout(Duration.ofMinutes(20))
                        .retryBackoffMax(Duration.ofMillis(200))
                        .spool(SpoolOptions.builder(Paths.get(args[0]))
                                .fsyncInterval(Duration.ofSeconds(60))
                                .build())
                        .build())
                .build();
        System.out.println("started");
        long first = Long.parseLong(args[2]);
        for (long seq = first; seq < first + 1_000_000; seq++) {
            producer.send(ProducerSpoolTest.TOPIC, ProducerHarness.log(seq));
            if (seq % 10 == 9) {
                System.out.println("A " + seq);
                TimeUnit.MILLISECONDS.sleep(1); // pacing: about 10,000 logs a second at most
            }
        }
        System.out.println("done");
        TimeUnit.DAYS.sleep(1); // until killed
    }
}
