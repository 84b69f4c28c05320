package io.clssdk.tailer.internal.path;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One compiled collection path: a literal root directory, wildcard directory segments below it, whether {@code /**}
 * {@code /} makes the rule recursive (up to a maximum depth), and a file-name matcher (a glob for the current rule, a
 * regular expression for the legacy rule). Matching is purely on path strings; the file system is not touched.
 * Immutable.
 */
public final class PathRule {
    static final String CURRENT_EXAMPLE = "/var/log/app/**/*.log";
    static final String LEGACY_EXAMPLE = "/usr/local/nginx/logs/.*.access.log";
    private static final String REGEX_ONLY = "\\^$+()[]{}|";

    private final String expression;
    private final boolean legacy;
    private final Path root;
    private final Pattern[] segments;
    private final boolean recursive;
    private final Pattern name;
    private final int maxDepth;

    private PathRule(
            String expression,
            boolean legacy,
            Path root,
            Pattern[] segments,
            boolean recursive,
            Pattern name,
            int maxDepth) {
        this.expression = expression;
        this.legacy = legacy;
        this.root = root;
        this.segments = segments;
        this.recursive = recursive;
        this.name = name;
        this.maxDepth = maxDepth;
    }

    /**
     * True when {@code expression} should be read as a legacy rule: it has no {@code /**}{@code /} and contains
     * {@code .*} or one of {@code \ ^ $ + ( ) [ ] { } |}, which only regular expressions use.
     */
    public static boolean looksLegacy(String expression) {
        if (expression.contains("/**/")) {
            return false;
        }
        if (expression.contains(".*")) {
            return true;
        }
        for (int i = 0; i < expression.length(); i++) {
            if (REGEX_ONLY.indexOf(expression.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compiles a current rule ({@code prefix/**}{@code /name} or {@code dir/name}, wildcards {@code *} and {@code ?}).
     *
     * @throws IllegalArgumentException saying what is wrong and showing an accepted form
     */
    public static PathRule current(String expression, int maxDepth) {
        String e = expression.trim();
        if (!e.startsWith("/")) {
            throw invalid(e, "must be an absolute path");
        }
        if (e.endsWith("/")) {
            throw invalid(e, "must end with a file name pattern, not /");
        }
        for (char c : new char[] {'[', ']', '{', '}'}) {
            if (e.indexOf(c) >= 0) {
                throw invalid(
                        e,
                        "'" + c + "' is not supported (only * and ? are wildcards; separate several paths by commas,"
                                + " e.g. /var/log/a/*.log,/var/log/b/*.log)");
            }
        }
        int star = e.indexOf("/**/");
        boolean recursive = star >= 0;
        String dirPart = recursive ? e.substring(0, star) : e.substring(0, e.lastIndexOf('/'));
        String namePart = recursive ? e.substring(star + 4) : e.substring(e.lastIndexOf('/') + 1);
        if (recursive && namePart.contains("/")) {
            throw invalid(e, "/**/ must come right before the file name pattern");
        }
        if (namePart.contains("**") || dirPart.contains("**")) {
            throw invalid(e, "** is only allowed once, as a whole directory level right before the file name");
        }
        List<String> dirs = splitDirs(e, dirPart);
        return compile(e, false, dirs, recursive, Glob.segment(namePart), maxDepth);
    }

    /**
     * Compiles a legacy rule: a full file path whose directory is literal and whose file name is a Java regular
     * expression matching the whole name; not recursive.
     *
     * @throws IllegalArgumentException saying what is wrong and showing an accepted form
     */
    public static PathRule legacy(String expression) {
        String e = expression.trim();
        if (!e.startsWith("/")) {
            throw invalidLegacy(e, "must be a full file path starting with /");
        }
        if (e.endsWith("/")) {
            throw invalidLegacy(e, "must name a file, not a directory (it ends with /)");
        }
        int slash = e.lastIndexOf('/');
        String dirPart = e.substring(0, slash);
        for (int i = 0; i < dirPart.length(); i++) {
            char c = dirPart.charAt(i);
            if (c == '*' || c == '?' || REGEX_ONLY.indexOf(c) >= 0) {
                throw invalidLegacy(e, "only the file name may be a regular expression; the directory has '" + c + "'");
            }
        }
        Pattern name;
        try {
            name = Pattern.compile(e.substring(slash + 1));
        } catch (PatternSyntaxException ex) {
            throw invalidLegacy(e, "the file name is not a valid regular expression: " + ex.getDescription());
        }
        return compile(e, true, splitDirs(e, dirPart), false, name, 0);
    }

    private static PathRule compile(
            String e, boolean legacy, List<String> dirs, boolean recursive, Pattern name, int maxDepth) {
        StringBuilder root = new StringBuilder("/");
        int i = 0;
        for (; i < dirs.size() && (legacy || !Glob.hasWildcard(dirs.get(i))); i++) {
            if (i > 0) {
                root.append('/');
            }
            root.append(dirs.get(i));
        }
        Pattern[] segments = new Pattern[dirs.size() - i];
        for (int j = 0; j < segments.length; j++) {
            segments[j] = Glob.segment(dirs.get(i + j));
        }
        return new PathRule(e, legacy, Paths.get(root.toString()), segments, recursive, name, maxDepth);
    }

    private static List<String> splitDirs(String e, String dirPart) {
        List<String> dirs = new ArrayList<>();
        if (dirPart.isEmpty()) {
            return dirs;
        }
        String[] parts = dirPart.substring(1).split("/", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw invalid(e, "has an empty directory level (//)");
            }
            if (p.equals(".") || p.equals("..")) {
                throw invalid(e, "must not contain . or .. levels");
            }
            dirs.add(p);
        }
        return dirs;
    }

    private static IllegalArgumentException invalid(String e, String problem) {
        return new IllegalArgumentException(
                "path rule '" + e + "' " + problem + "; expected e.g. " + CURRENT_EXAMPLE + " or /var/log/app/*.log");
    }

    private static IllegalArgumentException invalidLegacy(String e, String problem) {
        return new IllegalArgumentException(
                "legacy path rule '" + e + "' " + problem + "; expected e.g. " + LEGACY_EXAMPLE);
    }

    /** The literal directory every match lies under. */
    public Path root() {
        return root;
    }

    public String expression() {
        return expression;
    }

    public boolean legacy() {
        return legacy;
    }

    public boolean recursive() {
        return recursive;
    }

    /** True if {@code file} (absolute, normalized) matches the rule, including the depth limit. */
    public boolean matches(Path file) {
        Path parent = file.getParent();
        Path fileName = file.getFileName();
        if (parent == null || fileName == null) {
            return false;
        }
        int levels = dirLevels(parent);
        if (levels < segments.length) {
            return false;
        }
        int depth = levels - segments.length;
        if (recursive ? depth > maxDepth : depth != 0) {
            return false;
        }
        return name.matcher(fileName.toString()).matches();
    }

    /** True if files matching the rule may lie in {@code dir} or below it (so it must be listed and watched). */
    public boolean mayContain(Path dir) {
        int levels = dirLevels(dir);
        if (levels < 0) {
            return false;
        }
        return levels <= segments.length || (recursive && levels - segments.length <= maxDepth);
    }

    /**
     * The number of levels of {@code dir} below the root if the levels within the wildcard segments match them, else
     * -1.
     */
    private int dirLevels(Path dir) {
        if (!dir.startsWith(root)) {
            return -1;
        }
        int levels = dir.getNameCount() - root.getNameCount();
        for (int i = 0; i < levels && i < segments.length; i++) {
            String level = dir.getName(root.getNameCount() + i).toString();
            if (!segments[i].matcher(level).matches()) {
                return -1;
            }
        }
        return levels;
    }

    @Override
    public String toString() {
        return (legacy ? "legacy:" : "") + expression;
    }
}
