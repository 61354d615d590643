package io.headroom.planner.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The message kube-scheduler gives a pod that fits no node, e.g.
 * {@code 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.}
 *
 * <p>Mirrors upstream {@code FitError.Error()} (kubernetes {@code pkg/scheduler/framework/types.go}):
 * {@code "0/%v nodes are available"}, then each filter reason with the number of nodes that gave it,
 * formatted {@code "<count> <reason>"}, the strings sorted ({@code sort.Strings}, so by that
 * formatted text) and joined by {@code ", "}, ending with a period. The reasons are those of the
 * NodeResourcesFit plugin: {@code Insufficient cpu}, {@code Insufficient memory},
 * {@code Insufficient nvidia.com/gpu}, and {@code Too many pods} (the node's {@code maxPods});
 * one node can give several. It is computed here for the pod after the last one placed, when every
 * node is full; other pods and daemonsets on the nodes are not modelled.
 */
public final class FitError {
    private FitError() {
    }

    /** The scheduler's message for one more replica requesting {@code request} when every node of {@code pools} is full. */
    public static String message(Resources request, List<NodePool> pools) {
        Map<String, Integer> nodesByReason = new TreeMap<>();
        int nodes = 0;
        for (NodePool pool : pools) {
            nodes += pool.count();
            if (pool.count() == 0) {
                continue;
            }
            for (String reason : reasonsWhenFull(request, pool)) {
                nodesByReason.merge(reason, pool.count(), Integer::sum);
            }
        }
        List<String> counted = new ArrayList<>();
        nodesByReason.forEach((reason, count) -> counted.add(count + " " + reason));
        counted.sort(null);
        String message = "0/" + nodes + " nodes are available";
        return counted.isEmpty() ? message : message + ": " + String.join(", ", counted) + ".";
    }

    /** Why a node of {@code pool} holding {@link NodePool#replicasPerNode} replicas rejects one more. */
    public static List<String> reasonsWhenFull(Resources request, NodePool pool) {
        int placed = pool.replicasPerNode(request);
        List<String> reasons = new ArrayList<>();
        if (request.cpu() > 0 && pool.cpu() - placed * request.cpu() + 1e-9 < request.cpu()) {
            reasons.add("Insufficient cpu");
        }
        if (request.memoryGb() > 0 && pool.memoryGb() - placed * request.memoryGb() + 1e-9 < request.memoryGb()) {
            reasons.add("Insufficient memory");
        }
        if (request.gpu() > 0 && pool.gpu() - (long) placed * request.gpu() < request.gpu()) {
            reasons.add("Insufficient nvidia.com/gpu");
        }
        if (placed >= NodePool.MAX_PODS_PER_NODE) {
            reasons.add("Too many pods");
        }
        return reasons;
    }
}
