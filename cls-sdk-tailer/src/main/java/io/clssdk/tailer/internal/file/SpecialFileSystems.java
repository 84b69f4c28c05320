package io.clssdk.tailer.internal.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells the file systems a tailer can read from the kernel's special ones, by the device a path lies on.
 *
 * <ul>
 *   <li>{@link Kind#PSEUDO}: file systems whose files report a size unrelated to their content (procfs and sysfs
 *       report 0 or 4096 for files that read as text), so a tailer, which reads up to the size, cannot follow them:
 *       {@code proc}, {@code sysfs}, the cgroup, debug, tracing and security file systems, and anything mounted at or
 *       under {@code /proc} or {@code /sys} (such as lxcfs's replacements of {@code /proc/meminfo} in containers).
 *   <li>{@link Kind#SPECIAL}: device and automount file systems ({@code devtmpfs}, {@code devpts}, {@code devfs},
 *       {@code autofs}) and anything mounted at or under {@code /dev}: their files are followed if a rule names them,
 *       but a walk from elsewhere does not enter them.
 *   <li>{@link Kind#ORDINARY}: everything else, including {@code tmpfs} outside {@code /dev}.
 * </ul>
 *
 * <p>A device is classified once, from its file store type and its mount point (the real path's highest ancestor on
 * the same device), and cached until {@link #forget()}: device numbers of unmounted file systems are reused by later
 * mounts, so the owner forgets the answers once per scan pass. When neither can be found the device counts as ordinary.
 * Not thread-safe.
 */
public final class SpecialFileSystems {
    /** What a file system is to a tailer. */
    public enum Kind {
        ORDINARY,
        SPECIAL,
        PSEUDO
    }

    private static final Set<String> PSEUDO_TYPES = new HashSet<>(Arrays.asList(
            "proc",
            "procfs",
            "linprocfs",
            "sysfs",
            "linsysfs",
            "cgroup",
            "cgroup2",
            "debugfs",
            "tracefs",
            "securityfs",
            "selinuxfs",
            "configfs",
            "pstore",
            "bpf",
            "efivarfs",
            "fusectl",
            "binfmt_misc",
            "nsfs",
            "rpc_pipefs",
            "mqueue",
            "lxcfs",
            "fuse.lxcfs",
            "kernfs"));
    private static final Set<String> SPECIAL_TYPES =
            new HashSet<>(Arrays.asList("devtmpfs", "devpts", "devfs", "autofs", "hugetlbfs"));
    private static final Path PROC = Paths.get("/proc");
    private static final Path SYS = Paths.get("/sys");
    private static final Path DEV = Paths.get("/dev");

    private final Map<Long, Kind> byDevice = new HashMap<>();

    /** The kind of the file system {@code path} (whose attributes are {@code stat}) lies on. */
    public Kind of(Path path, FileStat stat) {
        long device = stat.key().device();
        if (device <= 0) {
            return classify(typeOf(path), null); // no device number on this platform: nothing to cache by
        }
        Kind kind = byDevice.get(device);
        if (kind == null) {
            kind = classify(typeOf(path), mountPoint(path, device));
            byDevice.put(device, kind);
        }
        return kind;
    }

    /** Forgets every device's kind (device numbers are reused after an unmount). */
    public void forget() {
        byDevice.clear();
    }

    /** True if {@code path}, as written, is {@code /proc}, {@code /sys} or {@code /dev} or lies below one of them. */
    public static boolean specialPath(Path path) {
        return path.startsWith(PROC) || path.startsWith(SYS) || path.startsWith(DEV);
    }

    /** The kind of a file system of type {@code type} (null if unknown) mounted at {@code mountPoint} (or null). */
    static Kind classify(String type, Path mountPoint) {
        if ((type != null && PSEUDO_TYPES.contains(type))
                || (mountPoint != null && (mountPoint.startsWith(PROC) || mountPoint.startsWith(SYS)))) {
            return Kind.PSEUDO;
        }
        if ((type != null && SPECIAL_TYPES.contains(type)) || (mountPoint != null && mountPoint.startsWith(DEV))) {
            return Kind.SPECIAL;
        }
        return Kind.ORDINARY;
    }

    private static String typeOf(Path path) {
        try {
            return Files.getFileStore(path).type();
        } catch (IOException | RuntimeException e) {
            return null; // e.g. the mount table does not list it (some containers)
        }
    }

    /** The highest ancestor of {@code path}'s real path that is still on {@code device}, or null. */
    private static Path mountPoint(Path path, long device) {
        try {
            Path top = path.toRealPath();
            for (Path up = top.getParent(); up != null; up = up.getParent()) {
                if (FileStat.of(up).key().device() != device) {
                    break;
                }
                top = up;
            }
            return top;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
