package io.clssdk.core.internal.api;

/** Waits between retries; tests pass one that records instead of sleeping. */
@FunctionalInterface
interface Sleeper {
    /** The real one: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
