package io.headroom.planner.cluster;

/**
 * A group of identical nodes: how many, and the allocatable CPU cores, memory (GB) and GPUs of each.
 */
public record NodePool(String name, int count, double cpu, double memoryGb, int gpu) {
    public NodePool {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a node pool needs a name");
        }
        if (count < 0 || !(cpu >= 0) || !(memoryGb >= 0) || gpu < 0) {
            throw new IllegalArgumentException("node pool " + name + " must have count, cpu, memoryGb and gpu >= 0 but had count="
                    + count + ", cpu=" + cpu + ", memoryGb=" + memoryGb + ", gpu=" + gpu);
        }
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

    /** Replicas the whole pool holds. */
    public long replicaCapacity(Resources request) {
        return (long) count * replicasPerNode(request);
    }

    /** The Kubernetes default for the most pods one node runs (kubelet {@code maxPods}). */
    public static final int MAX_PODS_PER_NODE = 110;
}
