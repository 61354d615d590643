package io.headroom.planner.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether {@code replicas} replicas fit the node pools, filling the pools in the order given and
 * each node up to {@link NodePool#replicasPerNode}, the way a bin-packing scheduler profile would.
 *
 * @param replicas         replicas to place
 * @param pools            per pool: replicas per node, nodes needed alone, nodes used
 * @param fits             every replica found a node
 * @param replicasThatFit  replicas placed: min(replicas, total capacity)
 * @param schedulerMessage null when everything fits; otherwise the message kube-scheduler gives
 *                         for the first replica that stays Pending (see {@link FitError})
 */
public record ClusterFit(int replicas, List<PoolFit> pools, boolean fits, long replicasThatFit, String schedulerMessage) {
    public ClusterFit {
        pools = List.copyOf(pools);
        if (replicas < 0 || replicasThatFit < 0 || replicasThatFit > replicas || fits != (replicasThatFit == replicas)
                || fits != (schedulerMessage == null)) {
            throw new IllegalArgumentException("inconsistent cluster fit: " + replicas + " replicas, " + replicasThatFit
                    + " fit, fits=" + fits + ", message=" + schedulerMessage);
        }
    }

    /** Places {@code replicas} replicas requesting {@code request} on {@code pools}, in order. */
    public static ClusterFit place(Resources request, List<NodePool> pools, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be >= 0 but was " + replicas);
        }
        List<PoolFit> fits = new ArrayList<>();
        long remaining = replicas;
        for (NodePool pool : pools) {
            int perNode = pool.replicasPerNode(request);
            Long needed = perNode == 0 ? null : ceilDiv(replicas, perNode);
            int used = perNode == 0 ? 0 : (int) Math.min(pool.count(), ceilDiv(remaining, perNode));
            long placed = Math.min(remaining, (long) used * perNode);
            remaining -= placed;
            fits.add(new PoolFit(pool, perNode, needed, used, placed));
        }
        long placedTotal = replicas - remaining;
        String message = remaining == 0 ? null : FitError.message(request, pools);
        return new ClusterFit(replicas, fits, remaining == 0, placedTotal, message);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
