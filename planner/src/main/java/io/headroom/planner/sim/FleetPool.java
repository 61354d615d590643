package io.headroom.planner.sim;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.DurationSampler;
import io.headroom.planner.timeline.PoolNodes;
import java.util.ArrayList;
import java.util.List;

/**
 * One pool of a {@link NodeFleet}: its Ready nodes, the nodes requested with the time each comes or
 * fails (in due order), its back-off, the nodes unneeded since when, and its billing. Mutable, one thread.
 */
final class FleetPool {
    private static final long SECOND = 1_000_000_000L;

    final NodePool spec;
    final int perNode;
    final DurationSampler provisioning;
    int ready;
    int nextId;
    long[] dueNanos = new long[4];
    boolean[] fails = new boolean[4];
    long[] requestedNanos = new long[4];
    int upcoming;
    long backoffUntilNanos = Long.MIN_VALUE;
    int failures;
    long lastFailedRequestNanos = Long.MIN_VALUE;
    long[] unneededSinceNanos = new long[4];
    int unneeded;
    long nodeNanos;
    long billedUntilNanos;
    int peakNodes;
    final List<PoolNodes.Step> steps = new ArrayList<>();

    FleetPool(NodePool spec, Resources request) {
        this.spec = spec;
        this.perNode = spec.replicasPerNode(request);
        this.provisioning = spec.provisioning().map(d -> d.sampler()).orElse(null);
        this.ready = spec.count();
        this.nextId = spec.count();
        this.peakNodes = ready;
        step(0);
    }

    /** Notes the node counts now (one step per second: a later change in the same second replaces it). */
    void step(long nowNanos) {
        int second = (int) (nowNanos / SECOND);
        PoolNodes.Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last != null && last.ready() == ready && last.provisioning() == upcoming) {
            return;
        }
        PoolNodes.Step now = new PoolNodes.Step(second, ready, upcoming);
        if (last != null && last.second() == second) {
            steps.set(steps.size() - 1, now);
        } else if (steps.size() < PoolNodes.MAX_STEPS) {
            steps.add(now);
        }
    }

    /** Nodes to add for {@code need} Pending pods, up to the pool's max. */
    int nodesFor(long need) {
        return (int) Math.min((need + perNode - 1) / perNode, spec.max() - target());
    }

    int target() {
        return ready + upcoming;
    }

    void bill(long untilNanos) {
        if (untilNanos > billedUntilNanos) {
            nodeNanos += (long) target() * (untilNanos - billedUntilNanos);
            billedUntilNanos = untilNanos;
        }
    }

    void request(long nowNanos, long dueAt, boolean fail) {
        if (upcoming == dueNanos.length) {
            dueNanos = java.util.Arrays.copyOf(dueNanos, upcoming * 2);
            fails = java.util.Arrays.copyOf(fails, upcoming * 2);
            requestedNanos = java.util.Arrays.copyOf(requestedNanos, upcoming * 2);
        }
        int at = upcoming;
        while (at > 0 && dueNanos[at - 1] > dueAt) {
            dueNanos[at] = dueNanos[at - 1];
            fails[at] = fails[at - 1];
            requestedNanos[at] = requestedNanos[at - 1];
            at--;
        }
        dueNanos[at] = dueAt;
        fails[at] = fail;
        requestedNanos[at] = nowNanos;
        upcoming++;
        peakNodes = Math.max(peakNodes, target());
    }

    void dropFirst() {
        System.arraycopy(dueNanos, 1, dueNanos, 0, upcoming - 1);
        System.arraycopy(fails, 1, fails, 0, upcoming - 1);
        System.arraycopy(requestedNanos, 1, requestedNanos, 0, upcoming - 1);
        upcoming--;
    }

    void unneeded(int count, long nowNanos) {
        if (count > unneededSinceNanos.length) {
            unneededSinceNanos = java.util.Arrays.copyOf(unneededSinceNanos, Math.max(count, unneededSinceNanos.length * 2));
        }
        for (int i = unneeded; i < count; i++) {
            unneededSinceNanos[i] = nowNanos;
        }
        unneeded = count;
    }
}
