package io.clssdk.tailer.internal.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsException;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.api.ExtractRule;
import io.clssdk.core.api.LogType;
import io.clssdk.producer.EncodedLogStream;
import io.clssdk.producer.OutcomeListener;
import io.clssdk.producer.SendResult;
import io.clssdk.tailer.LineChunk;
import io.clssdk.tailer.TailedFile;
import io.clssdk.tailer.internal.parse.LinePipeline;
import io.clssdk.tailer.internal.parse.LinePipelines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a {@link FileShipper} settles chunks: acknowledged, lost (permanent) or retried later (anything else). */
class FileShipperTest {
    private final ShipStats stats = new ShipStats();
    private final FakeStream stream = new FakeStream();

    @Test
    void aDeliveredChunkIsAcknowledged() {
        TestChunk c = shipTwoLinesWith(new SendResult(true, "r", null, Collections.emptyList()));
        assertEquals(1, c.acks);
        assertNull(c.retryReason);
    }

    @Test
    void aPermanentRejectionIsCountedLostAndAcknowledged() {
        TestChunk c = shipTwoLinesWith(failure(new ClsServiceException(400, "InvalidContent", "bad", "r")));
        assertEquals(1, c.acks);
        assertEquals(2, stats.lost.sum());
        assertNull(c.retryReason);
    }

    @Test
    void aTransientFailureIsRetriedNeverLostNorAcknowledged() {
        TestChunk c = shipTwoLinesWith(
                failure(new ClsClientException(ClsClientException.Reason.DELIVERY_TIMEOUT, "timed out")));
        assertEquals(0, c.acks);
        assertEquals("timed out", c.retryReason);
        assertEquals(0, stats.lost.sum());
        assertEquals(2, stats.retried.sum());
    }

    /** Ships a chunk of two lines and completes its logs with {@code outcome}. */
    private TestChunk shipTwoLinesWith(SendResult outcome) {
        TestChunk c = new TestChunk(0, "a", "b");
        shipper(LogType.MINIMALIST_LOG, null).accept(c);
        stream.complete(outcome);
        return c;
    }

    @Test
    void aRefusedAppendRetriesTheChunkAndTheChunksWaitingOnAnEntry() {
        FileShipper s = shipper(
                LogType.MULTILINE_LOG,
                ExtractRule.builder().beginRegex("start.*").build());
        TestChunk first = new TestChunk(0, "start 1", "  more");
        s.accept(first); // the entry may go on: the chunk waits for it
        assertEquals(0, first.acks);
        stream.refuse = new ClsClientException(ClsClientException.Reason.BUFFER_FULL, "buffer full");
        TestChunk second = new TestChunk(first.end, "start 2", "  more");
        s.accept(second); // completes entry 1, whose append is refused
        assertEquals("buffer full", first.retryReason);
        assertEquals("buffer full", second.retryReason);
        assertEquals(0, first.acks + second.acks);
        TestChunk third = new TestChunk(second.end, "start 3");
        s.accept(third); // broken until the engine rewinds: nothing more is appended
        assertEquals("buffer full", third.retryReason);
        assertEquals(0, stream.appends);
        assertEquals(0, stats.lost.sum());
    }

    private FileShipper shipper(LogType type, ExtractRule rule) {
        LinePipeline p = LinePipelines.create(type, rule, null, null).newPipeline();
        return new FileShipper("/logs/app.log", p, stream, stats);
    }

    private static SendResult failure(ClsException e) {
        return new SendResult(false, null, e, Collections.emptyList());
    }

    /** Records appended runs; completes them on demand, or refuses appends. */
    private static final class FakeStream implements EncodedLogStream {
        final List<OutcomeListener> targets = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
        ClsClientException refuse;
        int appends;

        @Override
        public void append(byte[] log, int length, int valueBytes, OutcomeListener target) {
            appendAll(log, new int[] {0, length}, new int[] {valueBytes}, 1, target);
        }

        @Override
        public boolean fitsOneRequest(int length, int valueBytes) {
            return true;
        }

        @Override
        public void appendAll(byte[] src, int[] starts, int[] valueBytes, int count, OutcomeListener target) {
            if (refuse != null) {
                throw refuse;
            }
            appends++;
            targets.add(target);
            counts.add(count);
        }

        void complete(SendResult r) {
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).completed(r, counts.get(i));
            }
            targets.clear();
            counts.clear();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    /** A chunk of whole lines at {@code start}, recording how it was settled. */
    private static final class TestChunk implements LineChunk {
        final byte[] buf;
        final int[] starts;
        final int[] ends;
        final long start;
        final long end;
        int acks;
        String retryReason;

        TestChunk(long start, String... lines) {
            StringBuilder sb = new StringBuilder();
            starts = new int[lines.length];
            ends = new int[lines.length];
            for (int i = 0; i < lines.length; i++) {
                starts[i] = sb.length();
                sb.append(lines[i]);
                ends[i] = sb.length();
                sb.append('\n');
            }
            buf = sb.toString().getBytes(StandardCharsets.UTF_8);
            this.start = start;
            this.end = start + buf.length;
        }

        @Override
        public TailedFile file() {
            return TailedFile.of(Paths.get("/logs/app.log"), "app", 1, 2, 0, 0);
        }

        @Override
        public byte[] buffer() {
            return buf;
        }

        @Override
        public int lineCount() {
            return starts.length;
        }

        @Override
        public int lineStart(int i) {
            return starts[i];
        }

        @Override
        public int lineEnd(int i) {
            return ends[i];
        }

        @Override
        public boolean truncated(int i) {
            return false;
        }

        @Override
        public long startOffset() {
            return start;
        }

        @Override
        public long endOffset() {
            return end;
        }

        @Override
        public long readTimeMillis() {
            return 0;
        }

        @Override
        public void acknowledge() {
            acks++;
        }

        @Override
        public void retryLater(String reason) {
            if (retryReason == null) {
                retryReason = reason;
            }
        }
    }
}
