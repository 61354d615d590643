/**
 * Autoscaler policies behind one narrow interface: a {@link io.headroom.planner.autoscaler.Snapshot}
 * in, a {@link io.headroom.planner.autoscaler.ScalingDecision} out. Specs are records registered in
 * {@link io.headroom.planner.autoscaler.AutoscalerPolicies}; policy instances hold their own state.
 */
package io.headroom.planner.autoscaler;
