package io.clssdk.producer;

/**
 * Where the outcomes of logs appended to an {@link EncodedLogStream} go. A run of consecutive logs appended with the
 * same listener is reported in one or more calls whose {@code logs} add up to the run's size: the built-in producer
 * reports each run once per batch it landed in; {@link ClsProducer#openStream the default stream} once per log.
 * Called on the producer's callback executor; must not block.
 */
public interface OutcomeListener {
    /**
     * @param result how the logs ended: success, or the failure every one of them got
     * @param logs how many logs this call settles (at least 1)
     */
    void completed(SendResult result, int logs);
}
