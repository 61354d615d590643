package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * azureml-fe's autoscaling rule as Microsoft documents it ("Deploy a model to an Azure Kubernetes
 * Service cluster", section "Autoscaling"), with the modelling choices the documentation leaves open
 * stated here:
 *
 * <ul>
 *   <li>Utilization is (busy + queued) / (ready replicas × concurrency): requests in the router's
 *       queue count, requests already answered with 503 do not.</li>
 *   <li>Every refresh interval the policy computes the replicas that would bring utilization to the
 *       target, {@code wanted = ceil((busy + queued) / (concurrency × target))} — the documented
 *       proportional rule {@code ceil(current × utilization / target)} with current = ready.</li>
 *   <li>Scale up: when utilization is above target and {@code wanted} exceeds the current setting,
 *       the setting jumps to {@code wanted} at once (one step adds as many replicas as needed;
 *       the vendor does not document a step limit).</li>
 *   <li>Scale down: only after utilization has stayed below target for the whole scale-down delay;
 *       then the setting drops to the highest {@code wanted} seen during that delay (not the value
 *       of the last instant, which a random dip in traffic would make too low — the same choice
 *       as the Kubernetes HPA's scale-down stabilization window), and the delay starts again.</li>
 *   <li>The result is clamped to [minReplicas, maxReplicas].</li>
 * </ul>
 *
 * State: the time utilization went below target, and the highest need seen since. Package-private: built by {@link AzureMlSpec}.
 */
final class AzureMlPolicy implements AutoscalerPolicy {
    private final AzureMlSpec spec;
    private final long scaleDownDelayNanos;
    private long belowTargetSinceNanos = -1;
    private long highestWantedWhileBelow;

    AzureMlPolicy(AzureMlSpec spec) {
        this.spec = spec;
        this.scaleDownDelayNanos = spec.scaleDownDelay().toNanos();
    }

    @Override
    public Duration evaluationInterval() {
        return spec.refreshInterval();
    }

    @Override
    public ScalingDecision decide(Snapshot s) {
        double target = spec.targetUtilization();
        long wanted = (long) Math.ceil(s.inFlight() / (s.concurrencyPerReplica() * target) - 1e-9);
        boolean limited = wanted > spec.maxReplicas();
        int current = s.currentDesired();
        int desired = current;
        if (s.utilization() > target) {
            belowTargetSinceNanos = -1;
            if (wanted > current) {
                desired = (int) Math.min(wanted, spec.maxReplicas());
            }
        } else if (s.utilization() < target && wanted < current) {
            if (belowTargetSinceNanos < 0) {
                belowTargetSinceNanos = s.nowNanos();
                highestWantedWhileBelow = wanted;
            }
            highestWantedWhileBelow = Math.max(highestWantedWhileBelow, wanted);
            if (s.nowNanos() - belowTargetSinceNanos >= scaleDownDelayNanos) {
                desired = (int) Math.min(current, highestWantedWhileBelow);
                belowTargetSinceNanos = s.nowNanos();
                highestWantedWhileBelow = wanted;
            }
        } else {
            belowTargetSinceNanos = -1;
        }
        desired = Math.max(spec.minReplicas(), Math.min(spec.maxReplicas(), desired));
        return new ScalingDecision(desired, limited);
    }
}
