package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyCacheTest {
    @Test
    void returnsTheSameArrayForTheSameBytesAndTheRightBytesAlways() {
        KeyCache cache = new KeyCache();
        byte[] line = "xx status yy".getBytes(StandardCharsets.UTF_8);
        byte[] first = cache.intern(line, 3, 6);
        assertArrayEquals("status".getBytes(StandardCharsets.UTF_8), first);
        assertSame(first, cache.intern("status".getBytes(StandardCharsets.UTF_8), 0, 6));
        // far more distinct keys than slots: entries get replaced, contents stay right
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5000; i++) {
                byte[] k = ("key-" + i).getBytes(StandardCharsets.UTF_8);
                assertArrayEquals(k, cache.intern(k, 0, k.length));
            }
        }
        byte[] huge = new byte[1000];
        assertArrayEquals(huge, cache.intern(huge, 0, huge.length));
    }
}
