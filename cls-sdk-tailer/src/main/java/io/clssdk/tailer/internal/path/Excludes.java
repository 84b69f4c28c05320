package io.clssdk.tailer.internal.path;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The blacklist of one source: {@code File} entries are globs on the whole file path; {@code Path} entries are globs on
 * a directory path and exclude the directory and everything below it. Globs use the rule syntax ({@code *}, {@code ?},
 * {@code /**}{@code /}). Immutable.
 */
public final class Excludes {
    private static final Excludes NONE =
            new Excludes(Collections.<Pattern>emptyList(), Collections.<Pattern>emptyList());

    private final List<Pattern> files;
    private final List<Pattern> dirs;

    private Excludes(List<Pattern> files, List<Pattern> dirs) {
        this.files = files;
        this.dirs = dirs;
    }

    public static Excludes none() {
        return NONE;
    }

    /**
     * Compiles the entries.
     *
     * @throws IllegalArgumentException naming the bad entry and showing an accepted form
     */
    public static Excludes of(List<String> fileGlobs, List<String> pathGlobs) {
        List<Pattern> files = new ArrayList<>();
        for (String g : fileGlobs) {
            files.add(Glob.fullPath(check(g, "File", "/var/log/app/**/debug*.log")));
        }
        List<Pattern> dirs = new ArrayList<>();
        for (String g : pathGlobs) {
            String d = check(g, "Path", "/var/log/app/archive");
            dirs.add(Glob.fullPath(d.endsWith("/") && d.length() > 1 ? d.substring(0, d.length() - 1) : d));
        }
        return files.isEmpty() && dirs.isEmpty() ? NONE : new Excludes(files, dirs);
    }

    private static String check(String glob, String type, String example) {
        String g = glob == null ? "" : glob.trim();
        if (!g.startsWith("/")) {
            throw new IllegalArgumentException("exclude entry of type " + type + " '" + g
                    + "' must be an absolute path; expected e.g. " + example);
        }
        return g;
    }

    /** True if {@code dir} or one of its ancestors is excluded by a {@code Path} entry. */
    public boolean excludesDirectory(Path dir) {
        if (dirs.isEmpty()) {
            return false;
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            String s = d.toString();
            for (Pattern p : dirs) {
                if (p.matcher(s).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if {@code file} matches a {@code File} entry or lies under an excluded directory. */
    public boolean excludesFile(Path file) {
        String s = file.toString();
        for (Pattern p : files) {
            if (p.matcher(s).matches()) {
                return true;
            }
        }
        return file.getParent() != null && excludesDirectory(file.getParent());
    }
}
