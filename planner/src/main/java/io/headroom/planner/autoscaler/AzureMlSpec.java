package io.headroom.planner.autoscaler;

import io.headroom.planner.time.Durations;
import java.time.Duration;

/**
 * The Azure Machine Learning (AKS) router's autoscaler, azureml-fe. Defaults are the documented ones:
 * 1..10 replicas, target utilization 0.7, refresh every 1 s, scale down after 60 s below target.
 * {@code initialReplicas} (not an azureml setting: where the run starts) defaults to minReplicas.
 */
public record AzureMlSpec(int minReplicas, int maxReplicas, int initialReplicas, double targetUtilization,
        Duration refreshInterval, Duration scaleDownDelay) implements AutoscalerSpec {
    public static final AzureMlSpec DEFAULT = new AzureMlSpec(1, 10, 0.7, Duration.ofSeconds(1), Duration.ofSeconds(60));

    public AzureMlSpec {
        ReplicaBounds.check(minReplicas, maxReplicas, initialReplicas);
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1] but was " + targetUtilization);
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be > 0s but was " + Durations.format(refreshInterval));
        }
        if (scaleDownDelay.isNegative()) {
            throw new IllegalArgumentException("scaleDownDelay must be >= 0s but was " + Durations.format(scaleDownDelay));
        }
    }

    /** Starting at minReplicas. */
    public AzureMlSpec(int minReplicas, int maxReplicas, double targetUtilization, Duration refreshInterval, Duration scaleDownDelay) {
        this(minReplicas, maxReplicas, minReplicas, targetUtilization, refreshInterval, scaleDownDelay);
    }

    /** The same delays with other bounds and target; the run starts at the new minReplicas. */
    public AzureMlSpec with(int newMin, int newMax, double newTarget) {
        return new AzureMlSpec(newMin, newMax, newTarget, refreshInterval, scaleDownDelay);
    }

    @Override
    public String policy() {
        return "azureml";
    }

    @Override
    public AutoscalerPolicy newPolicy() {
        return new AzureMlPolicy(this);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.azureml(this);
    }
}
