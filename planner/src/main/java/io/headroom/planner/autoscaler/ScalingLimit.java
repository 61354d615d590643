package io.headroom.planner.autoscaler;

/** What, if anything, kept a policy's decision from the replica count its metric asked for. */
public enum ScalingLimit {
    /** The decision is what the metric asked for. */
    NONE,
    /** The metric asked for more than maxReplicas (or a static count) allows. */
    MAX_REPLICAS,
    /** The metric asked for fewer than minReplicas. */
    MIN_REPLICAS,
    /** A scale-up or scale-down rate limit (HPA behavior policies, Knative max scale rates) held the step back. */
    RATE_LIMIT,
    /** A scale-down waits out its delay or stabilization window. */
    STABILIZATION
}
