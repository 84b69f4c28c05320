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
    private final double[] lz4;
    private int measured;
    private double cold = Double.NaN;
    private double coldLz4 = Double.NaN;

    PassSeries(int runs) {
        perCpu = new double[runs];
        withoutJit = new double[runs];
        lz4 = new double[runs];
    }

    /** The first pass of the JVM. */
    void cold(double mbPerCpuSecond, double lz4MbPerCpuSecond) {
        cold = mbPerCpuSecond;
        coldLz4 = lz4MbPerCpuSecond;
    }

    /** A pass after the warm-up. */
    void measured(double mbPerCpuSecond, double withoutJitMbPerCpuSecond, double lz4MbPerCpuSecond) {
        perCpu[measured] = mbPerCpuSecond;
        withoutJit[measured] = withoutJitMbPerCpuSecond;
        lz4[measured++] = lz4MbPerCpuSecond;
    }

    boolean complete() {
        return measured == perCpu.length;
    }

    /** Two summary lines: MB per CPU-second, then the same as shares of LZ4 alone. */
    String summary(String mode, int warmup) {
        return String.format(
                        Locale.ROOT,
                        "%s: cold first pass %.0f MB/s per CPU-second; after %d warm-up runs: %s over %d runs;"
                                + " without the JIT's compiler threads: %s%n",
                        mode,
                        cold,
                        warmup,
                        spread(perCpu, "%.0f"),
                        perCpu.length,
                        spread(withoutJit, "%.0f"))
                + String.format(
                        Locale.ROOT,
                        "%s: as a share of LZ4 alone measured after each pass: cold %.0f %%; warm %s;"
                                + " without the compiler threads: %s",
                        mode,
                        cold / coldLz4 * 100,
                        spread(percentOfLz4(perCpu), "%.0f %%"),
                        spread(percentOfLz4(withoutJit), "%.0f %%"));
    }

    private double[] percentOfLz4(double[] mbPerCpuSecond) {
        double[] p = new double[mbPerCpuSecond.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = mbPerCpuSecond[i] / lz4[i] * 100;
        }
        return p;
    }

    /** "median M (min A, max B)" of {@code values}, each number written with {@code format}. */
    private static String spread(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "median " + format + " (min " + format + ", max " + format + ")",
                sorted[sorted.length / 2],
                sorted[0],
                sorted[sorted.length - 1]);
    }
}
