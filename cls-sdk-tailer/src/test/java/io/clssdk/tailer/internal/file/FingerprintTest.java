package io.clssdk.tailer.internal.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
    @TempDir
    Path dir;

    @Test
    void coversWhatExistsAndStillMatchesAfterTheFileGrows() throws Exception {
        Path f = dir.resolve("a.log");
        Files.write(f, "short\n".getBytes(StandardCharsets.UTF_8));
        Fingerprint small;
        try (FileChannel ch = FileChannel.open(f)) {
            small = Fingerprint.read(ch, 1024);
        }
        assertEquals(6, small.length());
        Files.write(f, new byte[2000], StandardOpenOption.APPEND);
        try (FileChannel ch = FileChannel.open(f)) {
            assertTrue(small.matches(ch));
            Fingerprint grown = Fingerprint.read(ch, 1024);
            assertEquals(1024, grown.length());
            assertNotEquals(small, grown);
        }
    }

    @Test
    void otherContentOrAShorterFileDoesNotMatch() throws Exception {
        Path a = dir.resolve("a.log");
        Files.write(a, "first line\n".getBytes(StandardCharsets.UTF_8));
        Fingerprint fa;
        try (FileChannel ch = FileChannel.open(a)) {
            fa = Fingerprint.read(ch, 1024);
        }
        Files.write(a, "other line\n".getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch = FileChannel.open(a)) {
            assertFalse(fa.matches(ch));
        }
        Files.write(a, "first".getBytes(StandardCharsets.UTF_8));
        try (FileChannel ch = FileChannel.open(a)) {
            assertFalse(fa.matches(ch), "a file shorter than the fingerprint is not the same file");
        }
    }

    @Test
    void emptyFilesHaveAnEmptyFingerprintThatAnyFileMatches() throws Exception {
        Path a = dir.resolve("empty.log");
        Files.createFile(a);
        try (FileChannel ch = FileChannel.open(a)) {
            Fingerprint empty = Fingerprint.read(ch, 1024);
            assertEquals(0, empty.length());
            assertTrue(empty.matches(ch));
        }
    }
}
