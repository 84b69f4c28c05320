package io.clssdk.tailer.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clssdk.core.testing.internal.FakeClock;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger of {@link Arrivals}: create events against files followed, settled at rescans. */
class ArrivalsTest {
    private static final SourceSpec APP = new SourceSpec(0, "app", null, null, -1, 0);
    private static final Path LOG = Paths.get("/logs/app.log");
    private static final Path ROTATED = Paths.get("/logs/app.log.1");

    private FakeClock clock;
    private Arrivals arrivals;

    @BeforeEach
    void setUp() {
        clock = new FakeClock();
        arrivals = new Arrivals(p -> p.toString().endsWith(".log") ? APP : null, clock);
    }

    private void rescan() {
        clock.advance(Duration.ofSeconds(30));
        arrivals.settle();
    }

    @Test
    void anArrivalMatchedByAFollowedFileIsNotLost() {
        arrivals.appeared(LOG, APP, null);
        arrivals.identified(LOG);
        rescan();
        rescan();
        assertEquals(0, arrivals.lostFiles());
    }

    @Test
    void aFileFoundBeforeItsEventIsHandledMatchesTheEventLater() {
        arrivals.identified(LOG); // a rescan found it first
        arrivals.appeared(LOG, APP, null);
        rescan();
        rescan();
        assertEquals(0, arrivals.lostFiles());
    }

    @Test
    void anUnmatchedArrivalIsLostOnlyAfterAFullRescanInterval() {
        rescan();
        arrivals.appeared(LOG, APP, null);
        arrivals.appeared(LOG, APP, null);
        arrivals.identified(LOG); // one of the two was found
        rescan();
        assertEquals(0, arrivals.lostFiles(), "recorded after the previous rescan: still in its first interval");
        rescan();
        assertEquals(1, arrivals.lostFiles());
        rescan();
        assertEquals(1, arrivals.lostFiles(), "counted once");
    }

    @Test
    void identificationsAndArrivalsMatchInAnyOrderPerPath() {
        Path other = Paths.get("/logs/other.log");
        arrivals.appeared(LOG, APP, null);
        arrivals.identified(other); // a credit elsewhere does not match this path's arrival
        rescan();
        rescan();
        assertEquals(1, arrivals.lostFiles());
    }

    @Test
    void aRenameFromAMatchingNameIsNoNewArrival() {
        arrivals.appeared(LOG, APP, null);
        arrivals.identified(LOG);
        arrivals.appeared(Paths.get("/logs/b.log"), APP, LOG); // renamed a.log -> b.log: accounted under app.log
        rescan();
        rescan();
        assertEquals(0, arrivals.lostFiles());
    }

    @Test
    void aNonMatchingNameWithoutARenameIsIgnored() {
        arrivals.appeared(ROTATED, null, null);
        rescan();
        rescan();
        assertEquals(0, arrivals.lostFiles());
    }
}
