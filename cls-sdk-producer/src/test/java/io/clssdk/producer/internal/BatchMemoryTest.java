package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A batch's accounting besides its buffer: costs of new targets and slots, the allowance, and what returns at seal. */
class BatchMemoryTest {
    @Test
    void aNewTargetCostsItsBytesAndAFullSlotArrayTheSlotsItGains() {
        CompletionRuns runs = new CompletionRuns();
        Object shared = new Object();
        assertEquals(BatchMemory.TARGET_BYTES, BatchMemory.appendCost(runs, shared), "the first log's target");
        runs.add(shared);
        assertEquals(0, BatchMemory.appendCost(runs, shared), "a log that continues the last run");
        for (int i = 1; i < CompletionRuns.INITIAL_CAPACITY; i++) {
            runs.add(new Object());
        }
        assertEquals(
                BatchMemory.TARGET_BYTES + CompletionRuns.INITIAL_CAPACITY * BatchMemory.SLOT_BYTES,
                BatchMemory.appendCost(runs, new Object()),
                "every slot taken: the arrays double");
        assertEquals(
                BatchMemory.FIXED_BYTES + CompletionRuns.INITIAL_CAPACITY * BatchMemory.TARGET_BYTES,
                BatchMemory.reservedFor(runs));
    }

    @Test
    void theAllowancePaysFirstAndItsUnusedPartReturnsAtSeal() {
        BatchMemory m = new BatchMemory(BatchMemory.FIXED_BYTES);
        m.addAllowance(50);
        assertEquals(BatchMemory.FIXED_BYTES + 50, m.reservedBytes());
        assertEquals(0, m.shortfall(24));
        m.pay(24);
        assertEquals(BatchMemory.FIXED_BYTES + 50, m.reservedBytes(), "paid from the allowance: nothing more counted");
        assertEquals(22, m.shortfall(48), "26 left in the allowance");
        m.pay(48); // the appender reserved the 22 the allowance lacked
        assertEquals(BatchMemory.FIXED_BYTES + 72, m.reservedBytes());
        assertEquals(0, m.dropAllowance(), "all of it was used");
        m.addAllowance(40);
        m.pay(16);
        assertEquals(24, m.dropAllowance());
        assertEquals(BatchMemory.FIXED_BYTES + 88, m.reservedBytes(), "what the logs cost stays until the batch ends");
    }
}
