package io.headroom.planner.cluster;

import io.headroom.planner.dist.DistributionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the cluster autoscaler must add for {@code replicas} replicas on pools that may grow to
 * their max: the nodes of one pool the placement needs (pools filled in order, each up to its max),
 * how many that adds to its count, and how long after the first Pending replica the new nodes are
 * Ready — the wait before the scale-up (the Pending age of 2 s, 30 s for GPU pods, then up to one
 * scan interval; {@link NodeAutoscaler}) plus the node's provisioning time.
 *
 * @param nodesNow      the pool's nodes now (its count)
 * @param nodesAtPeak   the nodes the placement uses with the pool allowed to reach its max
 * @param fits          every replica finds room with every pool at its max
 * @param waitMin       the soonest the scale-up is asked for after the first Pending replica
 * @param waitMax       the latest (one scan later)
 * @param provisioning  the pool's node provisioning time, when known
 */
public record ScaleUpPlan(NodePool pool, int nodesNow, int nodesAtPeak, boolean fits, Duration waitMin, Duration waitMax,
        Optional<DistributionSpec> provisioning) {
    /** Nodes the scale-up adds (0 when the count already holds the replicas). */
    public int nodesAdded() {
        return Math.max(0, nodesAtPeak - nodesNow);
    }

    /** One plan per pool whose max is above its count, for {@code replicas} replicas requesting {@code request}. */
    public static List<ScaleUpPlan> of(Resources request, List<NodePool> pools, int replicas, Duration scanInterval) {
        List<NodePool> atMax = pools.stream().map(p -> p.withCount(p.max())).toList();
        ClusterFit fit = ClusterFit.place(request, atMax, replicas);
        Duration age = request.gpu() > 0 ? NodeAutoscaler.PENDING_AGE_GPU : NodeAutoscaler.PENDING_AGE;
        List<ScaleUpPlan> plans = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            NodePool p = pools.get(i);
            if (p.max() > p.count()) {
                int used = fit.pools().get(i).nodesUsed();
                plans.add(new ScaleUpPlan(p, p.count(), Math.max(used, p.count()), fit.fits(), age, age.plus(scanInterval),
                        p.provisioning()));
            }
        }
        return plans;
    }
}
