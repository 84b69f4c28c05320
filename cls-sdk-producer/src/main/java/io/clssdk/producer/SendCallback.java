package io.clssdk.producer;

/**
 * Receives the outcome of one log sent with {@link ClsProducer#send(String, io.clssdk.core.LogRecord, SendCallback)}.
 *
 * <p>Called exactly once per accepted log, on the producer's callback executor — never on an I/O thread, so a slow
 * callback delays other callbacks but never uploads. An exception thrown here is logged and otherwise ignored. One
 * callback instance may be shared by many sends; sharing costs nothing per log.
 */
@FunctionalInterface
public interface SendCallback {
    /** The log's outcome; {@link SendResult#success()} tells whether CLS stored it. */
    void onCompletion(SendResult result);
}
