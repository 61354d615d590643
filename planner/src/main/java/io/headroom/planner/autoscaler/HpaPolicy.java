package io.headroom.planner.autoscaler;

import java.time.Duration;

/**
 * The {@code hpa} policy: every {@code syncPeriod} the metric pipeline's view of the deployment (from
 * the {@link Snapshot}) goes through upstream's replica calculator ({@link HpaReplicaCalculator}) and
 * reconcile step ({@link HpaController}).
 *
 * <p>What the HPA sees, per metric (the modelling choices, stated):
 * <ul>
 *   <li>{@code cpu}: each ready pod's CPU over the last {@code metricWindow} (metrics-server's
 *       rectangular average over one scrape interval), from {@code service.cpuUsage}. A ready pod
 *       that started less than {@code cpuInitializationPeriod} ago and became ready less than one
 *       {@code metricWindow} ago has no sample taken after its readiness and is set aside as unready;
 *       pods starting, crash-looping (never ready) or Pending are unready.</li>
 *   <li>{@code concurrency} and {@code rps}: per-pod averages over {@code metricWindow}, as a
 *       Prometheus {@code rate()} or gauge behind the adapter gives them; a pod ready for less than
 *       the window, or not ready, has no sample yet (missing); Pending pods are unready.
 *       Concurrency counts a pod's requests in service and waiting; rps counts requests arriving at
 *       the service divided over the ready pods.</li>
 *   <li>{@code external}: the service's total request rate over {@code metricWindow}, divided by the
 *       target per pod, as KEDA's scalers feed an External {@code AverageValue} metric.</li>
 * </ul>
 * Every pod is identical (requests spread evenly over the ready pods), so each group holds one value per pod.
 */
final class HpaPolicy implements AutoscalerPolicy {
    private final HpaSpec spec;
    private final HpaController controller;

    HpaPolicy(HpaSpec spec) {
        this.spec = spec;
        this.controller = new HpaController(spec);
    }

    @Override
    public Duration evaluationInterval() {
        return spec.syncPeriod();
    }

    @Override
    public Duration metricHistory() {
        return spec.metricWindow();
    }

    @Override
    public ScalingDecision decide(Snapshot s) {
        int current = s.currentDesired();
        HpaReplicaCalculator.Proposal proposal = propose(s, current);
        HpaController.Sync sync = controller.sync(s.nowNanos(), current, proposal.valid(), proposal.replicas());
        return decision(sync);
    }

    /** The decision with upstream's reason mapped to the project's limits. */
    static ScalingDecision decision(HpaController.Sync sync) {
        ScalingLimit limit = switch (sync.reason()) {
            case "ScaleUpLimit", "ScaleDownLimit" -> ScalingLimit.RATE_LIMIT;
            case "TooManyReplicas" -> ScalingLimit.MAX_REPLICAS;
            case "TooFewReplicas" -> ScalingLimit.MIN_REPLICAS;
            default -> sync.stabilized() != sync.proposed() ? ScalingLimit.STABILIZATION : ScalingLimit.NONE;
        };
        return new ScalingDecision(sync.desired(), Math.max(0, sync.proposed()), limit);
    }

    private HpaReplicaCalculator.Proposal propose(Snapshot s, int current) {
        MetricWindow m = s.metrics();
        Duration window = spec.metricWindow();
        int notReady = s.startingReplicas() + s.crashLoopingReplicas();
        switch (spec.metric().type()) {
            case CPU -> {
                double utilization = m.cpuUtilization(window);
                if (Double.isNaN(utilization)) {
                    return HpaReplicaCalculator.Proposal.invalid();
                }
                int initializing = m.readyStartedWithin(spec.cpuInitializationPeriod(), window);
                return HpaReplicaCalculator.propose(spec.metric(), spec.tolerance(), current, s.readyReplicas() - initializing,
                        initializing + notReady + s.pendingReplicas(), 0, Math.round(utilization * 1000));
            }
            case CONCURRENCY, RPS -> {
                int sampled = m.readyForAtLeast(window);
                double meanReady = m.meanReady(window);
                double perPod = meanReady <= 0 ? 0 : (spec.metric().type() == HpaMetric.Type.CONCURRENCY
                        ? m.meanInFlight(window) : m.arrivalsPerSecond(window)) / meanReady;
                return HpaReplicaCalculator.propose(spec.metric(), spec.tolerance(), current, sampled, s.pendingReplicas(),
                        s.readyReplicas() - sampled + notReady, Math.round(perPod * 1000));
            }
            case EXTERNAL -> {
                return HpaReplicaCalculator.propose(spec.metric(), spec.tolerance(), current, s.readyReplicas(),
                        notReady + s.pendingReplicas(), 0, Math.round(m.arrivalsPerSecond(window) * 1000));
            }
            default -> throw new IllegalStateException("unknown metric " + spec.metric().type());
        }
    }
}
