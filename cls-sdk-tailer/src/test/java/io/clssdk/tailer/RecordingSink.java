package io.clssdk.tailer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test sink that records every line with its file and offset and acknowledges immediately, after a random delay,
 * manually (in any order, or never), and can refuse chunks or block in accept. Thread-safe.
 */
final class RecordingSink implements TailSink {
    /** When chunks are acknowledged. */
    enum Ack {
        IMMEDIATE,
        DELAYED,
        MANUAL
    }

    /** One received line. */
    static final class Line {
        final TailedFile file;
        final long offset;
        final String text;
        final boolean truncated;

        Line(TailedFile file, long offset, String text, boolean truncated) {
            this.file = file;
            this.offset = offset;
            this.text = text;
            this.truncated = truncated;
        }

        @Override
        public String toString() {
            return file.path().getFileName() + "@" + offset + ":" + text + (truncated ? " (truncated)" : "");
        }
    }

    private final Ack ack;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<LineChunk> held = new CopyOnWriteArrayList<>();
    private final List<TailedFile> idle = new CopyOnWriteArrayList<>();
    private final List<TailedFile> closed = new CopyOnWriteArrayList<>();
    private final List<TailedFile> rewound = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger accepts = new AtomicInteger();
    private final Random random = new Random(42);
    private final ScheduledExecutorService delayer;
    private volatile Semaphore gate;

    RecordingSink(Ack ack) {
        this.ack = ack;
        this.delayer = ack == Ack.DELAYED
                ? Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "test-sink-acker");
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    RecordingSink() {
        this(Ack.IMMEDIATE);
    }

    /** The next {@code n} calls to accept throw. */
    RecordingSink failNext(int n) {
        failuresLeft.set(n);
        return this;
    }

    /** Makes accept block until {@link #unblock()}. */
    RecordingSink block() {
        gate = new Semaphore(0);
        return this;
    }

    void unblock() {
        Semaphore g = gate;
        gate = null;
        if (g != null) {
            g.release(Integer.MAX_VALUE / 2);
        }
    }

    @Override
    public void accept(LineChunk chunk) throws Exception {
        Semaphore g = gate;
        if (g != null) {
            g.acquire();
        }
        accepts.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("test sink refuses this chunk");
        }
        byte[] buf = chunk.buffer();
        int base = chunk.lineStart(0);
        for (int i = 0; i < chunk.lineCount(); i++) {
            int s = chunk.lineStart(i);
            String text = new String(buf, s, chunk.lineEnd(i) - s, StandardCharsets.UTF_8);
            lines.add(new Line(chunk.file(), chunk.startOffset() + s - base, text, chunk.truncated(i)));
        }
        switch (ack) {
            case IMMEDIATE:
                chunk.acknowledge();
                break;
            case DELAYED:
                delayer.schedule(chunk::acknowledge, random.nextInt(20), TimeUnit.MILLISECONDS);
                break;
            default:
                held.add(chunk);
        }
    }

    @Override
    public void idle(TailedFile file, long nowMillis) {
        idle.add(file);
    }

    @Override
    public void fileClosed(TailedFile file) {
        closed.add(file);
    }

    @Override
    public void fileRewound(TailedFile file) {
        rewound.add(file);
    }

    /** Files the tailer rewound after a {@link LineChunk#retryLater}, one entry per rewind. */
    List<TailedFile> rewoundFiles() {
        return rewound;
    }

    /** Acknowledges held chunks, newest first (out of order). */
    void ackAllReversed() {
        List<LineChunk> copy = new ArrayList<>(held);
        held.removeAll(copy);
        Collections.reverse(copy);
        for (LineChunk c : copy) {
            c.acknowledge();
        }
    }

    List<LineChunk> held() {
        return held;
    }

    List<Line> lines() {
        return new ArrayList<>(lines);
    }

    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(l.text);
        }
        return out;
    }

    List<String> textsOf(String fileName) {
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.file.path().getFileName().toString().equals(fileName)) {
                out.add(l.text);
            }
        }
        return out;
    }

    int size() {
        return lines.size();
    }

    int accepts() {
        return accepts.get();
    }

    List<TailedFile> idleCalls() {
        return idle;
    }

    List<TailedFile> closedFiles() {
        return closed;
    }

    boolean closed(Path path) {
        for (TailedFile f : closed) {
            if (f.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    void shutdown() {
        if (delayer != null) {
            delayer.shutdownNow();
        }
    }
}
