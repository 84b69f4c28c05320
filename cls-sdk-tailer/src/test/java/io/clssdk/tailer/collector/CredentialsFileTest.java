package io.clssdk.tailer.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.Credentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheKeysAndReadsAgainWhenTheFileChanges() throws Exception {
        Path file = write("secretId=id-1\nsecretKey=key-1\n", 1_000_000L);
        CredentialsFile provider = CredentialsFile.read(file);
        assertEquals(Credentials.of("id-1", "key-1"), provider.credentials());
        write("secretId=id-2\nsecretKey=key-2\nsessionToken=token-2\n", 2_000_000L);
        assertEquals(Credentials.of("id-2", "key-2", "token-2"), provider.credentials());
        assertFalse(provider.toString().contains("key-2"), provider.toString());
    }

    @Test
    void keepsTheLastGoodKeysWhileTheFileIsGone() throws Exception {
        Path file = write("secretId=id-1\nsecretKey=key-1\n", 1_000_000L);
        CredentialsFile provider = CredentialsFile.read(file);
        Files.delete(file);
        assertEquals(Credentials.of("id-1", "key-1"), provider.credentials());
    }

    @Test
    void aMissingKeyIsNamedWithoutShowingAnyValue() throws Exception {
        Path file = write("secretId=id-1\nsecretKey=\n", 1_000_000L);
        ClsClientException e = assertThrows(ClsClientException.class, () -> CredentialsFile.read(file));
        assertEquals(ClsClientException.Reason.CREDENTIALS, e.reason());
        assertTrue(e.getMessage().contains("has no secretKey"), e.getMessage());
        assertFalse(e.getMessage().contains("id-1"), e.getMessage());
        ClsClientException missing =
                assertThrows(ClsClientException.class, () -> CredentialsFile.read(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("cannot read credentials file"), missing.getMessage());
    }

    /** Writes the file with an explicit modification time, so a change is seen whatever the clock's resolution. */
    private Path write(String text, long modifiedMillis) throws Exception {
        Path file = dir.resolve("credentials.properties");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
        return file;
    }
}
