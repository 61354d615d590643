package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * azureml-fe's autoscaling rule as Microsoft documents it ("Deploy a model to an Azure Kubernetes
 * Service cluster", section "Autoscaling"), with the modelling choices the documentation leaves open
 * stated here:
 *
 * <ul>
 *   <li>Utilization is (busy + queued) / (ready replicas × concurrency), with busy + queued averaged
 *       over the last refresh interval (the router counts what it held since its last decision, not
 *       one instant). Requests already answered with 503 do not count.</li>
 *   <li>The need is the replica count that brings that utilization to the target,
 *       {@code ceil(mean(busy + queued) / (concurrency × target))} — the documented proportional
 *       rule {@code ceil(current × utilization / target)} with current = ready.</li>
 *   <li>Scale up ("eager and fast"): every refresh interval, when utilization is above target and the
 *       need over the refresh interval exceeds the current setting, the setting jumps to it at once
 *       (one step adds as many replicas as needed; the vendor documents no step limit).</li>
 *   <li>Scale down ("conservative, around 1 minute"): when utilization averaged over the whole
 *       scale-down delay is below target (busy + queued over the delay, against the ready slots now),
 *       the need it implies is below the current setting, and the last change of the
 *       setting (up or down, or the start of the run) is at least one delay ago, the setting drops to
 *       that need. Deciding on the delay's average, not on its instants nor its peak, is what makes a
 *       steady load settle at the documented sizing rule {@code ceil(rps × latency / target /
 *       concurrency)}; the eager scale-up on one refresh interval's noise still keeps a steady
 *       deployment a little above the rule when startup is short.</li>
 *   <li>The result is clamped to [minReplicas, maxReplicas]; the decision names the limit that bound
 *       it (a scale-down waiting out its delay is {@link ScalingLimit#STABILIZATION}).</li>
 * </ul>
 *
 * State: when the setting last changed. Package-private: built by {@link AzureMlSpec}.
 */
final class AzureMlPolicy implements AutoscalerPolicy {
    private final AzureMlSpec spec;
    private final long scaleDownDelayNanos;
    private long lastChangeNanos;

    AzureMlPolicy(AzureMlSpec spec) {
        this.spec = spec;
        this.scaleDownDelayNanos = spec.scaleDownDelay().toNanos();
    }

    @Override
    public Duration evaluationInterval() {
        return spec.refreshInterval();
    }

    @Override
    public Duration metricHistory() {
        return spec.scaleDownDelay().compareTo(spec.refreshInterval()) > 0 ? spec.scaleDownDelay() : spec.refreshInterval();
    }

    @Override
    public ScalingDecision decide(Snapshot s) {
        double inFlight = s.metrics().meanInFlight(spec.refreshInterval());
        long wanted = need(inFlight, s.concurrencyPerReplica());
        double utilization = inFlight == 0 ? 0 : s.readySlots() == 0 ? Double.POSITIVE_INFINITY : inFlight / s.readySlots();
        int current = s.currentDesired();
        long desired = current;
        ScalingLimit limit = ScalingLimit.NONE;
        if (utilization > spec.targetUtilization() && wanted > current) {
            desired = wanted;
        } else {
            double settledInFlight = s.metrics().meanInFlight(spec.scaleDownDelay());
            long settled = need(settledInFlight, s.concurrencyPerReplica());
            boolean belowTarget = settledInFlight < spec.targetUtilization() * s.readySlots();
            if (belowTarget && Math.max(settled, spec.minReplicas()) < current) {
                wanted = settled;
                if (s.nowNanos() - lastChangeNanos >= scaleDownDelayNanos) {
                    desired = settled;
                } else {
                    limit = ScalingLimit.STABILIZATION;
                }
            } else if (belowTarget && settled < current) {
                limit = ScalingLimit.MIN_REPLICAS;
            }
        }
        if (desired > spec.maxReplicas()) {
            desired = spec.maxReplicas();
            limit = ScalingLimit.MAX_REPLICAS;
        } else if (desired < spec.minReplicas()) {
            desired = spec.minReplicas();
            limit = ScalingLimit.MIN_REPLICAS;
        }
        if (desired != current) {
            lastChangeNanos = s.nowNanos();
        }
        return new ScalingDecision((int) desired, wanted, limit);
    }

    private long need(double inFlight, int concurrency) {
        return (long) Math.ceil(inFlight / (concurrency * spec.targetUtilization()) - 1e-9);
    }
}
