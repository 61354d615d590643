package io.headroom.planner.cluster;

/**
 * What one replica requests from a node: CPU cores, memory in GB (Kubernetes {@code G}), and whole GPUs ({@code nvidia.com/gpu}).
 */
public record Resources(double cpu, double memoryGb, int gpu) {
    public static final Resources DEFAULT = new Resources(1, 2, 0);

    public Resources {
        if (!(cpu >= 0) || !(memoryGb >= 0) || gpu < 0) {
            throw new IllegalArgumentException(
                    "resources must be >= 0 but were cpu=" + cpu + ", memoryGb=" + memoryGb + ", gpu=" + gpu);
        }
    }
}
