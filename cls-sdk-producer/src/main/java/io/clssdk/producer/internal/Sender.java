package io.clssdk.producer.internal;

import io.clssdk.core.spi.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's scheduler thread. It owns every decision about <em>when</em> a sealed batch goes out:
 *
 * <ul>
 *   <li>seals batches whose linger expired, and the open batches nearest their linger's end before it when memory runs
 *       low ({@link MemoryRelief}, a step of this thread's round);
 *   <li>dispatches sealed batches to the I/O threads, at most {@link TopicState#limit} per topic at once, not while the
 *       topic is paused after a 429, and for a hash key one batch at a time in order (a retrying batch keeps its key
 *       busy, so later batches of that key wait behind it);
 *   <li>puts failed batches back on a timer for their retry and fails batches whose delivery timeout passed while they
 *       waited;
 *   <li>adapts each topic's concurrency: halved on 429 (and the topic pauses for a jittered, growing backoff or the
 *       server's Retry-After), raised by one per window of successes;
 *   <li>holds everything back while the endpoint looks down ({@link EndpointHealth}), sending one probe per pause.
 * </ul>
 *
 * <p>What follows an attempt is decided in one place, {@link AttemptDecider#decide}: complete, retry at a backoff time,
 * split (CLS rejected the content of a batch of several logs: {@link BatchSplitter}), or fail. It runs on the I/O
 * thread that made the attempt, the moment its outcome is known (a stored batch must be completed before a closing
 * producer could abandon it), touching only that batch; the scheduling follows on this thread (a split batch's halves
 * take its place in its key's order here).
 *
 * <p>Other threads talk to it only through three inboxes ({@link #opened}, {@link #sealed}, {@link #onReturned}) and
 * wake it with {@link LockSupport#unpark}; all scheduling state is confined to this thread, so it needs no locks. It
 * stays this thread's alone: {@link MemoryRelief} works on the queues it is lent only when this thread calls it, and
 * {@link AttemptDecider}, on the I/O threads, touches none of it.
 */
final class Sender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    private static final long HOUSEKEEPING_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long TRIM_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long IDLE_PARTITION_NANOS = TimeUnit.MINUTES.toNanos(2);
    /** The least time between two rounds of sending again spooled batches that failed transiently. */
    private static final long RESEND_KEPT_MIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Clock clock;
    private final BlockingQueue<Batch> ioQueue;
    private final Completer completer;
    private final ProducerStats stats;
    private final RetryPolicy retryPolicy;
    private final int ioThreads;
    private Accumulator accumulator;
    private final AttemptDecider decider;
    private BatchSplitter splitter;
    private MemoryRelief memoryRelief;

    private final Queue<Batch> openedInbox = new ConcurrentLinkedQueue<>();
    private final Queue<Batch> sealedInbox = new ConcurrentLinkedQueue<>();
    private final Queue<AttemptOutcome> returnedInbox = new ConcurrentLinkedQueue<>();
    /** Open batches by the end of their linger: the linger timers and early sealing. */
    private final LingerTimers lingering = new LingerTimers();

    private final PriorityQueue<Batch> retrying =
            new PriorityQueue<>(Comparator.comparingLong(Batch::nextAttemptNanos));
    private final ArrayDeque<TopicState> topicsWithWork = new ArrayDeque<>();
    private final EndpointHealth health;
    private int inFlight;
    private long nextHousekeepingNanos;
    private long nextTrimNanos;

    private volatile Thread thread;
    private volatile boolean parked;
    /** While {@link #parked}: when this thread wakes by itself ({@link Clock#nanoTime} time). */
    private volatile long wakesAtNanos;

    private volatile boolean running = true;
    private volatile boolean sealEverything;
    private volatile boolean memoryLow;

    Sender(
            Clock clock,
            BlockingQueue<Batch> ioQueue,
            Completer completer,
            ProducerStats stats,
            RetryPolicy retryPolicy,
            int ioThreads) {
        this.clock = clock;
        this.ioQueue = ioQueue;
        this.completer = completer;
        this.stats = stats;
        this.retryPolicy = retryPolicy;
        this.ioThreads = ioThreads;
        this.health = new EndpointHealth(retryPolicy);
        this.decider = new AttemptDecider(completer, retryPolicy);
        clock.onAdvance(this::wakeup);
    }

    void attach(Accumulator accumulator) {
        this.accumulator = accumulator;
        this.splitter = new BatchSplitter(accumulator.pool, accumulator.contextFlows, accumulator.incomplete, stats);
        this.memoryRelief = new MemoryRelief(accumulator, stats, health, ioThreads);
    }

    /**
     * A new open batch: seal it when its linger expires. Any thread. It wakes this thread only if its linger ends
     * before this thread would wake by itself: a busy stream opens a batch as it seals the last, and would otherwise
     * wake it twice per batch.
     */
    void opened(Batch b) {
        openedInbox.add(b);
        if (lingerEndsFirst(b)) {
            wakeup();
        }
    }

    /** Whether the linger of {@code b} ends before this thread, if parked, wakes by itself ({@link #planPark}). */
    boolean lingerEndsFirst(Batch b) {
        return b.lingerEndsNanos() < wakesAtNanos;
    }

    /**
     * A batch was sealed and can be sent. Any thread. It does not wake this thread while the batch's topic has every
     * request slot taken: the batch could not go before one of them returns, and the return wakes this thread, which
     * drains every inbox. (The flag is written before this thread parks and read after the batch is in the inbox, so
     * either this thread sees the batch or the caller sees the flag this thread parked with.)
     */
    void sealed(Batch b) {
        stats.batchesInFlight.incrementAndGet();
        sealedInbox.add(b);
        if (!b.partition.topic.saturated()) {
            wakeup();
        }
    }

    /** An I/O thread finished an attempt: decides what follows, then hands the batch back to be scheduled. */
    void onReturned(AttemptOutcome outcome) {
        decider.decide(outcome);
        returnedInbox.add(outcome);
        wakeup();
    }

    /** The pool's free bytes fell below its low-water mark: look at once whether to seal early. Any thread. */
    void memoryLow() {
        memoryLow = true;
        wakeup();
    }

    /** From now on, seal every open batch at once (flush and close). */
    void sealEverything() {
        sealEverything = true;
        wakeup();
    }

    void stop() {
        running = false;
        wakeup();
    }

    void wakeup() {
        Thread t = thread;
        if (t != null && parked) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        nextHousekeepingNanos = clock.nanoTime();
        nextTrimNanos = nextHousekeepingNanos + TRIM_NANOS;
        while (running) {
            try {
                long waitNanos = planPark(runOnce());
                parked = true; // after planPark: whoever sees parked sees when this thread wakes
                if (running
                        && !memoryLow
                        && openedInbox.isEmpty()
                        && sealedInbox.isEmpty()
                        && returnedInbox.isEmpty()) {
                    LockSupport.parkNanos(this, waitNanos);
                }
                parked = false;
            } catch (RuntimeException e) {
                LOG.error("Unexpected error in the producer's sender thread; continuing", e);
            }
        }
    }

    /**
     * Ends a round that may sleep until {@code nextWakeNanos}: publishes when this thread, parking now, wakes by itself
     * (at most {@link #MAX_PARK_NANOS} from now), and returns for how long it parks.
     */
    long planPark(long nextWakeNanos) {
        long now = clock.nanoTime();
        long waitNanos = Math.min(Math.max(0, nextWakeNanos - now), MAX_PARK_NANOS);
        wakesAtNanos = now + waitNanos;
        return waitNanos;
    }

    /** One round of scheduling; returns until when it may sleep ({@link Clock#nanoTime} time). */
    long runOnce() {
        if (sealEverything) {
            accumulator.sealAll();
        }
        drainInboxes();
        memoryLow = false;
        memoryRelief.relieve(lingering, retrying, topicsWithWork);
        long now = clock.nanoTime();
        for (Batch b = lingering.first(); b != null && b.lingerEndsNanos() <= now; b = lingering.first()) {
            lingering.pollFirst();
            b.partition.sealIfOpen(b);
        }
        drainInboxes(); // batches sealed just now
        splitter.retryAwaiting(now, this::expire, this::split);
        for (Batch b = retrying.peek(); b != null && b.nextAttemptNanos() <= now; b = retrying.peek()) {
            retrying.poll();
            b.partition.topic.addReady(b);
            markWork(b.partition.topic);
        }
        if (now >= nextHousekeepingNanos) {
            expireWaiting(now);
            accumulator.retireIdlePartitions(now, IDLE_PARTITION_NANOS);
            accumulator.resendKept(now, Math.max(RESEND_KEPT_MIN_NANOS, retryPolicy.maxBackoffNanos()));
            nextHousekeepingNanos = now + HOUSEKEEPING_NANOS;
        }
        if (now >= nextTrimNanos) {
            accumulator.pool.trim();
            nextTrimNanos = now + TRIM_NANOS;
        }
        long nextWake = dispatch(now);
        Batch l = lingering.first();
        if (l != null) {
            nextWake = Math.min(nextWake, l.lingerEndsNanos());
        }
        Batch r = retrying.peek();
        if (r != null) {
            nextWake = Math.min(nextWake, r.nextAttemptNanos());
        }
        return Math.min(nextWake, nextHousekeepingNanos);
    }

    private void drainInboxes() {
        Batch b;
        while ((b = openedInbox.poll()) != null) {
            lingering.add(b);
        }
        while ((b = sealedInbox.poll()) != null) {
            lingering.sealed(b); // a batch sealed before its linger ended sets no wake-up
            if (b.partition.lane.admit(b)) {
                b.partition.topic.addReady(b);
                markWork(b.partition.topic);
            }
        }
        AttemptOutcome o;
        while ((o = returnedInbox.poll()) != null) {
            settle(o);
        }
    }

    /** Schedules what follows a decided attempt (sender thread). */
    private void settle(AttemptOutcome o) {
        Batch b = o.batch();
        TopicState topic = b.partition.topic;
        topic.returned();
        inFlight--;
        if (o.unavailable()) {
            health.onUnavailable(clock.nanoTime());
        } else if (o.answered()) {
            health.onAnswer();
        }
        if (o.attempt() != b.history().made()) {
            return; // stale (see AttemptDecider#decide): the batch's latest attempt brings its own outcome
        }
        if (o.throttled()) {
            long pause = Math.max(retryPolicy.jitter(topic.throttles()), o.retryAfterNanos());
            topic.onThrottled(clock.nanoTime() + pause);
        }
        if (b.isDone()) {
            if (o.kind() == AttemptOutcome.Kind.SUCCEEDED) {
                topic.onSuccess();
            }
            releaseKey(b);
        } else if (b.state() == Batch.State.SPLIT) {
            split(b);
        } else {
            retrying.add(b); // the hash key, if any, stays busy: nothing of that key overtakes this batch
        }
        markWork(topic);
    }

    /**
     * Replaces a SPLIT batch by its halves in its key's order, ahead of anything waiting; when the pool lacks their
     * memory, it waits (keeping its key busy) for the next round. A batch abandoned at close meanwhile frees its key.
     */
    private void split(Batch b) {
        Batch[] halves = splitter.trySplit(b);
        if (halves != null) {
            for (Batch h : b.partition.lane.split(b, halves[0], halves[1])) {
                h.partition.topic.addReady(h);
            }
            markWork(b.partition.topic);
        } else if (b.isDone()) {
            releaseKey(b);
        } else {
            splitter.awaitMemory(b);
        }
    }

    /** The batch is done: the next one of its hash key may go. */
    private void releaseKey(Batch b) {
        Batch next = b.partition.lane.finished(b);
        if (next != null) {
            next.partition.topic.addReady(next);
            markWork(next.partition.topic);
        }
    }

    /**
     * Sends what topic limits allow — while the endpoint looks down, nothing during its pause and then one probe at a
     * time; returns the earliest time a paused topic or endpoint may send again.
     */
    private long dispatch(long now) {
        int budget = Integer.MAX_VALUE;
        if (health.down()) {
            if (now < health.pausedUntilNanos()) {
                return health.pausedUntilNanos();
            }
            budget = inFlight == 0 ? 1 : 0; // a returning batch wakes us
        }
        long nextWake = Long.MAX_VALUE;
        for (int i = topicsWithWork.size(); i > 0; i--) {
            TopicState topic = topicsWithWork.pollFirst();
            topic.delisted();
            if (topic.pausedUntilNanos() > now) {
                nextWake = Math.min(nextWake, topic.pausedUntilNanos());
                markWork(topic);
                continue;
            }
            while (budget > 0 && topic.mayDispatch()) {
                Batch b = topic.pollReady();
                if (b.isDone()) {
                    continue; // abandoned at close
                }
                if (now >= b.deadlineNanos) {
                    expire(b);
                    continue;
                }
                if (!b.dispatched()) {
                    continue; // abandoned at close just now
                }
                topic.dispatched();
                inFlight++;
                budget--;
                ioQueue.add(b);
            }
            if (topic.hasReady()) {
                markWork(topic); // blocked by its concurrency limit; an outcome will wake us
            }
        }
        return nextWake;
    }

    private void markWork(TopicState topic) {
        if (topic.enlist()) {
            topicsWithWork.addLast(topic);
        }
    }

    /** Fails batches whose delivery timeout passed while they waited for a turn. */
    private void expireWaiting(long now) {
        for (TopicState topic : topicsWithWork) {
            topic.expireReady(now, this::expire);
        }
        for (Partition p : accumulator.partitions()) {
            p.lane.expireWaiting(now, this::expire);
        }
    }

    private void expire(Batch b) {
        completer.fail(b, IoWorker.deliveryTimeout(b, "while it waited for its turn"), true);
        releaseKey(b);
    }
}
