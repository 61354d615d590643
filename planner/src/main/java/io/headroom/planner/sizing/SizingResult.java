package io.headroom.planner.sizing;

import io.headroom.planner.cluster.ClusterFit;

/**
 * The answer to a {@link SizingQuery}.
 *
 * @param query         the question
 * @param replicas      the documented sizing rule ceil(rps × latency / utilization / concurrency)
 * @param atReplicas    the queueing check at {@code replicas}
 * @param sloReplicas   the smallest replica count meeting the given SLOs; null when no SLO was given
 * @param atSloReplicas the queueing check at {@code sloReplicas}; null when no SLO was given
 * @param nodes         placement of the recommended count ({@code sloReplicas} if given, else
 *                      {@code replicas}) on the node pools; null when no node pool was given
 * @param explanation   one line: where the count comes from and which constraint binds
 */
public record SizingResult(SizingQuery query, int replicas, QueueingCheck atReplicas, Integer sloReplicas,
                           QueueingCheck atSloReplicas, ClusterFit nodes, String explanation) {
    public SizingResult {
        if (query == null || atReplicas == null || explanation == null) {
            throw new IllegalArgumentException("query, atReplicas and explanation are required");
        }
        if ((sloReplicas == null) != (atSloReplicas == null) || (sloReplicas == null) == query.hasSlo()) {
            throw new IllegalArgumentException("sloReplicas and atSloReplicas are given exactly when the query has an SLO");
        }
    }

    /** The count to deploy: {@code sloReplicas} when an SLO was given, else {@code replicas}. */
    public int recommendedReplicas() {
        return sloReplicas != null ? sloReplicas : replicas;
    }
}
