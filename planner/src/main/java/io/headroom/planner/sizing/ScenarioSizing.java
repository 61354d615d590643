package io.headroom.planner.sizing;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.CpuUsage;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.time.Durations;
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
        double target = targetUtilization(scenario);
        Double slo503 = scenario.slo().max503Fraction().isPresent() && scenario.slo().max503Fraction().getAsDouble() < 1
                ? scenario.slo().max503Fraction().getAsDouble() : null;
        List<NodePool> pools = scenario.cluster().map(Cluster::nodePools).orElse(List.of());
        var service = scenario.service();
        return new SizingQuery(peak, service.serviceTime().mean(), target, service.concurrency(), service.maxQueueWait(),
                service.serviceTime().cv(), slo503, null, service.resources(), pools);
    }

    /**
     * The slot utilization the sizing rule uses for the scenario's autoscaler: azureml's own target; for
     * an hpa, the share of concurrency slots busy when its metric sits at its target (cpu: {@code (target ×
     * request − idle) / (cores per busy slot × concurrency)}; concurrency: {@code target / concurrency};
     * rps and external: {@code target × mean service time / concurrency}), at most 1; the azureml
     * default for a policy without a target.
     */
    public static double targetUtilization(Scenario scenario) {
        var service = scenario.service();
        return scenario.autoscaler().match(new AutoscalerSpec.Cases<Double>() {
            @Override
            public Double azureml(AzureMlSpec spec) {
                return spec.targetUtilization();
            }

            @Override
            public Double hpa(HpaSpec spec) {
                double slots = slotUtilization(spec.metric(), service.concurrency(), Durations.seconds(service.serviceTime().mean()),
                        service.resources().cpu(), service.cpuUsage());
                return slots > 0 ? Math.min(1, slots) : DEFAULT_TARGET_UTILIZATION;
            }

            @Override
            public Double fixed(StaticSpec spec) {
                return DEFAULT_TARGET_UTILIZATION;
            }

            @Override
            public Double knative(KnativeSpec spec) {
                return Math.min(1, spec.targetValue() / service.concurrency());
            }
        });
    }

    /**
     * The share of a replica's concurrency slots that are busy when an hpa's metric sits at its target
     * (may exceed 1 when the target asks for more than a replica can serve): cpu {@code (target ×
     * request − idle) / (cores per busy slot × concurrency)}; concurrency {@code target / concurrency};
     * rps and external {@code target × mean service seconds / concurrency}. 0 or less when the CPU
     * model cannot reach the target.
     */
    public static double slotUtilization(HpaMetric metric, int concurrency, double meanServiceSeconds, double cpuRequest,
            CpuUsage cpuUsage) {
        double t = metric.target();
        return switch (metric.type()) {
            case CPU -> cpuUsage.perBusySlotCores() > 0
                    ? (t * cpuRequest - cpuUsage.idleCores()) / (cpuUsage.perBusySlotCores() * concurrency) : 0;
            case CONCURRENCY -> t / concurrency;
            case RPS, EXTERNAL -> t * meanServiceSeconds / concurrency;
        };
    }

    /** {@link Sizer#size} of {@link #peakQuery}; null when the traffic never rises above 0. */
    public static SizingResult atPeak(Scenario scenario) {
        SizingQuery query = peakQuery(scenario);
        return query == null ? null : Sizer.size(query);
    }
}
