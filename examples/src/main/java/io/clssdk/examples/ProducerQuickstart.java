package io.clssdk.examples;

import io.clssdk.core.LogRecord;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.SendResult;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The producer in twenty lines: build it, send logs, close it. Uploads to real CLS when {@code
 * TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY}, {@code CLS_REGION} and {@code CLS_TOPIC_ID} are set,
 * otherwise to an embedded local CLS endpoint. Run:
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests && java -cp examples/target/benchmarks.jar io.clssdk.examples.ProducerQuickstart
 * }</pre>
 */
public final class ProducerQuickstart {
    private ProducerQuickstart() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out));
    }

    public static int run(Map<String, String> environment, PrintStream out) {
        try (UploadTarget target = UploadTarget.from(new ExampleEnv(environment))) {
            out.println("uploading to " + target.describe());

            ClsProducer producer = ClsProducer.builder()
                    .endpoint(target.endpoint)
                    .credentials(target.credentials)
                    .build();
            for (int i = 0; i < 100; i++) {
                producer.send(
                        target.topicId,
                        LogRecord.builder()
                                .field("level", "INFO")
                                .field("message", "hello from cls-sdk #" + i)
                                .build());
            }
            CompletableFuture<SendResult> last = producer.send(
                    target.topicId,
                    LogRecord.builder().field("message", "the last one").build());
            producer.close(); // sends what is pending (up to 30 s), then stops its threads

            SendResult result = last.join();
            out.println("last log: " + (result.success() ? "delivered, request " + result.requestId() : result));
            out.println("producer: " + producer.metrics());
            return result.success() && producer.metrics().succeeded() == 101 ? 0 : 1;
        }
    }
}
