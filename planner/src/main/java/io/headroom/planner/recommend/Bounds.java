package io.headroom.planner.recommend;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sizing.ScenarioSizing;
import io.headroom.planner.sizing.Sizer;
import io.headroom.planner.sizing.SizingQuery;
import java.util.List;
import java.util.Map;

/**
 * The box the search stays in, from the sizing formulas at the scenario's peak rate.
 *
 * <p>{@link #peakNeed} is the larger of the documented rule {@code ceil(peak rps × mean service
 * seconds / target / concurrency)} and the queueing-aware count {@link Sizer#sloReplicas} that keeps
 * the 503 fraction under the SLO at the peak rate ({@link ScenarioSizing#peakQuery}). A warm pool of
 * that many replicas carries the peak with no scaling at all, so it is where an upward search for
 * minReplicas starts. Replicas are capped at {@value #CAP_FACTOR}× the need at the current target
 * (and never below the current max); nodes at {@value #CAP_FACTOR}× the current count of the pool
 * the search grows: the last pool in which one node holds a replica (pools fill in order). A pool the
 * cluster autoscaler resizes holds what its max holds; its setting searched is its min.
 *
 * @param peakRps the traffic's highest rate
 * @param currentTarget the target the need at the cap is computed for (azureml's, or 0.7 for static)
 * @param replicaCap the most replicas any searched configuration asks for
 * @param growPool the pool whose node count is searched; null without a cluster (or when no node fits a replica)
 * @param nodeCap the most nodes of {@code growPool} searched
 * @param scenario the scenario searched
 */
record Bounds(double peakRps, double currentTarget, int replicaCap, String growPool, int nodeCap, Scenario scenario) {
    static final int CAP_FACTOR = 4;

    static Bounds of(Scenario scenario, Config current) {
        double peak = ScenarioSizing.peakRps(scenario);
        double target = current.isStatic() ? ScenarioSizing.DEFAULT_TARGET_UTILIZATION : current.targetUtilization();
        Bounds partial = new Bounds(peak, target, 1, null, 0, scenario);
        int cap = Math.max(current.maxReplicas(), CAP_FACTOR * partial.peakNeed(target));
        String grow = null;
        int nodeCap = 0;
        if (scenario.cluster().isPresent()) {
            Resources request = scenario.service().resources();
            for (NodePool p : scenario.cluster().get().nodePools()) {
                if (p.replicasPerNode(request) > 0) {
                    grow = p.name();
                    nodeCap = Math.max(1, CAP_FACTOR * p.count());
                }
            }
        }
        return new Bounds(peak, target, cap, grow, nodeCap, scenario);
    }

    /** Replicas the peak needs at {@code target}: the documented rule or the queueing SLO count, whichever is larger. */
    int peakNeed(double target) {
        SizingQuery q = ScenarioSizing.peakQuery(scenario);
        if (q == null) {
            return 1;
        }
        SizingQuery at = new SizingQuery(q.targetRps(), q.latency(), target, q.concurrency(), q.maxWait(), q.serviceCv(),
                q.slo503(), null, q.resources(), List.of());
        int formula = Sizer.formulaReplicas(at);
        return at.slo503() == null ? formula : Math.max(formula, Sizer.sloReplicas(at));
    }

    /** Replicas busy on average at the peak rate (its offered load in replicas: rps × mean service time / concurrency); 0 without traffic. */
    double peakBusy() {
        SizingQuery q = ScenarioSizing.peakQuery(scenario);
        return q == null ? 0 : q.targetRps() * q.latency().toNanos() / 1e9 / q.concurrency();
    }

    /** Replicas at the peak in {@code config}: the sizing's ask at its target, within its cap and what its nodes hold. */
    int peakReplicas(Config config) {
        int asked = config.isStatic() ? config.minReplicas() : Math.min(config.maxReplicas(), peakNeed(config.targetUtilization()));
        return (int) Math.min(capacity(config.nodes()), asked);
    }

    /** Replicas the cluster holds with {@code nodes}; unlimited without a cluster. */
    long capacity(Map<String, Integer> nodes) {
        if (nodes == null) {
            return Long.MAX_VALUE;
        }
        Resources request = scenario.service().resources();
        io.headroom.planner.scenario.Cluster cluster = scenario.cluster().orElseThrow();
        return cluster.nodePools().stream()
                .mapToLong(p -> (long) reach(cluster, p, nodes.getOrDefault(p.name(), p.count())) * p.replicasPerNode(request)).sum();
    }

    /** The most nodes {@code pool} reaches with {@code nodes} as its setting: its max when the cluster autoscaler resizes it (nodes is its min). */
    private static int reach(io.headroom.planner.scenario.Cluster cluster, NodePool pool, int nodes) {
        return ConfigMapping.autoscaled(cluster, pool) ? Math.max(nodes, pool.max()) : nodes;
    }

    /** Nodes of the grow pool that hold {@code replicas} (with the other pools as in {@code config}), within [its count there, the cap]. */
    int nodesFor(Config config, int replicas) {
        int now = config.nodes().get(growPool);
        return (int) Math.max(now, Math.min(nodeCap, growNodesHolding(config.withNodes(growPool, 0).nodes(), replicas)));
    }

    /**
     * These bounds with the grow pool allowed as many nodes as hold the replica cap (the other pools
     * at their counts): the box in which the nodes that would meet the SLO are searched when the
     * cluster at {@value #CAP_FACTOR}× its nodes cannot hold the peak.
     */
    Bounds withNodesForReplicaCap() {
        if (growPool == null) {
            return this;
        }
        long needed = growNodesHolding(Map.of(growPool, 0), replicaCap);
        return new Bounds(peakRps, currentTarget, replicaCap, growPool, (int) Math.max(nodeCap, needed), scenario);
    }

    /** Nodes of the grow pool that, beside the other pools at {@code others} (the grow pool's entry 0), hold {@code replicas}. */
    private long growNodesHolding(Map<String, Integer> others, int replicas) {
        int perNode = scenario.cluster().orElseThrow().nodePools().stream().filter(p -> p.name().equals(growPool))
                .findFirst().orElseThrow().replicasPerNode(scenario.service().resources());
        return Math.max(0, (replicas - capacity(others) + perNode - 1) / perNode);
    }

    /** {@code config} with nodes enough for its maxReplicas (when a cluster is given). */
    Config withRoomFor(Config config) {
        return growPool == null ? config : config.withNodes(growPool, nodesFor(config, config.maxReplicas()));
    }
}
