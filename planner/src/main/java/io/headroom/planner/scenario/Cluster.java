package io.headroom.planner.scenario;

import io.headroom.planner.cluster.NodeAutoscaler;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Placeholders;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The nodes replicas are scheduled on. A replica that finds no room stays Pending; after
 * {@code schedulingTimeout} (Azure ML: 5 min) the deployment reports it could not be scheduled.
 * With an {@code autoscaler} the pools whose min is below their max grow and shrink (the Kubernetes
 * Cluster Autoscaler); without one every pool keeps its count. {@code placeholders} hold room for
 * replicas that come later.
 */
public record Cluster(List<NodePool> nodePools, Duration schedulingTimeout, Optional<NodeAutoscaler> autoscaler,
        Placeholders placeholders) {
    public static final Duration DEFAULT_SCHEDULING_TIMEOUT = Duration.ofMinutes(5);

    public Cluster {
        nodePools = List.copyOf(nodePools);
        if (nodePools.isEmpty()) {
            throw new IllegalArgumentException("cluster.nodePools needs at least one pool");
        }
        if (schedulingTimeout.isNegative() || schedulingTimeout.isZero()) {
            throw new IllegalArgumentException("schedulingTimeout must be > 0s but was " + Durations.format(schedulingTimeout));
        }
        Objects.requireNonNull(autoscaler, "autoscaler");
        Objects.requireNonNull(placeholders, "placeholders");
        if (autoscaler.isPresent()) {
            for (NodePool p : nodePools) {
                if (p.autoscaled() && p.provisioning().isEmpty()) {
                    throw new IllegalArgumentException("node pool " + p.name() + " has min < max, so it needs provisioning"
                            + " (how long a new node takes)");
                }
            }
        }
    }

    /** Fixed pools, no placeholders. */
    public Cluster(List<NodePool> nodePools, Duration schedulingTimeout) {
        this(nodePools, schedulingTimeout, Optional.empty(), Placeholders.NONE);
    }

    /** Whether any pool's node count changes during a run. */
    public boolean nodesChange() {
        return autoscaler.isPresent() && nodePools.stream().anyMatch(NodePool::autoscaled);
    }

    /** This cluster with {@code pools} instead of its own. */
    public Cluster withPools(List<NodePool> pools) {
        return new Cluster(pools, schedulingTimeout, autoscaler, placeholders);
    }

    /** This cluster with {@code p} placeholders. */
    public Cluster withPlaceholders(Placeholders p) {
        return new Cluster(nodePools, schedulingTimeout, autoscaler, p);
    }

    /** Replicas requesting {@code request} the whole cluster holds at the start. */
    public long replicaCapacity(Resources request) {
        return nodePools.stream().mapToLong(p -> p.replicaCapacity(request)).sum();
    }

    /** Replicas requesting {@code request} the whole cluster holds with every autoscaled pool at its max. */
    public long maxReplicaCapacity(Resources request) {
        return nodePools.stream().mapToLong(p -> (long) (nodesChange() ? p.max() : p.count()) * p.replicasPerNode(request)).sum();
    }
}
