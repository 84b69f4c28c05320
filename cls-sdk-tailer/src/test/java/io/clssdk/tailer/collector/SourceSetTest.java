package io.clssdk.tailer.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceSetTest {
    @Test
    void plainKeysNameTheirDirectoryAsTheyAre() {
        assertEquals("app-logs", SourceSet.directoryName("app-logs"));
        assertEquals("0a1b2c3d-4e5f", SourceSet.directoryName("0a1b2c3d-4e5f"));
    }

    @Test
    void otherKeysGetSafeCharactersAndAHash() {
        String slash = SourceSet.directoryName("app/logs");
        String underscore = SourceSet.directoryName("app_logs");
        assertTrue(slash.matches("app_logs-[0-9a-f]{12}"), slash);
        assertNotEquals(underscore, slash, "keys that clean up alike still get different directories");
        assertTrue(SourceSet.directoryName("..").matches("_\\.?-[0-9a-f]{12}"), SourceSet.directoryName(".."));
        assertTrue(SourceSet.directoryName("日志").matches("__-[0-9a-f]{12}"), SourceSet.directoryName("日志"));
        assertTrue(SourceSet.directoryName(new String(new char[300]).replace('\0', 'x') + "/")
                        .length()
                <= 93);
    }
}
