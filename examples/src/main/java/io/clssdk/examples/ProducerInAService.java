package io.clssdk.examples;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.LogRecord;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.ProducerOptions;
import io.clssdk.producer.SendCallback;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A producer inside a long-running service: one shared instance, a shared callback that counts and reports failures,
 * hash keys where order matters, {@code flush()} at a checkpoint (for example before acknowledging a message queue
 * batch), and a graceful shutdown from a JVM shutdown hook that delivers what is pending. Uses real CLS when {@code
 * TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY}, {@code CLS_REGION} and {@code CLS_TOPIC_ID} are set,
 * otherwise an embedded local CLS endpoint. Run:
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests && java -cp examples/target/benchmarks.jar io.clssdk.examples.ProducerInAService
 * }</pre>
 */
public final class ProducerInAService {
    private ProducerInAService() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out));
    }

    public static int run(Map<String, String> environment, PrintStream out) {
        try (UploadTarget target = UploadTarget.from(new ExampleEnv(environment))) {
            out.println("uploading to " + target.describe());
            OrderService service = new OrderService(target, out);
            Thread hook = new Thread(service::shutdown, "shutdown-cls-producer");
            Runtime.getRuntime().addShutdownHook(hook); // a real service keeps this hook; the example removes it
            try {
                for (int batch = 0; batch < 5; batch++) {
                    for (int order = 0; order < 200; order++) {
                        service.orderPlaced("customer-" + (order % 7), batch * 1000 + order);
                    }
                    service.checkpoint(); // everything so far is delivered (or reported failed) when this returns
                    out.printf("batch %d checkpointed: %s%n", batch, service.producer.metrics());
                }
            } finally {
                service.shutdown();
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            return service.failures.get() == 0 && service.producer.metrics().succeeded() == 1000 ? 0 : 1;
        }
    }

    /** The part of a service that logs its business events to CLS. */
    static final class OrderService {
        final ClsProducer producer;
        final AtomicLong failures = new AtomicLong();
        private final String topicId;
        private final PrintStream out;
        /** One callback instance for every log: no allocation per send. Runs on the producer's callback thread. */
        private final SendCallback reportFailures;

        OrderService(UploadTarget target, PrintStream out) {
            this.topicId = target.topicId;
            this.out = out;
            this.producer = ClsProducer.builder()
                    .endpoint(target.endpoint)
                    .credentials(target.credentials)
                    .options(ProducerOptions.builder()
                            .linger(Duration.ofMillis(500))
                            .maxBlock(Duration.ofSeconds(5)) // past this, send() throws BUFFER_FULL
                            .tag("service", "orders")
                            .build())
                    .build();
            this.reportFailures = result -> {
                if (!result.success()) {
                    failures.incrementAndGet();
                    out.println("log not delivered: " + result.errorCode() + " " + result.errorMessage());
                }
            };
        }

        void orderPlaced(String customer, int orderId) {
            LogRecord event = LogRecord.builder()
                    .field("event", "order_placed")
                    .field("customer", customer)
                    .field("order", Integer.toString(orderId))
                    .build();
            try {
                // the customer's events stay in order, also across retries
                producer.send(topicId, customer, event, reportFailures);
            } catch (ClsClientException e) {
                // rejected (invalid, buffer full past maxBlock, closed): never accepted, so no callback comes
                failures.incrementAndGet();
                out.println("log rejected: " + e.getMessage());
            }
        }

        void checkpoint() {
            producer.flush();
        }

        void shutdown() {
            if (!producer.close(Duration.ofSeconds(20))) {
                out.println("some logs were still pending at shutdown and were reported as failed");
            }
        }
    }
}
