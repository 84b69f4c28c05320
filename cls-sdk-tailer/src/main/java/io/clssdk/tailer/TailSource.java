package io.clssdk.tailer;

import io.clssdk.tailer.internal.path.Excludes;
import io.clssdk.tailer.internal.path.SourceRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One collection rule set: which files to follow (a LogListener path rule, a blacklist, a maximum depth), where to
 * start in files found at start-up ({@linkplain #backtrackingBytes() Backtracking}), when to close idle files, and
 * the {@link TailSink} that receives their lines. Immutable; build with {@link #builder(String)}.
 *
 * <p><b>Path rules.</b> The current rule is {@code prefix/**}{@code /name}: {@code prefix} is a directory whose levels
 * may use {@code *} (any characters except {@code /}) and {@code ?} (one character except {@code /}); {@code /**}{@code
 * /} means the prefix directory and every directory below it, up to {@link #maxDepth()} levels; {@code name} is a file
 * name with {@code *} and {@code ?}. Without {@code /**}{@code /} the rule is {@code dir/name} and does not recurse.
 * Several rules may be given separated by commas. The legacy rule is a full file path whose directory is literal and
 * whose file name is a regular expression (for example {@code /usr/local/nginx/logs/.*.access.log}); it does not
 * recurse.
 *
 * <p>{@link PathSyntax#DETECT} (the default) reads an expression as a legacy rule when it has no {@code /**}{@code /}
 * and contains {@code .*} or one of {@code \ ^ $ + ( ) [ ] { } |}; otherwise as the current rule. Mappers of CLS
 * collection configs should say which field the path came from: {@link PathSyntax#CURRENT} for {@code Path} /
 * {@code wild_path}, {@link PathSyntax#LEGACY} for the legacy {@code path}.
 *
 * <p>When two sources of one {@link Tailer} match the same file, the source added to the builder last wins (as in
 * LogListener, where the last configuration overwrites the others); each file is followed once.
 *
 * <p><b>Which files are followed.</b> Regular files a rule matches, whose size tells how much they hold: a tailer reads
 * up to the size. Symbolic links are followed, to directories and to files. Not followed: directories, devices, pipes
 * and sockets; and files on pseudo file systems ({@code proc}, {@code sysfs}, cgroup, debug and security file systems,
 * and anything mounted under {@code /proc} or {@code /sys}), which report a size of 0 or 4096 whatever they hold, even
 * when a rule names them or a link leads to them (such a file is logged once as a warning naming it, then ignored).
 * Walks do not enter {@code /proc}, {@code /sys}, {@code /dev} or a pseudo or device file system unless the rule's
 * literal directory lies in one, so a rule such as {@code /**}{@code /*.log} walks the real disks only.
 *
 * <p><b>Several paths to one directory or file.</b> A directory reached through several symbolic-link paths is listed
 * once per walk and watched once; its files are reported under the first path found (roots of the source that wins
 * shared files first, then breadth first, so the shortest) and keep that path while it still leads to them. When two
 * sources reach one directory through different paths, only the rules matching that path decide which source its files
 * belong to. A file reached through several matching paths (a link to it next to it, a hard link) is followed once,
 * under its own name rather than a link's (when a rule matches its own name), else under the path found first.
 */
public final class TailSource {
    /** How to read {@link #path()}. */
    public enum PathSyntax {
        /** Decide from the expression, as described in the class documentation. */
        DETECT,
        /** The current rule: {@code prefix/**}{@code /name} or {@code dir/name} with {@code *} and {@code ?}. */
        CURRENT,
        /** The legacy rule: a literal directory and a file-name regular expression. */
        LEGACY
    }

    private final String name;
    private final String path;
    private final PathSyntax pathSyntax;
    private final List<String> excludeFiles;
    private final List<String> excludePaths;
    private final int maxDepth;
    private final long backtrackingBytes;
    private final Duration fileTimeout;
    private final TailSink sink;
    private final SourceRules rules;

    private TailSource(Builder b, SourceRules rules) {
        this.name = b.name;
        this.path = b.path;
        this.pathSyntax = b.pathSyntax;
        this.excludeFiles = Collections.unmodifiableList(new ArrayList<>(b.excludeFiles));
        this.excludePaths = Collections.unmodifiableList(new ArrayList<>(b.excludePaths));
        this.maxDepth = b.maxDepth;
        this.backtrackingBytes = b.backtrackingBytes;
        this.fileTimeout = b.fileTimeout;
        this.sink = b.sink;
        this.rules = rules;
    }

    /**
     * Returns a builder.
     *
     * @param name identifies the source in status, logs and checkpoints (for example the CLS config or topic name)
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.path = path;
        b.pathSyntax = pathSyntax;
        b.excludeFiles.addAll(excludeFiles);
        b.excludePaths.addAll(excludePaths);
        b.maxDepth = maxDepth;
        b.backtrackingBytes = backtrackingBytes;
        b.fileTimeout = fileTimeout;
        b.sink = sink;
        return b;
    }

    public String name() {
        return name;
    }

    /** The path expression as given. */
    public String path() {
        return path;
    }

    public PathSyntax pathSyntax() {
        return pathSyntax;
    }

    /** Blacklist entries of type {@code File}: globs on whole file paths. */
    public List<String> excludeFiles() {
        return excludeFiles;
    }

    /** Blacklist entries of type {@code Path}: globs on directories, excluding everything below them. */
    public List<String> excludePaths() {
        return excludePaths;
    }

    /** How many directory levels below the {@code /**}{@code /} prefix are followed ({@code ClsAgentMaxDepth}). */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Where to start in a file found at start-up that has no checkpoint ({@code Backtracking}): -1 from the beginning,
     * 0 at the end, N at N bytes before the end, moved forward to the next line start. Files created later are always
     * read from the beginning.
     */
    public long backtrackingBytes() {
        return backtrackingBytes;
    }

    /** Inactivity after which a file is closed ({@code ClsAgentFileTimeout}); zero never closes idle files. */
    public Duration fileTimeout() {
        return fileTimeout;
    }

    public TailSink sink() {
        return sink;
    }

    SourceRules rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "TailSource{name=" + name + ", path=" + path + ", pathSyntax=" + pathSyntax + ", excludeFiles="
                + excludeFiles + ", excludePaths=" + excludePaths + ", maxDepth=" + maxDepth + ", backtrackingBytes="
                + backtrackingBytes + ", fileTimeout=" + fileTimeout + '}';
    }

    /** Builds a {@link TailSource}; {@link #build()} validates and compiles the rules. */
    public static final class Builder {
        private final String name;
        private String path;
        private PathSyntax pathSyntax = PathSyntax.DETECT;
        private final List<String> excludeFiles = new ArrayList<>();
        private final List<String> excludePaths = new ArrayList<>();
        private int maxDepth = 10;
        private long backtrackingBytes = -1;
        private Duration fileTimeout = Duration.ZERO;
        private TailSink sink;

        private Builder(String name) {
            this.name = name;
        }

        /** The path expression (required), read with {@link PathSyntax#DETECT}. */
        public Builder path(String path) {
            return path(path, PathSyntax.DETECT);
        }

        /** The path expression (required) and how to read it. */
        public Builder path(String path, PathSyntax syntax) {
            this.path = path;
            this.pathSyntax = Objects.requireNonNull(syntax, "syntax");
            return this;
        }

        /** Adds a blacklist entry of type {@code File} (a glob on whole file paths, e.g. {@code /var/log/app/*.gz}). */
        public Builder excludeFile(String glob) {
            excludeFiles.add(Objects.requireNonNull(glob, "glob"));
            return this;
        }

        /** Adds a blacklist entry of type {@code Path} (a directory glob, e.g. {@code /var/log/app/archive}). */
        public Builder excludePath(String glob) {
            excludePaths.add(Objects.requireNonNull(glob, "glob"));
            return this;
        }

        /** Levels below the {@code /**}{@code /} prefix to follow; default 10, bounds 0 .. 1000. */
        public Builder maxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
            return this;
        }

        /** Start position for files found at start-up; default -1 (from the beginning), bounds -1 .. 1 GiB. */
        public Builder backtrackingBytes(long backtrackingBytes) {
            this.backtrackingBytes = backtrackingBytes;
            return this;
        }

        /** Close files idle this long; default zero (never), at most 365 days. */
        public Builder fileTimeout(Duration fileTimeout) {
            this.fileTimeout = fileTimeout;
            return this;
        }

        /** Receives the lines (required). */
        public Builder sink(TailSink sink) {
            this.sink = sink;
            return this;
        }

        /**
         * Builds the source.
         *
         * @throws IllegalArgumentException naming the bad option; for a bad path or blacklist entry, saying what is
         *     wrong and showing an accepted form
         */
        public TailSource build() {
            if (name == null || name.trim().isEmpty()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            if (sink == null) {
                throw new IllegalArgumentException("sink is required (source " + name + ")");
            }
            if (maxDepth < 0 || maxDepth > 1000) {
                throw new IllegalArgumentException("maxDepth must be between 0 and 1000, got " + maxDepth);
            }
            if (backtrackingBytes < -1 || backtrackingBytes > (1L << 30)) {
                throw new IllegalArgumentException(
                        "backtrackingBytes must be -1 (from the beginning), 0 (at the end) or up to 1073741824, got "
                                + backtrackingBytes);
            }
            Objects.requireNonNull(fileTimeout, "fileTimeout");
            if (fileTimeout.isNegative() || fileTimeout.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException(
                        "fileTimeout must be between 0 (never) and 365 days, got " + fileTimeout);
            }
            Boolean legacy = pathSyntax == PathSyntax.DETECT ? null : pathSyntax == PathSyntax.LEGACY;
            SourceRules rules = SourceRules.compile(path, legacy, maxDepth, Excludes.of(excludeFiles, excludePaths));
            return new TailSource(this, rules);
        }
    }
}
