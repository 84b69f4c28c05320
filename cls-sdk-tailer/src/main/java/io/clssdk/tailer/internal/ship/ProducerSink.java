package io.clssdk.tailer.internal.ship;

import io.clssdk.producer.ClsProducer;
import io.clssdk.tailer.LineChunk;
import io.clssdk.tailer.TailSink;
import io.clssdk.tailer.TailedFile;
import io.clssdk.tailer.internal.parse.LinePipeline;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tailer's default sink: every followed file gets a {@link FileShipper} — its own parsing pipeline and its own
 * producer stream, whose log groups carry the file's path and tags — created on the file's first chunk and closed when
 * the engine stops following the file.
 */
public final class ProducerSink implements TailSink {
    private final ClsProducer producer;
    private final String topicId;
    private final Supplier<LinePipeline> pipelines;
    private final Function<String, Map<String, String>> fileTags;
    private final ShipStats stats;
    private final Map<FileId, FileShipper> files = new ConcurrentHashMap<>();

    /**
     * @param pipelines makes a fresh parsing pipeline (one per file: multi-line state is per file)
     * @param fileTags the log tags of a file, from its path ({@code PathRegex} captures, {@code MetaTags})
     */
    public ProducerSink(
            ClsProducer producer,
            String topicId,
            Supplier<LinePipeline> pipelines,
            Function<String, Map<String, String>> fileTags,
            ShipStats stats) {
        this.producer = producer;
        this.topicId = topicId;
        this.pipelines = pipelines;
        this.fileTags = fileTags;
        this.stats = stats;
    }

    @Override
    public void accept(LineChunk chunk) {
        shipper(chunk.file()).accept(chunk);
    }

    @Override
    public void idle(TailedFile file, long nowMillis) {
        FileShipper s = files.get(FileId.of(file));
        if (s != null) {
            s.flush(nowMillis);
        }
    }

    @Override
    public void fileClosed(TailedFile file) {
        FileShipper s = files.remove(FileId.of(file));
        if (s != null) {
            s.close(System.currentTimeMillis());
        }
    }

    /**
     * Drops the file's shipper without flushing it: a pending multi-line entry is discarded (its lines are read again
     * from the committed offset). Logs already appended still go out; their outcomes no longer count.
     */
    @Override
    public void fileRewound(TailedFile file) {
        FileShipper s = files.remove(FileId.of(file));
        if (s != null) {
            s.discard();
        }
    }

    private FileShipper shipper(TailedFile file) {
        FileId id = FileId.of(file);
        FileShipper s = files.get(id);
        if (s == null) {
            String name = file.path().toString();
            s = new FileShipper(name, pipelines.get(), producer.openStream(topicId, name, fileTags.apply(name)), stats);
            files.put(id, s);
        }
        return s;
    }

    /** A file's identity without its fingerprint (which grows with the file) or path (which a rename changes). */
    private static final class FileId {
        final String source;
        final long device;
        final long inode;

        private FileId(String source, long device, long inode) {
            this.source = source;
            this.device = device;
            this.inode = inode;
        }

        static FileId of(TailedFile f) {
            return new FileId(f.sourceName(), f.device(), f.inode());
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof FileId)) {
                return false;
            }
            FileId that = (FileId) o;
            return device == that.device && inode == that.inode && source.equals(that.source);
        }

        @Override
        public int hashCode() {
            return (int) (31 * (31 * source.hashCode() + device) + inode);
        }
    }
}
