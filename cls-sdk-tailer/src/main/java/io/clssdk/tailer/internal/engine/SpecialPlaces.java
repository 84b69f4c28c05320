package io.clssdk.tailer.internal.engine;

import io.clssdk.tailer.internal.file.FileStat;
import io.clssdk.tailer.internal.file.SpecialFileSystems;
import io.clssdk.tailer.internal.path.PathRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What discovery keeps out of: a walk enters {@code /proc}, {@code /sys}, {@code /dev} and special file systems
 * (reached by their path or through a symbolic link) only under a rule whose root lies in such a place, so a rule like
 * {@code /**}{@code /*.log} walks the real disks only; and a file on a pseudo file system (procfs, sysfs…), whose size
 * means nothing, is never followed, even when a rule names it, with one warning per path. See
 * {@link SpecialFileSystems} for the classification; its answers are forgotten at the start of every scan pass.
 * Engine-thread only.
 */
final class SpecialPlaces {
    private static final Logger log = LoggerFactory.getLogger(SpecialPlaces.class);
    /** Paths on pseudo file systems are warned about once each, up to this many; later ones at debug level. */
    private static final int MAX_PSEUDO_WARNINGS = 100;

    private final List<PathRule> rules;
    private final SpecialFileSystems fileSystems = new SpecialFileSystems();
    /** Whether each rule root lies in a special place (so its walks may enter special file systems); per pass. */
    private final Map<Path, Boolean> specialRoots = new HashMap<>();

    private final Set<Path> pseudoWarned = new HashSet<>();

    SpecialPlaces(List<PathRule> rules) {
        this.rules = rules;
    }

    /** A scan pass starts: mounts may have changed since the last. */
    void passStarted() {
        fileSystems.forget();
        specialRoots.clear();
    }

    /** Whether a walk may enter the directory {@code dir} (with attributes {@code st}). */
    boolean mayEnter(Path dir, FileStat st) {
        if (!SpecialFileSystems.specialPath(dir) && fileSystems.of(dir, st) == SpecialFileSystems.Kind.ORDINARY) {
            return true;
        }
        for (PathRule rule : rules) {
            if (dir.startsWith(rule.root()) && specialRoot(rule.root())) {
                return true;
            }
        }
        log.debug("not walking into {}: a special file system, and no rule's root lies in one", dir);
        return false;
    }

    /** Whether the regular file {@code file} (attributes {@code st}) can be followed; warns once if not. */
    boolean followable(Path file, FileStat st) {
        if (fileSystems.of(file, st) != SpecialFileSystems.Kind.PSEUDO) {
            return true;
        }
        if (pseudoWarned.contains(file)) {
            return false;
        }
        if (pseudoWarned.size() >= MAX_PSEUDO_WARNINGS) {
            log.debug("not following {}: it is on a pseudo file system", file);
            return false;
        }
        pseudoWarned.add(file);
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file;
        }
        log.warn(
                "not following {} ({}): it is on a pseudo file system such as /proc or /sys, whose files report a size"
                        + " (0 or 4096) unrelated to their content; a tailer reads up to the size, so it cannot"
                        + " follow them",
                file,
                real);
        return false;
    }

    private boolean specialRoot(Path root) {
        Boolean special = specialRoots.get(root);
        if (special == null) {
            special = SpecialFileSystems.specialPath(root);
            if (!special) {
                try {
                    special = fileSystems.of(root, FileStat.of(root)) != SpecialFileSystems.Kind.ORDINARY;
                } catch (IOException e) {
                    special = false;
                }
            }
            specialRoots.put(root, special);
        }
        return special;
    }
}
