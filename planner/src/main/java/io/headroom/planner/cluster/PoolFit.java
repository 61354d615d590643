package io.headroom.planner.cluster;

/**
 * One node pool's share of a placement.
 *
 * @param pool            the pool
 * @param replicasPerNode replicas one node of the pool holds ({@link NodePool#replicasPerNode})
 * @param nodesNeeded     nodes this pool would need to host every replica alone (may exceed its
 *                        count); null when one node cannot hold even one replica
 * @param nodesUsed       nodes of this pool the placement uses (pools are filled in order)
 * @param replicasPlaced  replicas the placement puts on this pool
 */
public record PoolFit(NodePool pool, int replicasPerNode, Long nodesNeeded, int nodesUsed, long replicasPlaced) {
    public PoolFit {
        if (pool == null || replicasPerNode < 0 || nodesUsed < 0 || nodesUsed > pool.count() || replicasPlaced < 0
                || replicasPlaced > (long) nodesUsed * replicasPerNode) {
            throw new IllegalArgumentException("inconsistent pool fit: " + pool + ", " + replicasPerNode + " per node, "
                    + nodesUsed + " nodes used, " + replicasPlaced + " replicas placed");
        }
        if ((nodesNeeded == null) != (replicasPerNode == 0)) {
            throw new IllegalArgumentException("nodesNeeded is null exactly when a node holds no replica");
        }
    }
}
