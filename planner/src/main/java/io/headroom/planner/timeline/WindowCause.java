package io.headroom.planner.timeline;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a 503 window happened, in the words a capacity review uses. */
public enum WindowCause {
    /** Replicas were asked for but were not ready yet (startup takes time). */
    SCALE_UP_LAG("scale-up lag"),
    /** The autoscaler wanted more replicas than its maximum (or a static count) allows. */
    MAX_REPLICAS("max replicas"),
    /** Replicas stayed Pending: no node had room for them, and none could come (pools at max, or fixed). */
    CLUSTER_FULL("cluster full"),
    /** Replicas stayed Pending while the cluster autoscaler brought (or could bring) a node for them. */
    NODE_PROVISIONING("node provisioning"),
    /** New replicas crash-looped and never became ready. */
    STARTUP_FAILURES("startup failures");

    private final String label;

    WindowCause(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /**
     * The cause of one second with 503s, from the facts of its replica sample: replicas Pending for want
     * of a node → node provisioning when a node is coming, else cluster full; else replicas still starting → scale-up lag (ready capacity is below
     * what was asked for, whatever the cap); else crash-looping replicas → startup failures; else the
     * autoscaler wanted more than its maximum → max replicas (the capped replicas are all ready and
     * still fall short); else scale-up lag (the autoscaler has not asked for enough yet).
     */
    public static WindowCause of(ReplicaSample s) {
        if (s.pending() > 0) {
            return s.nodeComing() ? NODE_PROVISIONING : CLUSTER_FULL;
        }
        if (s.starting() - s.crashLooping() > 0) {
            return SCALE_UP_LAG;
        }
        if (s.crashLooping() > 0) {
            return STARTUP_FAILURES;
        }
        if (s.limitedByMax()) {
            return MAX_REPLICAS;
        }
        return SCALE_UP_LAG;
    }
}
