package io.headroom.planner.timeline;

/**
 * The replica side of one timeline second, sampled at its end. Absent from observed timelines
 * when the endpoint does not expose it.
 *
 * @param ready replicas taking traffic
 * @param starting replicas scheduled and starting (including crash-looping ones)
 * @param desired the autoscaler's current setting
 * @param busySlots requests being served
 * @param queueLength requests waiting in the router queue
 * @param pending replicas waiting for a node with room (unschedulable)
 * @param crashLooping replicas whose {@code init()} failed and that will never become ready
 * @param limitedByMax whether the autoscaler wanted more than its maximum at its last decision
 * @param nodeComing whether the Pending replicas wait for a node the cluster autoscaler has asked for
 *                   or can still ask for (false: no node can come; not in timeline.csv)
 */
public record ReplicaSample(int ready, int starting, int desired, long busySlots, long queueLength, int pending,
        int crashLooping, boolean limitedByMax, boolean nodeComing) {
    public ReplicaSample {
        if (ready < 0 || starting < 0 || desired < 0 || busySlots < 0 || queueLength < 0 || pending < 0 || crashLooping < 0) {
            throw new IllegalArgumentException("replica counts must be >= 0");
        }
    }

    /** A sample whose Pending replicas, if any, wait for no node (fixed pools, or an observed endpoint). */
    public ReplicaSample(int ready, int starting, int desired, long busySlots, long queueLength, int pending, int crashLooping,
            boolean limitedByMax) {
        this(ready, starting, desired, busySlots, queueLength, pending, crashLooping, limitedByMax, false);
    }
}
