package io.clssdk.producer;

/**
 * Told the outcome of each batch a producer rebuilt from its {@linkplain SpoolOptions disk spool}: replayed at start
 * (logs a previous process accepted, whose callbacks and futures went with that process), or sent again after its
 * callbacks were told of a transient failure (delivery timeout, retries exhausted). Called on the producer's callback
 * executor, once per replayed batch that reached a final outcome in this process; must not block for long. A listener
 * that throws is logged and ignored.
 */
@FunctionalInterface
public interface ReplayListener {
    /**
     * A replayed batch reached its outcome.
     *
     * @param topicId the batch's topic
     * @param hashKey its hash key, or null
     * @param logs how many logs it carried
     * @param result its outcome (succeeded, or the error that failed it)
     */
    void replayed(String topicId, String hashKey, int logs, SendResult result);
}
