package io.headroom.planner.autoscaler;

/**
 * A policy's answer.
 *
 * @param desiredReplicas the replica count to run, already within the policy's min/max
 * @param limitedByMax true when the policy wanted more than its maximum allows
 */
public record ScalingDecision(int desiredReplicas, boolean limitedByMax) {
    public ScalingDecision {
        if (desiredReplicas < 0) {
            throw new IllegalArgumentException("desired replicas must be >= 0 but was " + desiredReplicas);
        }
    }
}
