package io.clssdk.tailer.internal.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.Arrays;
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
        assertEquals(Collections.emptyList(), stream.appended);
        assertEquals(0, stats.lost.sum());
    }

    @Test
    void aChunksFirstLogIsCopiedAndTheRestWrittenIntoTheRoomLentBehindIt() {
        stream.roomLogs = 2;
        TestChunk c = new TestChunk(0, "line 1", "line 2", "line 3", "line 4", "line 5");

        shipper(LogType.MINIMALIST_LOG, null).accept(c);

        assertEquals(Arrays.asList("copy", "room of 2", "copy", "room of 1"), stream.appended);
        assertNull(stream.lent, "the room came back at the end of the chunk");
        assertEquals(0, c.acks, "acknowledged only once the producer settled every log");
        stream.complete(new SendResult(true, "r", null, Collections.emptyList()));
        assertEquals(1, c.acks);
        assertEquals(5, stats.shipped.sum());
    }

    @Test
    void aRoomRefusedWhenItComesBackRetriesTheChunk() {
        FileShipper s = lendingShipper();
        TestChunk c = new TestChunk(0, "a", "b", "c");
        stream.refuseRoom = new ClsClientException(ClsClientException.Reason.CLOSED, "closed");

        s.accept(c);

        assertEquals(Collections.singletonList("copy"), stream.appended);
        assertNull(c.retryReason, "settled once the copied log is");
        stream.complete(new SendResult(true, "r", null, Collections.emptyList()));
        assertEquals(0, c.acks, "the chunk is read again, not acknowledged");
        assertEquals("closed", c.retryReason);
        assertEquals(0, stats.lost.sum());
    }

    @Test
    void aFailureWhileTheRoomIsLentAbandonsItAndAppendsNothingMore() {
        FileShipper s = lendingShipper();
        TestChunk c = new TestChunk(0, "a", "b", "c");
        c.failAtLine = 2; // reading the third line throws

        assertThrows(IllegalStateException.class, () -> s.accept(c));

        assertEquals(Arrays.asList("copy", "abandoned"), stream.appended);
        assertNull(stream.lent);
    }

    /** A {@code minimalist_log} shipper whose stream lends room for up to 100 logs. */
    private FileShipper lendingShipper() {
        stream.roomLogs = 100;
        return shipper(LogType.MINIMALIST_LOG, null);
    }

    private FileShipper shipper(LogType type, ExtractRule rule) {
        LinePipeline p = LinePipelines.create(type, rule, null, null).newPipeline();
        return new FileShipper("/logs/app.log", p, stream, stats);
    }

    private static SendResult failure(ClsException e) {
        return new SendResult(false, null, e, Collections.emptyList());
    }

    /**
     * Records appended logs and runs given back in lent rooms; completes them on demand, or refuses appends. Lends
     * room (for up to {@code roomLogs} logs) only when told to.
     */
    private static final class FakeStream implements EncodedLogStream {
        final List<OutcomeListener> targets = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
        final List<String> appended = new ArrayList<>();
        ClsClientException refuse;
        ClsClientException refuseRoom;
        int roomLogs;
        FakeRoom lent;

        @Override
        public void append(byte[] log, int length, int valueBytes, OutcomeListener target) {
            if (lent != null) {
                throw new IllegalStateException("appended while the room is lent");
            }
            if (refuse != null) {
                throw refuse;
            }
            appended.add("copy");
            targets.add(target);
            counts.add(1);
        }

        @Override
        public boolean fitsOneRequest(int length, int valueBytes) {
            return true;
        }

        @Override
        public Room lend(OutcomeListener target) {
            if (roomLogs == 0) {
                return null;
            }
            lent = new FakeRoom(target);
            return lent;
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

        private final class FakeRoom implements Room {
            final OutcomeListener target;
            final byte[] buf = new byte[1 << 16];
            int pos;
            int logs;

            FakeRoom(OutcomeListener target) {
                this.target = target;
            }

            @Override
            public byte[] array() {
                return buf;
            }

            @Override
            public int position() {
                return pos;
            }

            @Override
            public boolean fits(int length) {
                return logs < roomLogs && length <= buf.length - pos;
            }

            @Override
            public void added(int length, int valueBytes) {
                pos += length;
                logs++;
            }

            @Override
            public int logs() {
                return logs;
            }

            @Override
            public void giveBack() {
                lent = null;
                if (refuseRoom != null) {
                    throw refuseRoom;
                }
                appended.add("room of " + logs);
                targets.add(target);
                counts.add(logs);
            }

            @Override
            public void abandon() {
                lent = null;
                appended.add("abandoned");
            }
        }
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
        int failAtLine = -1;

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
            if (i == failAtLine) {
                throw new IllegalStateException("line " + i + " cannot be read");
            }
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
