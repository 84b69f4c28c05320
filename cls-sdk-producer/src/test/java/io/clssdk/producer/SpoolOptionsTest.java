package io.clssdk.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpoolOptionsTest {
    private static final Path DIR = Paths.get("/var/spool/cls");

    @Test
    void defaultsAreDocumentedAndTheSpoolIsOffByDefault() {
        SpoolOptions o = SpoolOptions.builder(DIR).build();
        assertEquals(1L << 30, o.maxBytes());
        assertEquals(64L << 20, o.segmentBytes());
        assertEquals(SpoolOptions.Fsync.INTERVAL, o.fsync());
        assertEquals(Duration.ofSeconds(1), o.fsyncInterval());
        assertEquals(SpoolOptions.WhenFull.BLOCK, o.whenFull());
        assertNull(o.onReplayed());
        assertNull(ProducerOptions.defaults().spool());
        assertSame(
                o,
                ProducerOptions.builder().spool(o).build().toBuilder().build().spool());
        assertEquals(o.toString(), o.toBuilder().build().toString());
    }

    @Test
    void buildNamesTheOptionOutOfBounds() {
        rejects("segmentBytes", b -> b.segmentBytes(1024));
        rejects("segmentBytes", b -> b.segmentBytes(2L << 30));
        rejects("maxBytes", b -> b.segmentBytes(1 << 20).maxBytes(1 << 20));
        rejects("fsyncInterval", b -> b.fsyncInterval(Duration.ofMillis(5)));
        rejects("fsyncInterval", b -> b.fsyncInterval(Duration.ofMinutes(2)));
        assertThrows(NullPointerException.class, () -> SpoolOptions.builder(null));
        assertThrows(
                NullPointerException.class,
                () -> SpoolOptions.builder(DIR).fsync(null).build());
    }

    private static void rejects(String option, Consumer<SpoolOptions.Builder> configure) {
        SpoolOptions.Builder b = SpoolOptions.builder(DIR);
        configure.accept(b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().startsWith(option), e.getMessage());
    }
}
