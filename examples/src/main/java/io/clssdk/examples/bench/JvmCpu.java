package io.clssdk.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where this JVM's CPU time goes, for the benchmarks: its Java threads by name, and the JIT's compiler threads. */
final class JvmCpu {
    private JvmCpu() {}

    /** CPU time of live threads, grouped by name with digits removed (e.g. cls-producer-N-io-N). */
    static Map<String, Long> byThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    out.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
                }
            }
        }
        return out;
    }

    /**
     * CPU time of the JVM's JIT compiler threads (named "C1 CompilerThre…", "C2 CompilerThre…" by the kernel), from
     * {@code /proc/self/task}, counted in the kernel's clock ticks (USER_HZ, 100 per second on Linux); -1 where there
     * is no such file system.
     */
    static long compilerThreadsNanos() {
        Path tasks = Paths.get("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    String name = new String(Files.readAllBytes(task.resolve("comm")), StandardCharsets.UTF_8);
                    if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                        continue;
                    }
                    String stat = new String(Files.readAllBytes(task.resolve("stat")), StandardCharsets.UTF_8);
                    String[] f =
                            stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                } catch (IOException | RuntimeException e) { // NOPMD: a compiler thread that ended meanwhile
                    // not counted
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 10_000_000L;
    }
}
