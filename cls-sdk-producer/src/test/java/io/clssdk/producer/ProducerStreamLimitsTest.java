package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.LogEncoder;
import io.clssdk.core.spi.WireBuffer;
import io.clssdk.core.testing.ReceivedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The batches of streams opened with {@code openStream} (the tailer's files) seal at LogListener's package limits —
 * 10,000 logs, 1 MiB, 3 s — while {@code send()} keeps maxBatchCount, maxBatchBytes and linger; both to a fake
 * endpoint, in one producer. A stream's linger that ends while its room is lent waits for the room.
 */
@Timeout(120)
class ProducerStreamLimitsTest {
    private static final String STREAM_TOPIC = "topic-stream";
    private static final String SEND_TOPIC = "topic-send";
    private static final int MIB = 1024 * 1024;

    @Test
    void streamBatchesHoldUpTo10000LogsWhereSendBatchesHold4096() {
        try (ProducerHarness h = new ProducerHarness(o -> {})) {
            shipBoth(h, 25_000, 20);
            assertEquals(Arrays.asList(10_000, 10_000, 5_000), logsPerRequest(h, STREAM_TOPIC));
            assertEquals(Arrays.asList(4_096, 4_096, 4_096, 4_096, 4_096, 4_096, 424), logsPerRequest(h, SEND_TOPIC));
        }
    }

    @Test
    void streamBatchesHoldUpTo1MiBWhereSendBatchesHold509KiB() {
        try (ProducerHarness h = new ProducerHarness(o -> {})) {
            shipBoth(h, 3_000, 1_000); // about 3 MB each way
            assertFullUpTo(h, STREAM_TOPIC, MIB, MIB - 8 * 1024);
            assertFullUpTo(h, SEND_TOPIC, 509 * 1024, 509 * 1024 - 8 * 1024);
        }
    }

    @Test
    void theStreamLimitsAreOptions() {
        Consumer<ProducerOptions.Builder> options =
                o -> o.streamMaxBatchCount(1_000).streamMaxBatchBytes(64 * 1024).maxBatchCount(100);
        try (ProducerHarness h = new ProducerHarness(options)) {
            shipBoth(h, 2_500, 20);
            assertEquals(Arrays.asList(1_000, 1_000, 500), logsPerRequest(h, STREAM_TOPIC));
            assertEquals(25, logsPerRequest(h, SEND_TOPIC).size());

            h.server.reset();
            shipBoth(h, 300, 1_000);
            assertFullUpTo(h, STREAM_TOPIC, 64 * 1024, 60 * 1024);
        }
    }

    @Test
    void aStreamBatchWaitsForStreamLingerAndASendBatchForLinger() {
        try (ProducerHarness h = new ProducerHarness(o -> {})) {
            AtomicInteger settled = new AtomicInteger();
            EncodedLogStream stream = h.producer.openStream(STREAM_TOPIC, "/var/log/app.log", Collections.emptyMap());
            append(stream, 0, 1, 20, settled);
            h.producer.send(SEND_TOPIC, null, log(0, 20));

            h.clock.advance(Duration.ofMillis(2_000)); // send()'s linger (2 s) ends, the stream's (3 s) does not
            h.awaitIdle();
            ProducerHarness.await(
                    "the send() batch was delivered",
                    () -> h.server.logs(SEND_TOPIC).size() == 1);
            assertEquals(0, h.server.logs(STREAM_TOPIC).size(), "the stream's batch still lingers");

            h.clock.advance(Duration.ofMillis(999));
            h.awaitIdle();
            assertEquals(0, h.server.logs(STREAM_TOPIC).size(), "the stream's batch still lingers");

            h.advanceUntil(
                    "the stream's batch was delivered at 3 s",
                    () -> settled.get() == 1,
                    Duration.ofMillis(1),
                    Duration.ofMillis(1));
            assertEquals(1, h.server.logs(STREAM_TOPIC).size());
            stream.close();
        }
    }

    @Test
    void aLingerThatEndsWhileTheStreamsRoomIsLentIsCarriedOutWhenTheRoomComesBack() {
        try (ProducerHarness h = new ProducerHarness(o -> {})) {
            AtomicInteger settled = new AtomicInteger();
            OutcomeListener target = (result, n) -> settled.addAndGet(n);
            EncodedLogStream stream = h.producer.openStream(STREAM_TOPIC, "/var/log/app.log", Collections.emptyMap());
            WireBuffer log = new WireBuffer(256);
            int values = LogEncoder.write(log, log(0, 20));
            stream.append(log.array(), log.position(), values, target);
            EncodedLogStream.Room room = stream.lend(target);
            log.reset();
            values = LogEncoder.write(log, log(1, 20));
            System.arraycopy(log.array(), 0, room.array(), room.position(), log.position());
            room.added(log.position(), values);

            h.clock.advance(Duration.ofSeconds(4)); // the stream's linger (3 s) ends while the room is lent
            h.awaitIdle();
            assertEquals(0, h.server.requests().size(), "the batch waits for its room");

            room.giveBack();
            ProducerHarness.await("both logs settled", () -> settled.get() == 2);
            assertEquals(Collections.singletonList(2), logsPerRequest(h, STREAM_TOPIC));
            stream.close();
        }
    }

    /**
     * Appends {@code logs} logs of about {@code valueBytes} each to a stream of {@link #STREAM_TOPIC} and sends as many
     * to {@link #SEND_TOPIC}, then flushes and waits until every log is stored.
     */
    private static void shipBoth(ProducerHarness h, int logs, int valueBytes) {
        AtomicInteger settled = new AtomicInteger();
        EncodedLogStream stream = h.producer.openStream(STREAM_TOPIC, "/var/log/app.log", Collections.emptyMap());
        for (int from = 0; from < logs; from += 500) {
            append(stream, from, Math.min(500, logs - from), valueBytes, settled);
        }
        for (int i = 0; i < logs; i++) {
            h.producer.send(SEND_TOPIC, null, log(i, valueBytes));
        }
        stream.flush();
        h.producer.flush();
        stream.close();
        ProducerHarness.await("every stream log settled", () -> settled.get() == logs);
        assertEquals(2L * logs, h.server.logCount());
    }

    private static void append(EncodedLogStream stream, int from, int count, int valueBytes, AtomicInteger settled) {
        List<LogRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(log(from + i, valueBytes));
        }
        StreamWriter.write(stream, records, (result, n) -> {
            assertTrue(result.success(), result::toString);
            settled.addAndGet(n);
        });
    }

    private static LogRecord log(long seq, int valueBytes) {
        char[] filler = new char[valueBytes];
        Arrays.fill(filler, (char) ('a' + seq % 26));
        return LogRecord.builder()
                .timeMs(1_700_000_000_000L + seq)
                .field("seq", Long.toString(seq))
                .field("message", new String(filler))
                .build();
    }

    private static List<ReceivedRequest> requests(ProducerHarness h, String topic) {
        return h.server.requests().stream()
                .filter(r -> r.topicId().equals(topic))
                .collect(Collectors.toList());
    }

    private static List<Integer> logsPerRequest(ProducerHarness h, String topic) {
        List<Integer> counts = new ArrayList<>();
        for (ReceivedRequest r : requests(h, topic)) {
            counts.add(r.logs());
        }
        Collections.sort(counts, Collections.reverseOrder());
        return counts;
    }

    /** Every request of {@code topic} holds at most {@code max} raw bytes, and all but the last at least {@code min}. */
    private static void assertFullUpTo(ProducerHarness h, String topic, int max, int min) {
        List<Integer> sizes = new ArrayList<>();
        for (ReceivedRequest r : requests(h, topic)) {
            sizes.add(r.rawBytes());
        }
        Collections.sort(sizes, Collections.reverseOrder());
        assertTrue(sizes.size() >= 2, topic + ": " + sizes);
        assertTrue(sizes.get(0) <= max, topic + " requests over " + max + " bytes: " + sizes);
        for (int size : sizes.subList(0, sizes.size() - 1)) {
            assertTrue(size >= min, topic + " requests sealed before " + min + " bytes: " + sizes);
        }
    }
}
