package io.headroom.planner.cluster;

/**
 * Low-priority pause pods that hold room for real replicas (the cluster autoscaler FAQ's
 * "How can I configure overprovisioning"): each requests what one replica does; a real replica
 * preempts one at once and starts on its room; the evicted placeholder goes Pending and, when its
 * priority is at or above {@link NodeAutoscaler#EXPENDABLE_PRIORITY_CUTOFF}, makes the cluster
 * autoscaler add a node in the background.
 *
 * @param replicas how many placeholders
 * @param priority their PriorityClass value: below the replicas' 0; the FAQ's example is -10
 */
public record Placeholders(int replicas, int priority) {
    public static final Placeholders NONE = new Placeholders(0, -10);
    public static final int DEFAULT_PRIORITY = -10;

    public Placeholders {
        if (replicas < 0) {
            throw new IllegalArgumentException("placeholders.replicas must be >= 0 but was " + replicas);
        }
        if (priority >= 0) {
            throw new IllegalArgumentException("placeholders.priority must be < 0 (below the replicas' priority 0, so they are"
                    + " preempted) but was " + priority);
        }
    }

    /** Whether Pending placeholders make the cluster autoscaler add nodes. */
    public boolean triggerScaleUp() {
        return priority >= NodeAutoscaler.EXPENDABLE_PRIORITY_CUTOFF;
    }
}
