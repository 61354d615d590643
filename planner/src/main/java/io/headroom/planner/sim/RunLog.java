package io.headroom.planner.sim;

import io.headroom.planner.timeline.PoolNodes;
import io.headroom.planner.timeline.RunEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run reports besides its timeline, the same for every engine: its Kubernetes-style events
 * (at most {@link #MAX_EVENTS}, so a run that crash-loops for hours stays bounded), the replica-hours
 * it billed, the most replicas ready at once and its node pools' nodes and node-hours. Mutable; engine-only.
 */
final class RunLog {
    /** Events kept per run; later ones are dropped. */
    static final int MAX_EVENTS = 200;
    private static final long SECOND = 1_000_000_000L;

    private final List<RunEvent> events = new ArrayList<>();
    private long replicaNanos;
    private int peakReady;
    private List<PoolNodes> nodePools = List.of();

    void event(long nowNanos, String reason, String message) {
        if (events.size() < MAX_EVENTS) {
            events.add(new RunEvent((int) (nowNanos / SECOND), reason, message));
        }
    }

    void finish(long billedReplicaNanos, int mostReady, List<PoolNodes> pools) {
        this.replicaNanos = billedReplicaNanos;
        this.peakReady = mostReady;
        this.nodePools = List.copyOf(pools);
    }

    /** Per node pool: nodes over time, node-hours and their cost (empty for fixed, unpriced pools). */
    List<PoolNodes> nodePools() {
        return nodePools;
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
