package io.headroom.planner.recommend;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * For a cluster whose nodes the cluster autoscaler brings minutes after replicas go Pending, the two
 * ways to have the room before the step (besides a scheduled floor, {@link FloorWindow}): a higher
 * min on the first resized pool that fits a replica (nodes kept warm), and placeholder pods (room
 * held by pause pods the replicas preempt at once; their eviction asks for the next nodes). Each is
 * the smallest that meets, priced like any configuration (node-hours at the pools' costPerHour).
 */
final class NodeLagCandidates {
    private NodeLagCandidates() {
    }

    static List<Config> of(Scenario scenario, Config now, Bounds bounds, Search search) {
        List<Config> out = new ArrayList<>();
        Cluster cluster = scenario.cluster().orElse(null);
        if (cluster == null || cluster.autoscaler().isEmpty() || !cluster.nodesChange()) {
            return out;
        }
        int need = bounds.peakNeed(bounds.currentTarget());
        for (NodePool p : cluster.nodePools()) {
            int perNode = p.replicasPerNode(scenario.service().resources());
            if (ConfigMapping.autoscaled(cluster, p) && perNode > 0) {
                int probe = Math.min(p.max(), (need + perNode - 1) / perNode);
                search.smallestPoolMin(p.name(), p.max(), probe).ifPresent(out::add);
                break;
            }
        }
        long held = cluster.replicaCapacity(scenario.service().resources());
        search.smallestPlaceholders((int) Math.max(now.placeholders() + 1, need - held)).ifPresent(out::add);
        return out;
    }
}
