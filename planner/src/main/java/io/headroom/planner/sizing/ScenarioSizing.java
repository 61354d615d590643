package io.headroom.planner.sizing;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import java.util.List;

/** A sizing query for a scenario's peak: the rate its traffic reaches, its service and its autoscaler target. */
public final class ScenarioSizing {
    /** The utilization target sized for when the policy has none of its own (the azureml default). */
    public static final double DEFAULT_TARGET_UTILIZATION = AzureMlSpec.DEFAULT.targetUtilization();

    private ScenarioSizing() {
    }

    /** The highest rate the scenario's traffic reaches, requests per second. */
    public static double peakRps(Scenario scenario) {
        return scenario.traffic().shape().rate().peakRate(scenario.traffic().duration().toNanos() / 1e9);
    }

    /** The query for the scenario's peak rate, with its 503 SLO; null when the traffic never rises above 0. */
    public static SizingQuery peakQuery(Scenario scenario) {
        double peak = peakRps(scenario);
        if (!(peak > 0)) {
            return null;
        }
        double target = targetUtilization(scenario.autoscaler());
        Double slo503 = scenario.slo().max503Fraction().isPresent() && scenario.slo().max503Fraction().getAsDouble() < 1
                ? scenario.slo().max503Fraction().getAsDouble() : null;
        List<NodePool> pools = scenario.cluster().map(Cluster::nodePools).orElse(List.of());
        var service = scenario.service();
        return new SizingQuery(peak, service.serviceTime().mean(), target, service.concurrency(), service.maxQueueWait(),
                service.serviceTime().cv(), slo503, null, service.resources(), pools);
    }

    /** The utilization target the sizing rule uses for {@code autoscaler}: its own, or the azureml default for a policy without one. */
    public static double targetUtilization(AutoscalerSpec autoscaler) {
        return autoscaler.match(new AutoscalerSpec.Cases<Double>() {
            @Override
            public Double azureml(AzureMlSpec spec) {
                return spec.targetUtilization();
            }

            @Override
            public Double fixed(StaticSpec spec) {
                return DEFAULT_TARGET_UTILIZATION;
            }
        });
    }

    /** {@link Sizer#size} of {@link #peakQuery}; null when the traffic never rises above 0. */
    public static SizingResult atPeak(Scenario scenario) {
        SizingQuery query = peakQuery(scenario);
        return query == null ? null : Sizer.size(query);
    }
}
