package io.headroom.planner.autoscaler;

import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * A Kubernetes HorizontalPodAutoscaler (autoscaling/v2) on one metric, with the controller settings
 * that shape it. Defaults are upstream's: sync every 15 s, tolerance 0.1, metric window 15 s (one
 * metrics-server resolution), CPU initialization period 5 min, downscale stabilization 5 min; without
 * {@code behavior} the legacy path (scale-up at most {@code max(2 × current, 4)} per sync, scale-down
 * to the highest recommendation of the last downscale stabilization).
 *
 * @param metricWindow how far back the metric averages when the HPA reads it (metrics-server's
 *     scrape window for CPU, the Prometheus {@code rate()} window for rps)
 * @param downscaleStabilization the controller's {@code --horizontal-pod-autoscaler-downscale-stabilization}:
 *     the legacy path's window, and {@code behavior.scaleDown.stabilizationWindow} when a behavior leaves it unset
 */
public record HpaSpec(int minReplicas, int maxReplicas, int initialReplicas, HpaMetric metric, Duration syncPeriod,
        double tolerance, Duration metricWindow, Duration cpuInitializationPeriod, Duration downscaleStabilization,
        Optional<HpaBehavior> behavior) implements AutoscalerSpec {
    public static final Duration DEFAULT_SYNC_PERIOD = Duration.ofSeconds(15);
    public static final double DEFAULT_TOLERANCE = 0.1;
    public static final Duration DEFAULT_METRIC_WINDOW = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_DOWNSCALE_STABILIZATION = Duration.ofMinutes(5);

    public HpaSpec {
        ReplicaBounds.check(minReplicas, maxReplicas, initialReplicas);
        if (metric == null || behavior == null) {
            throw new IllegalArgumentException("an hpa needs its metric (and an Optional behavior)");
        }
        positive("syncPeriod", syncPeriod);
        positive("metricWindow", metricWindow);
        if (cpuInitializationPeriod.isNegative() || downscaleStabilization.isNegative()) {
            throw new IllegalArgumentException("cpuInitializationPeriod and downscaleStabilization must be >= 0s");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1) but was " + tolerance);
        }
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0s but was " + Durations.format(d));
        }
    }

    /** An HPA with upstream's controller defaults and the given behavior (empty: the legacy path). */
    public static HpaSpec of(int min, int max, HpaMetric metric, Optional<HpaBehavior> behavior) {
        return new HpaSpec(min, max, min, metric, DEFAULT_SYNC_PERIOD, DEFAULT_TOLERANCE, DEFAULT_METRIC_WINDOW,
                DEFAULT_CPU_INITIALIZATION_PERIOD, DEFAULT_DOWNSCALE_STABILIZATION, behavior);
    }

    /** The same controller settings with other bounds and metric target; the run starts at the new minimum. */
    public HpaSpec with(int newMin, int newMax, double newTarget) {
        return new HpaSpec(newMin, newMax, newMin, new HpaMetric(metric.type(), newTarget), syncPeriod, tolerance, metricWindow,
                cpuInitializationPeriod, downscaleStabilization, behavior);
    }

    @Override
    public String policy() {
        return "hpa";
    }

    @Override
    public AutoscalerPolicy newPolicy() {
        return new HpaPolicy(this);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.hpa(this);
    }
}
