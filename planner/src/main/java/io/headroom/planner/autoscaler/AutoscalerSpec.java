package io.headroom.planner.autoscaler;

/**
 * An autoscaler's configuration, as a scenario file gives it: one record per policy, registered in
 * {@link AutoscalerPolicies}. Each builds fresh {@link AutoscalerPolicy} instances (one per run).
 */
public sealed interface AutoscalerSpec permits StaticSpec, AzureMlSpec {
    /** The registry name, as written under {@code autoscaler.policy}. */
    String policy();

    /** Replicas at the start of a run (ready and warm), and the floor the policy keeps. */
    int minReplicas();

    /** The ceiling the policy never exceeds. */
    int maxReplicas();

    /** A new policy instance with its own state. */
    AutoscalerPolicy newPolicy();
}
