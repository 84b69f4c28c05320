package io.clssdk.tailer.internal.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The path-rule matrix: protocol checklist items 25 and 26, and more. */
class PathRuleTest {
    private static boolean matches(PathRule r, String path) {
        return r.matches(Paths.get(path));
    }

    @Test
    void recursiveRuleMatchesThePrefixDirectoryAndEveryLevelBelowIt() {
        PathRule r = PathRule.current("/var/log/nginx/**/access.log", 10);
        assertTrue(matches(r, "/var/log/nginx/access.log"));
        assertTrue(matches(r, "/var/log/nginx/a/b/access.log"));
        assertFalse(matches(r, "/var/log/nginx/access.log.1"));
        assertFalse(matches(r, "/var/log/access.log"));
        assertFalse(matches(r, "/var/log/nginxx/access.log"));
        assertTrue(r.recursive());
        assertEquals(Paths.get("/var/log/nginx"), r.root());
    }

    @Test
    void fileNameWildcards() {
        PathRule r = PathRule.current("/var/log/nginx/**/error*", 10);
        assertTrue(matches(r, "/var/log/nginx/x/error_2024.log"));
        assertTrue(matches(r, "/var/log/nginx/error"));
        assertFalse(matches(r, "/var/log/nginx/x/my_error.log"));
        PathRule suffix = PathRule.current("/data/**/*str*.log", 10);
        assertTrue(matches(suffix, "/data/a/my-str-1.log"));
        assertFalse(matches(suffix, "/data/a/my-st-1.log"));
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        PathRule r = PathRule.current("/var/log/app?.log", 10);
        assertTrue(matches(r, "/var/log/app1.log"));
        assertFalse(matches(r, "/var/log/app.log"));
        assertFalse(matches(r, "/var/log/app12.log"));
        PathRule dir = PathRule.current("/var/log/d?/*.log", 10);
        assertTrue(matches(dir, "/var/log/d1/x.log"));
        assertFalse(matches(dir, "/var/log/d/x.log"));
    }

    @Test
    void starNeverCrossesASlash() {
        assertFalse(matches(PathRule.current("/var/log/*.log", 10), "/var/log/a/b.log"));
        assertFalse(matches(PathRule.current("/var/*/app.log", 10), "/var/a/b/app.log"));
        assertTrue(matches(PathRule.current("/var/*/app.log", 10), "/var/a/app.log"));
        assertFalse(matches(PathRule.current("/var/log/a*", 10), "/var/log/a/b"));
    }

    @Test
    void wildcardPrefixDirectories() {
        PathRule r = PathRule.current("/var/log/*/app/**/*.log", 10);
        assertEquals(Paths.get("/var/log"), r.root());
        assertTrue(matches(r, "/var/log/svc/app/x.log"));
        assertTrue(matches(r, "/var/log/svc/app/a/b/x.log"));
        assertFalse(matches(r, "/var/log/svc/web/x.log"));
        assertTrue(r.mayContain(Paths.get("/var/log")));
        assertTrue(r.mayContain(Paths.get("/var/log/svc")));
        assertTrue(r.mayContain(Paths.get("/var/log/svc/app/deep")));
        assertFalse(r.mayContain(Paths.get("/var/log/svc/web")));
        assertFalse(r.mayContain(Paths.get("/var/other")));
    }

    @Test
    void maxDepthCountsLevelsBelowThePrefix() {
        PathRule zero = PathRule.current("/var/log/**/*.log", 0);
        assertTrue(matches(zero, "/var/log/a.log"));
        assertFalse(matches(zero, "/var/log/x/a.log"));
        assertFalse(zero.mayContain(Paths.get("/var/log/x")));
        PathRule two = PathRule.current("/var/log/**/*.log", 2);
        assertTrue(matches(two, "/var/log/x/y/a.log"));
        assertFalse(matches(two, "/var/log/x/y/z/a.log"));
    }

    @Test
    void aRuleWithoutDoubleStarDoesNotRecurse() {
        PathRule r = PathRule.current("/var/log/app/*.log", 10);
        assertFalse(r.recursive());
        assertTrue(matches(r, "/var/log/app/a.log"));
        assertFalse(matches(r, "/var/log/app/sub/a.log"));
        assertFalse(r.mayContain(Paths.get("/var/log/app/sub")));
    }

    @Test
    void legacyRuleIsALiteralDirectoryAndAFileNameRegexWithoutRecursion() {
        String legacy = "/usr/local/nginx/logs/.*.access.log";
        assertTrue(PathRule.looksLegacy(legacy));
        PathRule r = PathRule.legacy(legacy);
        assertTrue(r.legacy());
        assertFalse(r.recursive());
        assertEquals(Paths.get("/usr/local/nginx/logs"), r.root());
        assertTrue(matches(r, "/usr/local/nginx/logs/www.example.com.access.log"));
        assertTrue(matches(r, "/usr/local/nginx/logs/.access.log"));
        assertFalse(matches(r, "/usr/local/nginx/logs/sub/www.access.log"));
        assertFalse(matches(r, "/usr/local/nginx/logs/www.access.log.1"));
        assertTrue(matches(
                PathRule.legacy("/usr/local/nginx/logs/example.com.access.log"),
                "/usr/local/nginx/logs/example.com.access.log"));
    }

    @Test
    void detection() {
        assertFalse(PathRule.looksLegacy("/var/log/**/*.log"));
        assertFalse(PathRule.looksLegacy("/var/log/app-?.log"));
        assertFalse(PathRule.looksLegacy("/var/log/a.log,/var/log/b.log"));
        assertTrue(PathRule.looksLegacy("/var/log/app-\\d+\\.log"));
        assertTrue(PathRule.looksLegacy("/var/log/(a|b)\\.log"));
        assertFalse(PathRule.looksLegacy("/var/log/**/(a|b).log"), "/**/ always means the current rule");
    }

    @Test
    void invalidLegacyRulesAreRejectedWithAnAcceptedForm() {
        IllegalArgumentException slash =
                assertThrows(IllegalArgumentException.class, () -> PathRule.legacy("/usr/local/nginx/logs/"));
        assertTrue(slash.getMessage().contains("not a directory"), slash.getMessage());
        assertTrue(slash.getMessage().contains("/usr/local/nginx/logs/.*.access.log"), slash.getMessage());
        IllegalArgumentException relative =
                assertThrows(IllegalArgumentException.class, () -> PathRule.legacy("logs/.*.log"));
        assertTrue(relative.getMessage().contains("starting with /"), relative.getMessage());
        IllegalArgumentException dirRegex =
                assertThrows(IllegalArgumentException.class, () -> PathRule.legacy("/var/log.*/app/.*\\.log"));
        assertTrue(dirRegex.getMessage().contains("only the file name"), dirRegex.getMessage());
        IllegalArgumentException badRegex =
                assertThrows(IllegalArgumentException.class, () -> PathRule.legacy("/var/log/(unclosed.log"));
        assertTrue(badRegex.getMessage().contains("regular expression"), badRegex.getMessage());
    }

    @Test
    void invalidCurrentRulesAreRejectedWithAnAcceptedForm() {
        String[][] cases = {
            {"var/log/*.log", "absolute"},
            {"/var/log/", "file name pattern"},
            {"/var/log/**", "**"},
            {"/var/**/app/x.log", "right before the file name"},
            {"/var/a**/x.log", "**"},
            {"/var//x.log", "empty directory level"},
            {"/var/../x.log", ". or .."},
            {"/var/log/*.{log,txt}", "not supported"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> PathRule.current(c[0], 10), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(e.getMessage().contains("expected e.g. /var/log/app/**/*.log"), e.getMessage());
        }
    }

    @Test
    void literalCharactersAreNotRegex() {
        PathRule r = PathRule.current("/var/log/a.log", 10);
        assertTrue(matches(r, "/var/log/a.log"));
        assertFalse(matches(r, "/var/log/aXlog"));
        Path root = PathRule.current("/x.log", 10).root();
        assertEquals(Paths.get("/"), root);
    }
}
