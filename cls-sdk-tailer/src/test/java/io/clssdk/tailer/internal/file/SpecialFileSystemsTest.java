package io.clssdk.tailer.internal.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clssdk.tailer.internal.file.SpecialFileSystems.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file systems a tailer may walk into and follow files on. */
class SpecialFileSystemsTest {
    @TempDir
    Path dir;

    @Test
    void byTypeAndMountPoint() {
        assertEquals(Kind.PSEUDO, SpecialFileSystems.classify("proc", Paths.get("/proc")));
        assertEquals(Kind.PSEUDO, SpecialFileSystems.classify("sysfs", null));
        assertEquals(Kind.PSEUDO, SpecialFileSystems.classify("cgroup2", Paths.get("/sys/fs/cgroup")));
        assertEquals(Kind.PSEUDO, SpecialFileSystems.classify("fuse.lxcfs", Paths.get("/proc/meminfo")));
        assertEquals(Kind.PSEUDO, SpecialFileSystems.classify(null, Paths.get("/proc/cpuinfo")), "by mount point");
        assertEquals(Kind.SPECIAL, SpecialFileSystems.classify("devtmpfs", Paths.get("/dev")));
        assertEquals(Kind.SPECIAL, SpecialFileSystems.classify("tmpfs", Paths.get("/dev/shm")));
        assertEquals(Kind.ORDINARY, SpecialFileSystems.classify("tmpfs", Paths.get("/run")));
        assertEquals(Kind.ORDINARY, SpecialFileSystems.classify("ext4", Paths.get("/")));
        assertEquals(Kind.ORDINARY, SpecialFileSystems.classify(null, null), "unknown counts as ordinary");
        assertEquals(Kind.ORDINARY, SpecialFileSystems.classify("xfs", Paths.get("/processing")));
    }

    @Test
    void specialPathsAreProcSysAndDevAndWhatLiesBelow() {
        assertTrue(SpecialFileSystems.specialPath(Paths.get("/proc")));
        assertTrue(SpecialFileSystems.specialPath(Paths.get("/sys/kernel")));
        assertTrue(SpecialFileSystems.specialPath(Paths.get("/dev/shm/x")));
        assertFalse(SpecialFileSystems.specialPath(Paths.get("/devices")));
        assertFalse(SpecialFileSystems.specialPath(Paths.get("/var/log/proc")));
    }

    @Test
    void realFilesOnThisMachine() throws Exception {
        Path version = Paths.get("/proc/version");
        assumeTrue(Files.isReadable(version), "needs Linux procfs");
        SpecialFileSystems fs = new SpecialFileSystems();
        assertEquals(Kind.PSEUDO, fs.of(version, FileStat.of(version)));
        Path link = Files.createSymbolicLink(dir.resolve("v.log"), version);
        assertEquals(Kind.PSEUDO, fs.of(link, FileStat.of(link)), "through a link");
        Path log = Files.write(dir.resolve("a.log"), new byte[] {'x'});
        assertEquals(Kind.ORDINARY, fs.of(log, FileStat.of(log)));
        Path sys = Paths.get("/sys");
        if (Files.isDirectory(sys)) {
            assertEquals(Kind.PSEUDO, fs.of(sys, FileStat.of(sys)));
        }
    }
}
