package io.clssdk.producer.internal;

import io.clssdk.producer.EncodedLogStream;

/**
 * The room left in a dedicated partition's open batch, lent to the stream's owner ({@link Partition#lend}): the owner
 * encodes logs straight into the batch's buffer behind its last log, and giving the room back appends them in place,
 * as a continuation of the batch's last run of completion targets. The batch's bytes beyond its size belong to the
 * owner until then; the partition seals nothing it lent.
 */
final class LentRoom implements EncodedLogStream.Room {
    final Batch batch;
    private final Partition partition;
    private final ProducerStats stats;
    private final int start;
    private final int limit;
    private final int maxLogs;
    private int pos;
    private int logs;
    private long valueBytes;

    LentRoom(Partition partition, ProducerStats stats, Batch batch, int bytes, int maxLogs) {
        this.partition = partition;
        this.stats = stats;
        this.batch = batch;
        this.start = batch.size();
        this.pos = start;
        this.limit = start + bytes;
        this.maxLogs = maxLogs;
    }

    @Override
    public byte[] array() {
        return batch.buf;
    }

    @Override
    public int position() {
        return pos;
    }

    @Override
    public boolean fits(int length) {
        return logs < maxLogs && length <= limit - pos;
    }

    @Override
    public void added(int length, int logValueBytes) {
        if (length <= 0 || !fits(length)) {
            throw new IllegalArgumentException("a log of " + length + " bytes does not fit the room (" + (limit - pos)
                    + " bytes, " + (maxLogs - logs) + " logs left)");
        }
        pos += length;
        logs++;
        valueBytes += logValueBytes;
    }

    @Override
    public int logs() {
        return logs;
    }

    /** Bytes of the logs added. */
    int bytes() {
        return pos - start;
    }

    long valueBytes() {
        return valueBytes;
    }

    @Override
    public void giveBack() {
        stats.accepted.add(logs); // before the batch can complete
        boolean appended;
        try {
            appended = partition.giveBack(this, true);
        } catch (RuntimeException e) {
            stats.accepted.add(-logs);
            throw e;
        }
        if (!appended) {
            stats.accepted.add(-logs);
            throw DefaultClsProducer.closedException();
        }
    }

    @Override
    public void abandon() {
        partition.giveBack(this, false);
    }
}
