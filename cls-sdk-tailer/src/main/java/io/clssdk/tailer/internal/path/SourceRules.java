package io.clssdk.tailer.internal.path;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The compiled path rules and blacklist of one source. A file belongs to the source when one of its rules matches the
 * file's path and the blacklist does not exclude it. Immutable.
 */
public final class SourceRules {
    private final List<PathRule> rules;
    private final Excludes excludes;

    private SourceRules(List<PathRule> rules, Excludes excludes) {
        this.rules = Collections.unmodifiableList(rules);
        this.excludes = excludes;
    }

    /**
     * Compiles a path expression.
     *
     * @param expression one rule, or (current rule only) several separated by commas
     * @param legacy null to detect the form with {@link PathRule#looksLegacy}, else whether it is a legacy rule
     * @throws IllegalArgumentException saying what is wrong and showing an accepted form
     */
    public static SourceRules compile(String expression, Boolean legacy, int maxDepth, Excludes excludes) {
        if (expression == null || expression.trim().isEmpty()) {
            throw new IllegalArgumentException("path is required, e.g. " + PathRule.CURRENT_EXAMPLE);
        }
        boolean isLegacy = legacy != null ? legacy : PathRule.looksLegacy(expression);
        List<PathRule> rules = new ArrayList<>();
        if (isLegacy) {
            rules.add(PathRule.legacy(expression));
        } else {
            for (String part : expression.split(",", -1)) {
                if (part.trim().isEmpty()) {
                    throw new IllegalArgumentException("path list '" + expression + "' has an empty entry; expected"
                            + " e.g. /var/log/a/**/*.log,/var/log/b/*.log");
                }
                rules.add(PathRule.current(part, maxDepth));
            }
        }
        return new SourceRules(rules, excludes);
    }

    public List<PathRule> rules() {
        return rules;
    }

    /** True if {@code file} belongs to this source. */
    public boolean matches(Path file) {
        for (PathRule r : rules) {
            if (r.matches(file)) {
                return !excludes.excludesFile(file);
            }
        }
        return false;
    }

    /** True if files of this source may lie in {@code dir} or below (it is reachable and not excluded). */
    public boolean mayContain(Path dir) {
        for (PathRule r : rules) {
            if (r.mayContain(dir)) {
                return !excludes.excludesDirectory(dir);
            }
        }
        return false;
    }
}
