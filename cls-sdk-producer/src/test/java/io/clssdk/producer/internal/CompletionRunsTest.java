package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Run-length encoded completion targets, and the slices a split batch hands its halves. */
class CompletionRunsTest {
    private final Object a = new Object();
    private final Object b = new Object();
    private final Object c = new Object();

    /** Runs a×3, b×1, c×4 (8 logs). */
    private CompletionRuns runs() {
        CompletionRuns runs = new CompletionRuns();
        for (Object target : new Object[] {a, a, a, b, c, c, c, c}) {
            runs.add(target);
        }
        return runs;
    }

    @Test
    void consecutiveLogsWithOneTargetShareARunAndTheArraysDoubleWhenFull() {
        CompletionRuns runs = runs();
        assertEquals(3, runs.runs());
        assertEquals(3, runs.length(0));
        assertEquals(4, runs.length(2));
        assertTrue(runs.continuesLast(c));
        runs.add(a);
        assertTrue(runs.full());
        runs.add(b);
        assertEquals(8, runs.capacity());
        assertEquals(5, runs.runs());
    }

    @Test
    void aSliceDividesTheRunsItCutsAndTheirLengthsAddUp() {
        CompletionRuns runs = runs();
        CompletionRuns first = runs.slice(0, 4);
        CompletionRuns second = runs.slice(4, 8);
        assertRuns(first, new Object[] {a, b}, new int[] {3, 1});
        assertRuns(second, new Object[] {c}, new int[] {4});

        assertRuns(runs.slice(1, 6), new Object[] {a, b, c}, new int[] {2, 1, 2}); // cuts inside the first and last
        assertRuns(runs.slice(5, 7), new Object[] {c}, new int[] {2}); // inside one run
        assertRuns(runs.slice(3, 4), new Object[] {b}, new int[] {1});
        assertEquals(CompletionRuns.INITIAL_CAPACITY, runs.slice(0, 8).capacity());
    }

    @Test
    void aSliceMustHoldLogsThatExist() {
        CompletionRuns runs = runs();
        assertThrows(IllegalArgumentException.class, () -> runs.slice(4, 4));
        assertThrows(IllegalArgumentException.class, () -> runs.slice(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> runs.slice(6, 9));
        assertThrows(IllegalArgumentException.class, () -> runs.slice(8, 9));
    }

    private static void assertRuns(CompletionRuns runs, Object[] targets, int[] lengths) {
        assertEquals(targets.length, runs.runs());
        for (int i = 0; i < targets.length; i++) {
            assertSame(targets[i], runs.target(i), "target of run " + i);
            assertEquals(lengths[i], runs.length(i), "length of run " + i);
        }
    }
}
