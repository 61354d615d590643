package io.headroom.planner.sim;

import io.headroom.planner.timeline.RunEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run reports besides its timeline, the same for every engine: its Kubernetes-style events
 * (at most {@link #MAX_EVENTS}, so a run that crash-loops for hours stays bounded), the replica-hours
 * it billed and the most replicas ready at once. Mutable; engine-only.
 */
final class RunLog {
    /** Events kept per run; later ones are dropped. */
    static final int MAX_EVENTS = 200;
    private static final long SECOND = 1_000_000_000L;

    private final List<RunEvent> events = new ArrayList<>();
    private long replicaNanos;
    private int peakReady;

    void event(long nowNanos, String reason, String message) {
        if (events.size() < MAX_EVENTS) {
            events.add(new RunEvent((int) (nowNanos / SECOND), reason, message));
        }
    }

    void finish(long billedReplicaNanos, int mostReady) {
        this.replicaNanos = billedReplicaNanos;
        this.peakReady = mostReady;
    }

    List<RunEvent> events() {
        return List.copyOf(events);
    }

    double replicaHours() {
        return replicaNanos / 3.6e12;
    }

    int peakReady() {
        return peakReady;
    }
}
