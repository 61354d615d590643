package io.headroom.planner.sim;

import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The cluster autoscaler's expander: which pool grows for the Pending pods ({@code cluster.autoscaler.expander}). */
final class PoolChoice {
    private PoolChoice() {
    }

    /**
     * Among the pools that fit one pod, are autoscaled, below their max and not backed off at
     * {@code nowNanos}: the first ({@code priority}), one at random, or upstream's least waste. Null
     * when none can grow.
     */
    static FleetPool choose(NodeAutoscaler.Expander expander, FleetPool[] pools, long need, long nowNanos, Resources request,
            SplittableRandom random) {
        List<FleetPool> candidates = new ArrayList<>();
        for (FleetPool p : pools) {
            if (p.perNode > 0 && p.spec.autoscaled() && p.target() < p.spec.max() && nowNanos >= p.backoffUntilNanos) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        return switch (expander) {
            case PRIORITY -> candidates.get(0);
            case RANDOM -> candidates.get(random.nextInt(candidates.size()));
            case LEAST_WASTE -> leastWaste(candidates, need, request);
        };
    }

    /** Upstream {@code expander/waste}: the smallest wasted CPU share + wasted memory share of the nodes added. */
    private static FleetPool leastWaste(List<FleetPool> candidates, long need, Resources request) {
        FleetPool best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (FleetPool p : candidates) {
            int nodes = p.nodesFor(need);
            long pods = Math.min(need, (long) nodes * p.perNode);
            double score = waste(nodes * p.spec.cpu(), pods * request.cpu()) + waste(nodes * p.spec.memoryGb(), pods * request.memoryGb());
            if (score < bestScore) {
                bestScore = score;
                best = p;
            }
        }
        return best;
    }

    private static double waste(double available, double requested) {
        return available <= 0 ? 0 : (available - requested) / available;
    }
}
