package io.headroom.planner.scenario;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.List;

/**
 * The nodes replicas are scheduled on. A replica that finds no room stays Pending; after
 * {@code schedulingTimeout} (Azure ML: 5 min) the deployment reports it could not be scheduled.
 */
public record Cluster(List<NodePool> nodePools, Duration schedulingTimeout) {
    public static final Duration DEFAULT_SCHEDULING_TIMEOUT = Duration.ofMinutes(5);

    public Cluster {
        nodePools = List.copyOf(nodePools);
        if (nodePools.isEmpty()) {
            throw new IllegalArgumentException("cluster.nodePools needs at least one pool");
        }
        if (schedulingTimeout.isNegative() || schedulingTimeout.isZero()) {
            throw new IllegalArgumentException("schedulingTimeout must be > 0s but was " + Durations.format(schedulingTimeout));
        }
    }

    /** Replicas requesting {@code request} the whole cluster holds. */
    public long replicaCapacity(Resources request) {
        return nodePools.stream().mapToLong(p -> p.replicaCapacity(request)).sum();
    }
}
