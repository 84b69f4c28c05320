package io.clssdk.examples.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The measured passes of one {@link TailerShippingBenchmark} run: file MB per CPU-second of the whole process and
 * without the JIT's compiler threads, each also as a share of LZ4's own speed measured right after the pass. The share
 * is the better figure to compare between runs on a shared machine: when other tenants slow the cores down, LZ4 slows
 * with the pipeline, so the share moves less than the MB per CPU-second.
 */
final class PassSeries {
    private final double[] perCpu;
    private final double[] withoutJit;
    private final double[] share;
    private final double[] shareWithoutJit;
    private int measured;
    private double cold = Double.NaN;
    private double coldShare = Double.NaN;

    PassSeries(int runs) {
        perCpu = new double[runs];
        withoutJit = new double[runs];
        share = new double[runs];
        shareWithoutJit = new double[runs];
    }

    /** The first pass of the JVM. */
    void cold(double mbPerCpuSecond, double lz4MbPerCpuSecond) {
        cold = mbPerCpuSecond;
        coldShare = mbPerCpuSecond / lz4MbPerCpuSecond;
    }

    /** A pass after the warm-up. */
    void measured(double mbPerCpuSecond, double withoutJitMbPerCpuSecond, double lz4MbPerCpuSecond) {
        perCpu[measured] = mbPerCpuSecond;
        withoutJit[measured] = withoutJitMbPerCpuSecond;
        share[measured] = mbPerCpuSecond / lz4MbPerCpuSecond;
        shareWithoutJit[measured++] = withoutJitMbPerCpuSecond / lz4MbPerCpuSecond;
    }

    boolean complete() {
        return measured == perCpu.length;
    }

    /** Two summary lines: MB per CPU-second, then the same as shares of LZ4 alone. */
    String summary(String mode, int warmup) {
        int runs = perCpu.length;
        return String.format(
                        Locale.ROOT,
                        "%s: cold first pass %.0f MB/s per CPU-second; after %d warm-up runs: median %.0f over %d runs"
                                + " (%s); without the JIT's compiler threads: median %.0f (%s)%n",
                        mode,
                        cold,
                        warmup,
                        median(perCpu),
                        runs,
                        range(perCpu, "%.0f"),
                        median(withoutJit),
                        range(withoutJit, "%.0f"))
                + String.format(
                        Locale.ROOT,
                        "%s: as a share of LZ4 alone measured after each pass: cold %.0f %%; warm median %.0f %% (%s);"
                                + " without the compiler threads: median %.0f %% (%s)",
                        mode,
                        coldShare * 100,
                        median(share) * 100,
                        range(percent(share), "%.0f %%"),
                        median(shareWithoutJit) * 100,
                        range(percent(shareWithoutJit), "%.0f %%"));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String range(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "min " + format + ", max " + format, sorted[0], sorted[sorted.length - 1]);
    }

    private static double[] percent(double[] shares) {
        double[] p = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            p[i] = shares[i] * 100;
        }
        return p;
    }
}
