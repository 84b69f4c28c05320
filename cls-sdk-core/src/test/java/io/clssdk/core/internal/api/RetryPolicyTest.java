package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClientException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void theCapDoublesFromTheBaseUpToTheMaximum() {
        RetryPolicy p = new RetryPolicy(10, 200, 5_000, b -> b, ms -> {});
        long[] expected = {200, 400, 800, 1600, 3200, 5000, 5000};
        for (int retry = 1; retry <= expected.length; retry++) {
            assertEquals(expected[retry - 1], p.capMs(retry), "retry " + retry);
        }
        assertEquals(5_000, p.capMs(200), "no overflow for large retry numbers");
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCapAndVaries() {
        RetryPolicy p = RetryPolicy.withJitter(4, 200, 5_000);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long d = p.delayMs(3);
            assertTrue(d >= 0 && d <= 800, "delay " + d);
            seen.add(d);
        }
        assertTrue(seen.size() > 10, "delays are random: " + seen.size() + " distinct values");
        RetryPolicy broken = new RetryPolicy(4, 200, 5_000, b -> b * 10, ms -> {});
        assertEquals(400, broken.delayMs(2), "a jitter function beyond the cap is clamped");
    }

    @Test
    void anInterruptedWaitIsReportedAndKeepsTheInterruptFlag() {
        RetryPolicy p = new RetryPolicy(4, 200, 5_000, b -> b, ms -> {
            throw new InterruptedException();
        });
        ClsClientException e = assertThrows(ClsClientException.class, () -> p.sleepBeforeRetry(1));
        assertEquals(ClsClientException.Reason.INTERRUPTED, e.reason());
        assertTrue(Thread.interrupted());
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, 1, 2, b -> b, ms -> {}));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, 3, 2, b -> b, ms -> {}));
    }
}
