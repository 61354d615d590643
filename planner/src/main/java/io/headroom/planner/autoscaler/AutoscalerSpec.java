package io.headroom.planner.autoscaler;

/**
 * An autoscaler's configuration, as a scenario file gives it: one record per policy, registered in
 * {@code scenario.AutoscalerRegistry}. Each builds fresh {@link AutoscalerPolicy} instances (one per run).
 *
 * <p>Code that treats policies differently (a report's inputs, a recommendation's settings)
 * dispatches with {@link #match}: a new policy adds a method to {@link Cases}, and the compiler then
 * lists every place that must handle it — no {@code instanceof} chain with a silent default.
 */
public sealed interface AutoscalerSpec permits StaticSpec, AzureMlSpec, HpaSpec, KnativeSpec {
    /** The registry name, as written under {@code autoscaler.policy}. */
    String policy();

    /** The floor the policy keeps. */
    int minReplicas();

    /** The ceiling the policy never exceeds. */
    int maxReplicas();

    /** Replicas ready and warm at the start of a run ({@code autoscaler.initialReplicas}, default minReplicas). */
    int initialReplicas();

    /** A new policy instance with its own state. */
    AutoscalerPolicy newPolicy();

    /** Calls the case of {@code cases} for this policy. */
    <R> R match(Cases<R> cases);

    /** One method per registered policy. */
    interface Cases<R> {
        R azureml(AzureMlSpec spec);

        R hpa(HpaSpec spec);

        R knative(KnativeSpec spec);

        R fixed(StaticSpec spec);
    }
}
