package io.clssdk.tailer;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.api.CollectionConfig;
import io.clssdk.core.api.LogType;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The tailer process {@link TailerChaosTest} kills with SIGKILL: runs a {@code minimalist_log} collection config on
 * {@code <dir>/*.log} through a producer to the test's endpoint. Prints {@code started}. Arguments: directory,
 * checkpoint directory, endpoint URL, secret id, secret key.
 */
public final class ChaosTailer {
    private ChaosTailer() {}

    public static void main(String[] args) throws Exception {
        ClsProducer producer = ClsProducer.builder()
                .endpoint(ClsEndpoint.parse(args[2]))
                .credentials(CredentialsProvider.of(Credentials.of(args[3], args[4])))
                .options(ProducerOptions.builder()
                        .linger(Duration.ofMillis(100))
                        .streamLinger(Duration.ofMillis(100))
                        .sourceIp("10.0.0.9")
                        .hostname("chaos")
                        .jmx(false)
                        .build())
                .build();
        CollectionSource source = CollectionSource.builder(CollectionConfig.builder()
                        .name("chaos")
                        .output(TailerChaosTest.TOPIC)
                        .path(args[0] + "/*.log")
                        .logType(LogType.MINIMALIST_LOG)
                        .build())
                .producer(producer)
                .build();
        Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(Paths.get(args[1]))
                        .checkpointInterval(Duration.ofMillis(50))
                        .rotationQuietPeriod(Duration.ofSeconds(2))
                        .rescanInterval(Duration.ofSeconds(1))
                        .partialLineFlushIdle(Duration.ofMillis(200))
                        .build())
                .source(source.tailSource())
                .build();
        tailer.start();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
