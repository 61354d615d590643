package io.headroom.planner.recommend;

import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sizing.HumanFormat;
import java.util.List;

/**
 * Why even the most generous configuration in the bounds misses the SLO, naming the constraint:
 * nodes that cannot hold the peak's replicas, a latency objective below what the service time
 * alone gives, or a 503 objective no warm pool reaches.
 */
final class Impossibility {
    private static final int SAMPLES = 200_000;

    private Impossibility() {
    }

    static String explain(Scenario scenario, Bounds bounds, Evaluation ceiling) {
        Config c = ceiling.config();
        int need = bounds.peakNeed(bounds.currentTarget());
        if (c.nodes() != null) {
            long holds = bounds.capacity(c.nodes());
            if (holds == 0) {
                List<NodePool> pools = scenario.cluster().orElseThrow().nodePools();
                return "no node of pool" + (pools.size() == 1 ? " " : "s ") + String.join(", ", pools.stream().map(NodePool::name).toList())
                        + " fits one replica (it requests " + scenario.service().resources() + ")";
            }
            if (holds < need) {
                return "the cluster's nodes hold only " + holds + " replicas even with " + c.nodes().get(bounds.growPool())
                        + " nodes in pool " + bounds.growPool() + " (" + Bounds.CAP_FACTOR + "x now), but at the peak "
                        + HumanFormat.plain(Math.round(bounds.peakBusy() * 10) / 10.0) + " replicas are busy on average and the sizing asks for "
                        + need + (c.isStatic() ? "" : " at " + c.targetText(bounds.currentTarget()));
            }
        }
        String setting = c.isStatic() ? "replicas " + c.minReplicas()
                : "minReplicas " + c.minReplicas() + " and maxReplicas " + c.maxReplicas() + " at " + c.targetText(c.targetUtilization());
        String prefix = "even " + setting + " (" + Bounds.CAP_FACTOR + "x the peak need of " + need + ") cannot meet the ";
        for (String objective : ceiling.missed()) {
            if (objective.startsWith("latency p")) {
                double p = Double.parseDouble(objective.substring("latency p".length())) / 100;
                double limitMs = scenario.slo().latencyP50().isPresent() && p == 0.5 ? ms(scenario.slo().latencyP50().get())
                        : p == 0.9 && scenario.slo().latencyP90().isPresent() ? ms(scenario.slo().latencyP90().get())
                        : ms(scenario.slo().latencyP99().orElseThrow());
                return prefix + objective + " SLO of " + HumanFormat.seconds(limitMs / 1000) + ": the service time alone has p"
                        + objective.substring("latency p".length()) + " " + HumanFormat.seconds(serviceQuantileSeconds(scenario, p));
            }
        }
        return prefix + "503 SLO of " + HumanFormat.percent(scenario.slo().max503Fraction().orElse(0)) + ": the best mean was "
                + HumanFormat.percent(ceiling.rejected503Fraction()) + cause503(scenario);
    }

    private static String cause503(Scenario scenario) {
        if (scenario.service().startupFailureRate() > 0) {
            return " (" + HumanFormat.percent(scenario.service().startupFailureRate()) + " of new replicas crash-loop)";
        }
        if (scenario.service().maxQueueWait().isZero()) {
            return " (maxQueueWait 0s rejects every request that finds all slots busy)";
        }
        return "";
    }

    private static double ms(java.time.Duration d) {
        return d.toNanos() / 1e6;
    }

    /** The service time's quantile, from a fixed-seed sample (deterministic; exact for a constant). */
    static double serviceQuantileSeconds(Scenario scenario, double p) {
        return scenario.service().serviceTime().sampledQuantileSeconds(p, SAMPLES);
    }
}
