package io.clssdk.producer.testing;

import io.clssdk.core.LogRecord;
import io.clssdk.producer.SendResult;

/** One log accepted by an {@link InMemoryProducer}, with the result it was completed with. Immutable. */
public final class SentLog {
    private final String topicId;
    private final String hashKey;
    private final LogRecord record;
    private final SendResult result;

    SentLog(String topicId, String hashKey, LogRecord record, SendResult result) {
        this.topicId = topicId;
        this.hashKey = hashKey;
        this.record = record;
        this.result = result;
    }

    public String topicId() {
        return topicId;
    }

    /** The hash key it was sent with, or null. */
    public String hashKey() {
        return hashKey;
    }

    public LogRecord record() {
        return record;
    }

    /** What its future or callback received. */
    public SendResult result() {
        return result;
    }

    @Override
    public String toString() {
        return "SentLog{topicId=" + topicId + ", hashKey=" + hashKey + ", record=" + record + ", result=" + result
                + '}';
    }
}
