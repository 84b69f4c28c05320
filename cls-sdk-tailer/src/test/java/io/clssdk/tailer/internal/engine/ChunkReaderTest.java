package io.clssdk.tailer.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.testing.internal.FakeClock;
import io.clssdk.tailer.LineChunk;
import io.clssdk.tailer.internal.file.CommitTracker;
import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.Fingerprint;
import io.clssdk.tailer.internal.file.InFlight;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a {@link ChunkReader} delivers the incomplete last line of a file. */
class ChunkReaderTest {
    private final InFlight inFlight = new InFlight(1 << 20);
    private final ChunkReader reader = new ChunkReader(64 * 1024, 1024, inFlight, new FakeClock());
    private final List<String> lines = new ArrayList<>();

    @TempDir
    Path dir;

    private TrackedFile file;

    @AfterEach
    void closeFile() throws Exception {
        if (file != null && file.channel != null) {
            file.channel.close();
        }
    }

    @Test
    void theHeldIncompleteLineIsDeliveredAsOneLine() throws Exception {
        Path path = write("1\n2");
        read(path);
        assertEquals(Arrays.asList("1"), lines);

        ReadResult r = reader.flushPartial(file);

        assertEquals(Arrays.asList("1", "2"), lines);
        assertTrue(r.eof);
        assertEquals(3, file.readOffset);
    }

    @Test
    void linesAppendedBehindTheIncompleteLineBeforeItIsFlushedStayLines() throws Exception {
        Path path = write("1\n2");
        read(path); // ends in "2", held as an incomplete line
        append(path, "\n3\n4"); // the rest of that line, a line, and a new incomplete one

        ReadResult r = reader.flushPartial(file);

        assertEquals(Arrays.asList("1", "2", "3"), lines, "never joined into one line");
        assertFalse(r.eof, "the rest is left to a read");
        assertEquals(6, file.readOffset);
        reader.read(file, Long.MAX_VALUE, () -> false);
        reader.flushPartial(file);
        assertEquals(Arrays.asList("1", "2", "3", "4"), lines);
        assertEquals(7, file.readOffset);
    }

    @Test
    void aHeldLineThatGrowsPastTheLineLimitBeforeItIsFlushedIsCutAndTheLinesAfterItKept() throws Exception {
        Path path = write("1\n2");
        read(path);
        char[] rest = new char[2000];
        Arrays.fill(rest, 'x');
        append(path, new String(rest) + "\n3\n"); // the held line, now 2,001 bytes, and a line after it

        ReadResult r = reader.flushPartial(file);

        assertFalse(r.eof, "left to a read");
        reader.read(file, Long.MAX_VALUE, () -> false);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("2" + new String(rest, 0, 1023), lines.get(1), "cut at the 1,024-byte limit");
        assertEquals("3", lines.get(2));
        assertEquals(2006, file.readOffset);
    }

    private Path write(String text) throws Exception {
        Path path = dir.resolve("app.log");
        Files.write(path, text.getBytes(StandardCharsets.UTF_8));
        return path;
    }

    private static void append(Path path, String text) throws Exception {
        Files.write(path, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    /** Opens {@code path} as a tracked file whose chunks are recorded and acknowledged, and reads it to its end. */
    private void read(Path path) throws Exception {
        SourceSpec source = new SourceSpec(0, "app", null, this::record, 0, 0);
        file = new TrackedFile(new FileKey(1, 1), source, path, new Fingerprint(0, 0), new CommitTracker(inFlight, 0));
        file.channel = FileChannel.open(path, StandardOpenOption.READ);
        ReadResult r = reader.read(file, Long.MAX_VALUE, () -> false);
        assertTrue(r.eof);
    }

    private void record(LineChunk chunk) {
        for (int i = 0; i < chunk.lineCount(); i++) {
            int start = chunk.lineStart(i);
            lines.add(new String(chunk.buffer(), start, chunk.lineEnd(i) - start, StandardCharsets.UTF_8));
        }
        chunk.acknowledge();
    }
}
