package io.clssdk.producer.spi;

import io.clssdk.producer.SendResult;

/**
 * A completion target for logs appended through the internal stream API (the tailer): told once per run of
 * consecutive logs it owns in a batch, with how many logs the run held. Called on the callback executor.
 */
public interface OutcomeListener {
    void completed(SendResult result, int logs);
}
