package io.headroom.planner.cluster;

import io.headroom.planner.dist.DistributionSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of identical nodes: how many, and the allocatable CPU cores, memory (GB) and GPUs of each;
 * for a pool the cluster autoscaler resizes, its {@code min} and {@code max} and how long a new node
 * takes to become ready ({@code provisioning}); and what one node costs per hour (0: not billed per node).
 *
 * @param count        nodes at the start, in {@code [min, max]}
 * @param provisioning time from the scale-up request to a Ready node; empty for a fixed pool (min = max = count)
 * @param costPerHour  the price of one node-hour (0 when the cluster bills per replica, see {@code cost})
 */
public record NodePool(String name, int count, double cpu, double memoryGb, int gpu, int min, int max,
        Optional<DistributionSpec> provisioning, double costPerHour) {
    public NodePool {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a node pool needs a name");
        }
        if (count < 0 || !(cpu >= 0) || !(memoryGb >= 0) || gpu < 0) {
            throw new IllegalArgumentException("node pool " + name + " must have count, cpu, memoryGb and gpu >= 0 but had count="
                    + count + ", cpu=" + cpu + ", memoryGb=" + memoryGb + ", gpu=" + gpu);
        }
        if (min < 0 || min > count || max < count) {
            throw new IllegalArgumentException("node pool " + name + " must have min <= count <= max but had min=" + min
                    + ", count=" + count + ", max=" + max);
        }
        Objects.requireNonNull(provisioning, "provisioning");
        if (!(costPerHour >= 0) || Double.isInfinite(costPerHour)) {
            throw new IllegalArgumentException("node pool " + name + " costPerHour must be >= 0 but was " + costPerHour);
        }
    }

    /** A fixed pool of {@code count} nodes, not billed per node. */
    public NodePool(String name, int count, double cpu, double memoryGb, int gpu) {
        this(name, count, cpu, memoryGb, gpu, count, count, Optional.empty(), 0);
    }

    /** This pool starting with {@code nodes} nodes, its min and max widened to hold that count. */
    public NodePool withCount(int nodes) {
        return new NodePool(name, nodes, cpu, memoryGb, gpu, Math.min(min, nodes), Math.max(max, nodes), provisioning, costPerHour);
    }

    /** This pool with {@code nodes} nodes as its min (and count at least that). */
    public NodePool withMin(int nodes) {
        int start = Math.max(count, nodes);
        return new NodePool(name, start, cpu, memoryGb, gpu, nodes, Math.max(max, start), provisioning, costPerHour);
    }

    /** Whether the cluster autoscaler may add nodes to this pool (its max is above its count, or its min below). */
    public boolean autoscaled() {
        return min != max;
    }

    /**
     * How many replicas requesting {@code request} one node of this pool holds: the smallest of
     * allocatable / requested over CPU, memory and GPU (a resource the replica does not request
     * does not limit it). A replica that requests nothing is limited to 110 per node, the
     * Kubernetes default {@code maxPods}.
     */
    public int replicasPerNode(Resources request) {
        long fit = MAX_PODS_PER_NODE;
        if (request.cpu() > 0) {
            fit = Math.min(fit, (long) Math.floor(cpu / request.cpu() + 1e-9));
        }
        if (request.memoryGb() > 0) {
            fit = Math.min(fit, (long) Math.floor(memoryGb / request.memoryGb() + 1e-9));
        }
        if (request.gpu() > 0) {
            fit = Math.min(fit, gpu / request.gpu());
        }
        return (int) fit;
    }

    /**
     * The requested share of one node holding {@code replicas} replicas: the largest of requested /
     * allocatable over the resources the replica requests (the cluster autoscaler's node
     * utilization, {@code simulator/utilization}: the larger of CPU and memory, GPU alone on a GPU node).
     */
    public double utilization(Resources request, int replicas) {
        if (request.gpu() > 0 && gpu > 0) {
            return replicas * request.gpu() / (double) gpu;
        }
        double share = 0;
        if (cpu > 0) {
            share = Math.max(share, replicas * request.cpu() / cpu);
        }
        if (memoryGb > 0) {
            share = Math.max(share, replicas * request.memoryGb() / memoryGb);
        }
        return share;
    }

    /** Replicas the whole pool holds. */
    public long replicaCapacity(Resources request) {
        return (long) count * replicasPerNode(request);
    }

    /** The Kubernetes default for the most pods one node runs (kubelet {@code maxPods}). */
    public static final int MAX_PODS_PER_NODE = 110;
}
