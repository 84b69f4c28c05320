package io.clssdk.producer.testing;

import io.clssdk.core.LogRecord;
import io.clssdk.producer.SendResult;
import java.util.Map;

/** One log accepted by an {@link InMemoryProducer}, with the result it was completed with. Immutable. */
public final class SentLog {
    private final String topicId;
    private final String hashKey;
    private final LogRecord record;
    private final SendResult result;
    private final String filename;
    private final Map<String, String> tags;

    SentLog(
            String topicId,
            String hashKey,
            LogRecord record,
            SendResult result,
            String filename,
            Map<String, String> tags) {
        this.topicId = topicId;
        this.hashKey = hashKey;
        this.record = record;
        this.result = result;
        this.filename = filename;
        this.tags = tags;
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

    /** The file name of the stream it came through ({@code ClsProducer.openStream}, the tailer), or null. */
    public String filename() {
        return filename;
    }

    /** The extra log-group tags of the stream it came through; empty for a plain {@code send()}. */
    public Map<String, String> tags() {
        return tags;
    }

    /** What its future or callback received. */
    public SendResult result() {
        return result;
    }

    @Override
    public String toString() {
        return "SentLog{topicId=" + topicId + ", hashKey=" + hashKey + ", record=" + record + ", result=" + result
                + (filename == null ? "" : ", filename=" + filename + ", tags=" + tags) + '}';
    }
}
