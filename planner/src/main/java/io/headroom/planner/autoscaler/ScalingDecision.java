package io.headroom.planner.autoscaler;

/**
 * A policy's answer, with the reason it is what it is.
 *
 * @param desiredReplicas the replica count to run, already within the policy's min/max
 * @param wantedReplicas what the metric alone asked for, before limits (may exceed maxReplicas)
 * @param limit what kept {@code desiredReplicas} from {@code wantedReplicas}, or {@link ScalingLimit#NONE}
 */
public record ScalingDecision(int desiredReplicas, long wantedReplicas, ScalingLimit limit) {
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
