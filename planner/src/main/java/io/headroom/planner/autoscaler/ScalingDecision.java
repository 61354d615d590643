package io.headroom.planner.autoscaler;

/**
 * A policy's answer, with the reason it is what it is.
 *
 * @param desiredReplicas the replica count to run, already within the policy's min/max
 * @param wantedReplicas what the metric alone asked for, before limits (may exceed maxReplicas)
 * @param limit what kept {@code desiredReplicas} from {@code wantedReplicas}, or {@link ScalingLimit#NONE}
 * @param activatorInPath requests reach the replicas through a proxy that holds them while no replica
 *     has a free slot (Knative's activator, proxy mode) rather than straight from the ingress; false
 *     for every policy without one
 */
public record ScalingDecision(int desiredReplicas, long wantedReplicas, ScalingLimit limit, boolean activatorInPath) {
    /** A decision of a policy without an activator. */
    public ScalingDecision(int desiredReplicas, long wantedReplicas, ScalingLimit limit) {
        this(desiredReplicas, wantedReplicas, limit, false);
    }

    public ScalingDecision {
        if (desiredReplicas < 0) {
            throw new IllegalArgumentException("decision desiredReplicas must be >= 0 but was " + desiredReplicas);
        }
        if (wantedReplicas < 0) {
            throw new IllegalArgumentException("decision wantedReplicas must be >= 0 but was " + wantedReplicas);
        }
        if (limit == null) {
            throw new IllegalArgumentException("decision limit must be given (NONE when nothing limited it)");
        }
    }

    /** True when the metric asked for more than the maximum allows. */
    public boolean limitedByMax() {
        return limit == ScalingLimit.MAX_REPLICAS;
    }
}
