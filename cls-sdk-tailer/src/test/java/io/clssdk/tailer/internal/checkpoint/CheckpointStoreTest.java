package io.clssdk.tailer.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.tailer.internal.file.FileKey;
import io.clssdk.tailer.internal.file.Fingerprint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file's format (old files load, names round-trip byte for byte) and the directory lock. */
class CheckpointStoreTest {
    @TempDir
    Path dir;

    /** Exactly what the version before {@code pathUri} wrote. */
    private static final String OLD_FILE = "{\"format\":\"cls-sdk-tailer-checkpoints\",\"version\":1,"
            + "\"writtenAtMillis\":1700000000000,\"files\":[{\"dev\":2049,\"ino\":131,\"fingerprintBytes\":1024,"
            + "\"fingerprint\":\"9e3779b97f4a7c15\",\"path\":\"/var/log/app/日志-é.log\",\"source\":\"app\","
            + "\"offset\":42,\"lastSeenMillis\":1699999999000}]}";

    @Test
    void aFileWrittenBeforePathUrisExistedStillLoadsAndIsWrittenBackAsItWas() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
        Files.write(ckpt.resolve(CheckpointStore.FILE_NAME), OLD_FILE.getBytes(StandardCharsets.UTF_8));
        List<CheckpointEntry> loaded;
        try (CheckpointStore store = new CheckpointStore(ckpt)) {
            CheckpointStore.Loaded l = store.open(0);
            assertNull(l.problem());
            loaded = l.entries();
            assertEquals(1, loaded.size());
            CheckpointEntry e = loaded.get(0);
            assertEquals(new FileKey(2049, 131), e.key());
            assertEquals(new Fingerprint(1024, 0x9e3779b97f4a7c15L), e.fingerprint());
            assertEquals("/var/log/app/日志-é.log", e.pathText());
            assertNull(e.pathUri(), "a URI derived from the text could name other bytes: none is made up");
            if ("UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
                assertEquals(Paths.get("/var/log/app/日志-é.log"), e.path());
            }
            assertEquals("app", e.source());
            assertEquals(42, e.offset());
            assertEquals(1699999999000L, e.lastSeenMillis());
            store.write(loaded, 1);
        }
        String written =
                new String(Files.readAllBytes(ckpt.resolve(CheckpointStore.FILE_NAME)), StandardCharsets.UTF_8);
        assertFalse(written.contains("pathUri"), written);
        try (CheckpointStore store = new CheckpointStore(ckpt)) {
            assertEquals(loaded, store.open(2).entries());
        }
    }

    /**
     * A name that is not valid in the JVM's file-name encoding (here the byte 0xFF, never valid UTF-8) comes back as
     * the same bytes: its text is lossy, its URI is not.
     */
    @Test
    void namesRoundTripByteForByte() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path odd = Paths.get(URI.create(logs.toUri() + "a%FFb-%E6%97%A5.log"));
        Files.write(odd, new byte[] {'x', '\n'});
        Path ckpt = dir.resolve("ckpt");
        CheckpointEntry entry = new CheckpointEntry(new FileKey(1, 2), new Fingerprint(2, 7), odd, "s", 2, 3);
        try (CheckpointStore store = new CheckpointStore(ckpt)) {
            store.open(0);
            store.write(Collections.singletonList(entry), 1);
        }
        try (CheckpointStore store = new CheckpointStore(ckpt)) {
            CheckpointEntry back = store.open(2).entries().get(0);
            assertEquals(entry, back);
            assertEquals(odd, back.path());
            assertTrue(Files.isSameFile(odd, back.path()));
            assertTrue(Files.exists(back.path()), "the stored name leads to the file");
        }
    }

    @Test
    void anEntryWhoseNameCannotBeUsedIsKeptWithoutAPathAndTheOthersLoad() throws Exception {
        Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
        String file = "{\"format\":\"cls-sdk-tailer-checkpoints\",\"version\":1,\"writtenAtMillis\":1,\"files\":["
                + entryJson(1, "/logs/bad.log", "file:///logs/%zz.log")
                + "," + entryJson(2, "/logs/good.log", "file:///logs/good.log") + "]}";
        Files.write(ckpt.resolve(CheckpointStore.FILE_NAME), file.getBytes(StandardCharsets.UTF_8));
        try (CheckpointStore store = new CheckpointStore(ckpt)) {
            CheckpointStore.Loaded l = store.open(0);
            assertNull(l.problem(), "one bad name does not make the file corrupt");
            assertEquals(2, l.entries().size());
            assertNull(l.entries().get(0).path());
            assertEquals(5, l.entries().get(0).offset(), "its offset still applies to its file, found by identity");
            assertEquals(Paths.get("/logs/good.log"), l.entries().get(1).path());
        }
    }

    @Test
    void aDeletedLockFileIsTakenAgainAndKeepsASecondStoreOut() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        try (CheckpointStore store = new CheckpointStore(ckpt)) {
            store.open(0);
            assertFalse(store.relockIfLost(), "nothing lost");
            Files.delete(ckpt.resolve(CheckpointStore.LOCK_NAME));
            assertTrue(store.relockIfLost());
            assertFalse(store.relockIfLost());
            assertThrows(CheckpointStore.InUseException.class, () -> new CheckpointStore(ckpt).open(1));
            store.write(Arrays.<CheckpointEntry>asList(), 2);
        }
        try (CheckpointStore again = new CheckpointStore(ckpt)) {
            assertEquals(0, again.open(3).entries().size(), "released on close");
        }
    }

    private static String entryJson(int ino, String path, String uri) {
        return "{\"dev\":1,\"ino\":" + ino + ",\"fingerprintBytes\":0,\"fingerprint\":\"0\",\"path\":\"" + path
                + "\",\"pathUri\":\"" + uri + "\",\"source\":\"s\",\"offset\":5,\"lastSeenMillis\":1}";
    }
}
