package io.clssdk.producer;

import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A seeded fault schedule for the fake endpoint: consecutive phases, each failing requests at some rate with a mix
 * of faults. Phase {@code i} draws its faults from {@code seed + i}, so a run's sequence of faults is reproducible
 * from the seed that the tests print.
 */
final class FaultSchedule {
    /** One phase: {@code rate} of the requests fail with one of {@code faults}, chosen at random. */
    static final class Phase {
        final String name;
        final Duration length;
        final double rate;
        final Fault[] faults;

        Phase(String name, Duration length, double rate, Fault... faults) {
            this.name = name;
            this.length = length;
            this.rate = rate;
            this.faults = faults;
        }

        boolean isOutage() {
            return rate >= 1.0 && name.startsWith("outage");
        }

        @Override
        public String toString() {
            return name + " " + length.getSeconds() + " s"
                    + (faults.length == 0 ? "" : " at " + (int) (rate * 100) + "%");
        }
    }

    private final long seed;
    private final List<Phase> phases = new ArrayList<>();

    FaultSchedule(long seed) {
        this.seed = seed;
    }

    FaultSchedule add(Phase phase) {
        phases.add(phase);
        return this;
    }

    List<Phase> phases() {
        return Collections.unmodifiableList(phases);
    }

    long seed() {
        return seed;
    }

    Duration length() {
        Duration total = Duration.ZERO;
        for (Phase p : phases) {
            total = total.plus(p.length);
        }
        return total;
    }

    /** Puts phase {@code index} into effect on {@code server}. */
    void apply(FakeClsServer server, int index) {
        Phase p = phases.get(index);
        server.clearFaults();
        if (p.faults.length > 0) {
            server.failRandomly(p.rate, seed + index, p.faults);
        }
    }

    /** No faults. */
    static Phase calm(String name, Duration length) {
        return new Phase(name, length, 0);
    }

    /** 429 SpeedQuotaExceed on every request, a third of them with {@code Retry-After: 2}. */
    static Phase quotaStorm(Duration length) {
        return new Phase("429 storm", length, 1.0, Fault.throttled(), Fault.throttled(), Fault.throttled("2"));
    }

    /** The endpoint is down: every connection is reset after the request was read, or a 503 comes back. */
    static Phase outage(Duration length) {
        return new Phase(
                "outage",
                length,
                1.0,
                Fault.dropBeforeStore(),
                Fault.error(503, "ServiceUnavailable", "the service is down"));
    }

    /**
     * Every kind of misbehaviour: 500/503 and an HTML 502, connection resets before and after storing, stalls past
     * the read timeout (storing or not), answers delayed within the timeout, bodies that drip slowly but in time and
     * bodies that drip past the timeout.
     */
    static Phase mixed(String name, Duration length, double rate, Duration readTimeout) {
        return new Phase(
                name,
                length,
                rate,
                Fault.error(500, "InternalError", "internal error"),
                Fault.error(503, "ServiceUnavailable", "busy"),
                Fault.rawError(502, "text/html", "<html><body>502 Bad Gateway</body></html>"),
                Fault.dropBeforeStore(),
                Fault.dropAfterStore(),
                Fault.dropAfterStore(),
                Fault.stall(true),
                Fault.stall(false),
                Fault.delay(readTimeout.dividedBy(4)),
                Fault.drip(readTimeout.dividedBy(20)),
                Fault.drip(readTimeout.multipliedBy(3).dividedBy(2)));
    }

    @Override
    public String toString() {
        return "seed " + seed + ": " + phases;
    }
}
