package io.headroom.planner.recommend;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * N+1 for one node pool: the nodes it needs so that the replicas the peak needs still fit after
 * one of its nodes is lost (the "N+1" rule of capacity planning: provision for the demand plus the
 * largest single failure). With the other pools at their counts holding {@code other} replicas, a
 * pool of n nodes of k replicas each survives losing one when {@code other + (n − 1) k ≥ peak}, so
 * {@code n = ceil((peak − other) / k) + 1}; 0 when the other pools alone hold the peak.
 *
 * @param pool the pool
 * @param replicasPerNode replicas one node holds
 * @param peakReplicas replicas needed at the peak (the sizing rule at the recommended target)
 * @param nodes nodes the pool needs for N+1
 * @param nodesNow nodes the pool has in the configuration of {@code basis}
 * @param basis which configuration {@code peakReplicas} and {@code nodesNow} are of
 */
public record NPlusOne(String pool, int replicasPerNode, int peakReplicas, int nodes, int nodesNow, Basis basis) {
    /** The configuration an N+1 line is about: only one that the recommendation names. */
    public enum Basis {
        /** The recommended configuration. */
        RECOMMENDED("recommended"),
        /** Nothing in the bounds meets; the configuration that meets with more nodes. */
        MEETING("the configuration that meets has"),
        /** Nothing meets at all; the scenario's own configuration. */
        NOW("now");

        private final String words;

        Basis(String words) {
            this.words = words;
        }
    }

    public NPlusOne {
        if (basis == null || replicasPerNode < 1 || peakReplicas < 0 || nodes < 0 || nodesNow < 0) {
            throw new IllegalArgumentException("inconsistent N+1 for pool " + pool + ": " + replicasPerNode + " per node, "
                    + peakReplicas + " replicas, " + nodes + " nodes, " + nodesNow + " now");
        }
    }

    /** One entry per pool whose nodes hold a replica, in pool order; empty without a cluster. */
    static List<NPlusOne> of(Scenario scenario, Map<String, Integer> nodes, int peakReplicas, Basis basis) {
        List<NPlusOne> out = new ArrayList<>();
        if (scenario.cluster().isEmpty() || nodes == null) {
            return out;
        }
        Resources request = scenario.service().resources();
        List<NodePool> pools = scenario.cluster().get().nodePools();
        for (NodePool p : pools) {
            int perNode = p.replicasPerNode(request);
            if (perNode == 0) {
                continue;
            }
            long other = pools.stream().filter(q -> !q.name().equals(p.name()))
                    .mapToLong(q -> (long) nodes.get(q.name()) * q.replicasPerNode(request)).sum();
            long missing = peakReplicas - other;
            int needed = missing <= 0 ? 0 : (int) ((missing + perNode - 1) / perNode) + 1;
            out.add(new NPlusOne(p.name(), perNode, peakReplicas, needed, nodes.get(p.name()), basis));
        }
        return out;
    }

    /** {@code N+1: to survive losing one node of pool gpu at peak (8 replicas, 1 per node) you need 9 nodes (now 8)}. */
    public String sentence() {
        return "N+1: to survive losing one node of pool " + pool + " at peak (" + peakReplicas + " replicas, " + replicasPerNode
                + " per node) you need " + nodes + " node" + (nodes == 1 ? "" : "s") + " (" + basis.words + " " + nodesNow + ")";
    }
}
