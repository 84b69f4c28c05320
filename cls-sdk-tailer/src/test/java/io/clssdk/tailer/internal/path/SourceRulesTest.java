package io.clssdk.tailer.internal.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Comma-separated lists, form detection and blacklists (checklist item 27). */
class SourceRulesTest {
    @Test
    void commaSeparatedPathsAreSeveralRules() {
        SourceRules r = SourceRules.compile("/a/*.log, /b/**/*.txt", null, 10, Excludes.none());
        assertEquals(2, r.rules().size());
        assertTrue(r.matches(Paths.get("/a/x.log")));
        assertTrue(r.matches(Paths.get("/b/c/d.txt")));
        assertFalse(r.matches(Paths.get("/a/x.txt")));
        IllegalArgumentException empty = assertThrows(
                IllegalArgumentException.class,
                () -> SourceRules.compile("/a/*.log,,/b/*.log", null, 10, Excludes.none()));
        assertTrue(empty.getMessage().contains("empty entry"));
    }

    @Test
    void theFormIsDetectedOrForced() {
        SourceRules detected = SourceRules.compile("/logs/.*\\.access\\.log", null, 10, Excludes.none());
        assertTrue(detected.rules().get(0).legacy());
        SourceRules forced = SourceRules.compile("/logs/app.log", true, 10, Excludes.none());
        assertTrue(forced.rules().get(0).legacy());
        assertTrue(forced.matches(Paths.get("/logs/appXlog")), "a legacy name is a regex");
        SourceRules current = SourceRules.compile("/logs/app.log", false, 10, Excludes.none());
        assertFalse(current.matches(Paths.get("/logs/appXlog")));
        assertThrows(IllegalArgumentException.class, () -> SourceRules.compile(" ", null, 10, Excludes.none()));
    }

    @Test
    void fileExcludesMatchWholePathsAndPathExcludesWholeSubtrees() {
        Excludes ex = Excludes.of(
                Arrays.asList("/var/log/app/debug*.log", "/var/log/app/**/*.gz"),
                Arrays.asList("/var/log/app/arch*", "/var/log/app/*/tmp"));
        SourceRules r = SourceRules.compile("/var/log/app/**/*", null, 10, ex);
        assertTrue(r.matches(Paths.get("/var/log/app/main.log")));
        assertFalse(r.matches(Paths.get("/var/log/app/debug-1.log")));
        assertTrue(r.matches(Paths.get("/var/log/app/x/debug-1.log")), "* does not cross /");
        assertFalse(r.matches(Paths.get("/var/log/app/x/y/old.gz")));
        assertFalse(r.matches(Paths.get("/var/log/app/archive/a.log")));
        assertFalse(r.matches(Paths.get("/var/log/app/archive/deep/a.log")));
        assertFalse(r.mayContain(Paths.get("/var/log/app/archive")));
        assertFalse(r.mayContain(Paths.get("/var/log/app/svc/tmp")));
        assertTrue(r.mayContain(Paths.get("/var/log/app/svc")));
        assertTrue(r.matches(Paths.get("/var/log/app/svc/a.log")));
    }

    @Test
    void excludeEntriesMustBeAbsolute() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Excludes.of(Collections.singletonList("debug.log"), Collections.<String>emptyList()));
        assertTrue(e.getMessage().contains("type File"), e.getMessage());
        assertTrue(e.getMessage().contains("expected e.g."), e.getMessage());
        IllegalArgumentException p = assertThrows(
                IllegalArgumentException.class,
                () -> Excludes.of(Collections.<String>emptyList(), Collections.singletonList("tmp")));
        assertTrue(p.getMessage().contains("type Path"), p.getMessage());
    }
}
