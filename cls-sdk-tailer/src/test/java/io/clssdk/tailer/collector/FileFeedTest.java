package io.clssdk.tailer.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFeedTest {
    private static final String A = "{\"Name\":\"a\",\"Output\":\"t\",\"Path\":\"/var/log/a/*.log\"}";
    private static final String B = "{\"Name\":\"b\",\"Output\":\"t\",\"Path\":\"/var/log/b/*.log\"}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true));

    @Test
    void onlyChangedContentIsReturnedAndABadFileIsReportedOnce() throws Exception {
        FileFeed feed = loaded("[" + A + "]");
        assertFalse(feed.poll().isPresent(), "unchanged");

        write("[" + A + "," + B + "]");
        Optional<List<NamedConfig>> changed = feed.poll();
        assertEquals(2, changed.get().size());
        assertFalse(feed.poll().isPresent());

        write("[" + A + ",{\"Name\":\"b\"}]");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, feed::poll);
        assertTrue(bad.getMessage().startsWith(file() + ": Configs[1] (Name \"b\")"), bad.getMessage());
        assertFalse(feed.poll().isPresent(), "the same bad content is not reported again");
    }

    @Test
    void anUnreadableFileIsReportedOnceUntilItIsBack() throws Exception {
        FileFeed feed = loaded("[" + A + "]");
        Files.delete(file());
        assertThrows(UncheckedIOException.class, feed::poll);
        assertFalse(feed.poll().isPresent(), "the same read error is not reported again");
        write("[" + A + "]");
        assertFalse(feed.poll().isPresent(), "back with the same content: nothing to apply");
    }

    @Test
    void aChangedProducerObjectIsReportedAsApplyingAtTheNextStart() throws Exception {
        FileFeed feed = loaded("{\"Configs\":[" + A + "]}");
        write("{\"Producer\":{\"linger\":\"1s\"},\"Configs\":[" + A + "]}");
        assertEquals(1, feed.poll().get().size());
        assertTrue(out.toString("UTF-8").contains("the Producer options changed"), out.toString("UTF-8"));
    }

    /** A feed on a file holding {@code text}, loaded (the collector's start). */
    private FileFeed loaded(String text) throws Exception {
        write(text);
        FileFeed feed = new FileFeed(file(), console);
        assertEquals(1, feed.load().configs().size());
        return feed;
    }

    private Path file() {
        return dir.resolve("collection.json");
    }

    private void write(String text) throws Exception {
        Files.write(file(), text.getBytes(StandardCharsets.UTF_8));
    }
}
