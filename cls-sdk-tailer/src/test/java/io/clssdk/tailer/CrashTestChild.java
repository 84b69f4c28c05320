package io.clssdk.tailer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The process {@link TailerCrashTest} kills: follows {@code <logs>/*.log} and, for every chunk, appends
 * {@code "<dev>:<ino> <offset> <line>"} per line to the output file, forces it to disk, and only then acknowledges.
 * Prints {@code started} when the tailer runs. Arguments: logs directory, checkpoint directory, output file, and
 * optionally a marker file: while it exists, delivery is "down" — each chunk is declared {@link LineChunk#retryLater}
 * (and a line appended to {@code <output>.retries}) instead of being written.
 */
public final class CrashTestChild {
    private CrashTestChild() {}

    public static void main(String[] args) throws Exception {
        Path logs = Paths.get(args[0]);
        FileChannel out = FileChannel.open(
                Paths.get(args[2]), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        Path down = args.length > 3 ? Paths.get(args[3]) : null;
        Path retries = Paths.get(args[2] + ".retries");
        TailSink sink = chunk -> {
            if (down != null && Files.exists(down)) {
                Files.write(
                        retries,
                        (chunk + "\n").getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                chunk.retryLater("delivery is down");
                return;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = chunk.buffer();
            int base = chunk.lineStart(0);
            String id = chunk.file().device() + ":" + chunk.file().inode() + " ";
            for (int i = 0; i < chunk.lineCount(); i++) {
                long offset = chunk.startOffset() + chunk.lineStart(i) - base;
                bytes.write((id + offset + " ").getBytes(StandardCharsets.UTF_8));
                bytes.write(buf, chunk.lineStart(i), chunk.lineEnd(i) - chunk.lineStart(i));
                bytes.write('\n');
            }
            ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray());
            synchronized (out) {
                while (b.hasRemaining()) {
                    out.write(b);
                }
                out.force(false);
            }
            chunk.acknowledge();
        };
        Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(Paths.get(args[1]))
                        .checkpointInterval(Duration.ofMillis(20))
                        .rotationQuietPeriod(Duration.ofSeconds(2))
                        .rescanInterval(Duration.ofSeconds(1))
                        .maxLineBytes(1024)
                        .readBufferBytes(16 * 1024)
                        .maxInFlightBytes(64 * 1024)
                        .build())
                .source(TailSource.builder("crash")
                        .path(logs + "/*.log")
                        .sink(sink)
                        .build())
                .build();
        tailer.start();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
