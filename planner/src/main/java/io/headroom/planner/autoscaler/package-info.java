/**
 * Autoscaler policies behind one narrow interface: a {@link io.headroom.planner.autoscaler.Snapshot}
 * (replica states, the load now and over time in a {@link io.headroom.planner.autoscaler.MetricWindow})
 * in, a {@link io.headroom.planner.autoscaler.ScalingDecision} (the count and the limit that bound it)
 * out: {@code static}, {@code azureml} (azureml-fe's documented rule) and {@code hpa} (the Kubernetes
 * HorizontalPodAutoscaler's replica calculator and controller, transcribed from upstream) and
 * {@code knative} (Knative Serving's KPA decider, {@link io.headroom.planner.autoscaler.KnativeDecider},
 * with its collector's windows and the PodAutoscaler's scale-to-zero rules). Specs are
 * records of a sealed interface, registered with their scenario keys and binders in
 * {@code io.headroom.planner.scenario.AutoscalerRegistry}; policy instances hold their own state.
 */
package io.headroom.planner.autoscaler;
