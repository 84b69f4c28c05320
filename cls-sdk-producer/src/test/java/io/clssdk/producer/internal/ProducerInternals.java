package io.clssdk.producer.internal;

/** Test access to package-private state of the producer, for harnesses in other packages. */
public final class ProducerInternals {
    private ProducerInternals() {}

    /** See {@code IoQueue.settledDispatches()}: -1 while an attempt is queued or running. */
    public static long settledDispatches(DefaultClsProducer producer) {
        return producer.settledDispatches();
    }
}
