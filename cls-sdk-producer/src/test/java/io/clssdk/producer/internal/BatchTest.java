package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.producer.internal.Batch.State;
import org.junit.jupiter.api.Test;

/** The batch's life cycle: every allowed move, the refused ones, and DONE as the one final state. */
class BatchTest {
    private final SenderRig rig = new SenderRig(3);

    private Batch open() {
        Partition p = rig.accumulator.partition("topic", null);
        return new Batch(p, new byte[4096], 4096, rig.clock.nanoTime(), rig.clock.nanoTime() + 1_000_000);
    }

    @Test
    void walksTheWholeLifeCycleWithRetries() {
        Batch b = open();
        assertEquals(State.OPEN, b.state());
        b.seal("flow");
        assertEquals(State.SEALED, b.state());
        assertTrue(b.dispatched());
        assertEquals(State.IN_FLIGHT, b.state());
        assertEquals(1, b.beginAttempt());
        assertTrue(b.retryAt(123));
        assertEquals(State.RETRY_WAIT, b.state());
        assertEquals(123, b.nextAttemptNanos());
        assertTrue(b.dispatched());
        assertEquals(State.IN_FLIGHT, b.state());
        assertEquals(2, b.beginAttempt());
        assertTrue(b.markDone());
        assertEquals(State.DONE, b.state());
        assertEquals(2, b.history().made());
    }

    @Test
    void everyStateMayEndInDoneExactlyOnce() {
        for (State from : State.values()) {
            if (from == State.DONE) {
                continue;
            }
            Batch b = inState(from);
            assertEquals(from, b.state());
            assertTrue(b.markDone(), "from " + from);
            assertTrue(b.isDone());
            assertFalse(b.markDone(), "the outcome is decided once, from " + from);
        }
    }

    @Test
    void doneIsFinalAndLaterMovesChangeNothing() {
        Batch b = inState(State.IN_FLIGHT);
        assertTrue(b.markDone()); // abandoned at close while its request was on the wire
        assertFalse(b.retryAt(5), "the I/O side's late retry loses to the decision");
        assertFalse(b.dispatched(), "a decided batch is not sent again");
        assertEquals(State.DONE, b.state());
        assertEquals(2, b.beginAttempt(), "an I/O thread that took it just before may still count its attempt");
    }

    @Test
    void refusesMovesOutsideTheLifeCycleNamingBothStates() {
        IllegalStateException sendOpen = assertThrows(
                IllegalStateException.class, () -> inState(State.OPEN).dispatched());
        assertTrue(sendOpen.getMessage().contains("from OPEN to IN_FLIGHT"), sendOpen.getMessage());

        IllegalStateException sendTwice = assertThrows(
                IllegalStateException.class, () -> inState(State.IN_FLIGHT).dispatched());
        assertTrue(sendTwice.getMessage().contains("from IN_FLIGHT to IN_FLIGHT"), sendTwice.getMessage());

        IllegalStateException retrySealed = assertThrows(
                IllegalStateException.class, () -> inState(State.SEALED).retryAt(1));
        assertTrue(retrySealed.getMessage().contains("from SEALED to RETRY_WAIT"), retrySealed.getMessage());

        IllegalStateException sealTwice = assertThrows(
                IllegalStateException.class, () -> inState(State.SEALED).seal("flow"));
        assertTrue(sealTwice.getMessage().contains("from SEALED to SEALED"), sealTwice.getMessage());

        IllegalStateException splitSealed = assertThrows(
                IllegalStateException.class, () -> inState(State.SEALED).splitPending());
        assertTrue(splitSealed.getMessage().contains("from SEALED to SPLIT"), splitSealed.getMessage());

        IllegalStateException attemptQueued = assertThrows(
                IllegalStateException.class, () -> inState(State.RETRY_WAIT).beginAttempt());
        assertTrue(attemptQueued.getMessage().contains("from RETRY_WAIT to IN_FLIGHT"), attemptQueued.getMessage());
    }

    private Batch inState(State state) {
        Batch b = open();
        if (state == State.OPEN) {
            return b;
        }
        b.seal("flow");
        if (state == State.SEALED) {
            return b;
        }
        b.dispatched();
        b.beginAttempt();
        if (state == State.RETRY_WAIT) {
            b.retryAt(1);
        } else if (state == State.SPLIT) {
            b.splitPending();
        } else if (state == State.DONE) {
            b.markDone();
        }
        return b;
    }
}
