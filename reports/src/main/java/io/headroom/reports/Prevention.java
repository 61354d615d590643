package io.headroom.reports;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.scenario.Cluster;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sizing.ScenarioSizing;
import io.headroom.planner.time.Durations;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.traffic.PiecewiseLinearRate;

/**
 * A default answer to "what would have prevented this 503 window", from its cause, when the caller
 * gives none. Replicas needed for the window's peak use the documented sizing rule
 * {@code ceil(peak rate × mean service seconds / concurrency / target utilization)}, where the peak
 * rate is the traffic profile's highest rate during the window (the rate the service was sized
 * for, not a Poisson burst above it), or the most requests sent in one second of the window when the
 * profile gives none. The target is the azureml policy's, or the documented default 0.7 for other
 * policies.
 */
final class Prevention {
    private Prevention() {
    }

    /** Replicas that would have carried the window's peak second at the target utilization. */
    static int replicasForPeak(Window w, Scenario sc) {
        double meanSeconds = Durations.seconds(sc.service().serviceTime().mean());
        double target = ScenarioSizing.targetUtilization(sc);
        return (int) Math.max(1, Math.ceil(peakRate(w, sc) * meanSeconds / sc.service().concurrency() / target - 1e-9));
    }

    /** The profile's highest rate in the window's seconds (a linear rate peaks at the ends of a second), else its peak arrivals. */
    static double peakRate(Window w, Scenario sc) {
        PiecewiseLinearRate rate = sc.traffic().shape().rate();
        double peak = 0;
        for (int s = w.startSecond(); s < w.endSecond(); s++) {
            peak = Math.max(peak, Math.max(rate.rateAt(s), rate.rateAt(s + 1 - 1e-9)));
        }
        return peak > 0 ? peak : w.peakArrivalsPerSecond();
    }

    static String of(Window w, Scenario sc) {
        if (w.cause() == null) {
            return "cause unknown (no replica data)";
        }
        int needed = replicasForPeak(w, sc);
        String forRate = " for " + Format.significant(peakRate(w, sc)) + " requests/s";
        int min = sc.autoscaler().minReplicas();
        int max = sc.autoscaler().maxReplicas();
        String lowerTarget = sc.autoscaler().match(new AutoscalerSpec.Cases<String>() {
            @Override
            public String azureml(AzureMlSpec a) {
                return "a lower targetUtilization (now " + Format.percent(a.targetUtilization()) + ")";
            }

            @Override
            public String hpa(HpaSpec h) {
                return "a lower metric target (now " + (h.metric().type() == HpaMetric.Type.CPU
                        ? Format.percent(h.metric().target()) : Format.significant(h.metric().target())) + ")";
            }

            @Override
            public String fixed(StaticSpec s) {
                return "a lower target utilization";
            }

            @Override
            public String knative(KnativeSpec k) {
                return "a lower target per replica (now " + Format.significant(k.targetValue()) + " concurrent requests)";
            }
        });
        String raiseCap = sc.autoscaler().match(new AutoscalerSpec.Cases<String>() {
            @Override
            public String azureml(AzureMlSpec a) {
                return "maxReplicas ";
            }

            @Override
            public String hpa(HpaSpec h) {
                return "maxReplicas ";
            }

            @Override
            public String fixed(StaticSpec s) {
                return "replicas ";
            }

            @Override
            public String knative(KnativeSpec k) {
                return "maxReplicas ";
            }
        });
        switch (w.cause()) {
            case SCALE_UP_LAG:
                if (needed > min) {
                    return "a warm pool: minReplicas " + Math.min(needed, max) + " (now " + min + ")" + forRate + ", or " + lowerTarget
                            + " so scale-up starts sooner";
                }
                return "a faster startup (now " + Format.distribution(sc.service().startup()) + ") or " + lowerTarget;
            case MAX_REPLICAS:
                return raiseCap + Math.max(needed, max + 1) + " (now " + max + ")" + forRate;
            case CLUSTER_FULL:
                return moreNodes(needed, sc) + forRate;
            case NODE_PROVISIONING:
                return nodesSooner(needed, sc) + forRate;
            case STARTUP_FAILURES:
                return "fix init() failures (CrashLoopBackOff): " + Format.percent(sc.service().startupFailureRate())
                        + " of new replicas never become ready";
            default:
                throw new IllegalStateException("unknown cause " + w.cause());
        }
    }

    /** Pending replicas waited for nodes that were coming: hold the room before the step instead. */
    private static String nodesSooner(int needed, Scenario sc) {
        Cluster c = sc.cluster().orElseThrow();
        long holds = c.replicaCapacity(sc.service().resources());
        long missing = Math.max(1, needed - holds);
        StringBuilder b = new StringBuilder("room before the step, not a node after it: cluster.placeholders {replicas: " + missing
                + "} (pause pods the step's replicas preempt at once)");
        for (NodePool p : c.nodePools()) {
            int perNode = p.replicasPerNode(sc.service().resources());
            if (p.autoscaled() && perNode > 0) {
                long nodes = Math.min(p.max(), p.count() + (missing + perNode - 1) / perNode);
                b.append(", or pool ").append(p.name()).append(" min ").append(nodes).append(" (now ").append(p.min()).append(')');
                p.provisioning().ifPresent(d -> b.append("; a node takes ").append(Format.distribution(d)));
                break;
            }
        }
        return b.toString();
    }

    private static String moreNodes(int needed, Scenario sc) {
        if (sc.cluster().isEmpty()) {
            return "more nodes: room for " + needed + " replicas";
        }
        Cluster c = sc.cluster().get();
        long holds = c.replicaCapacity(sc.service().resources());
        if (c.nodePools().size() == 1) {
            NodePool p = c.nodePools().get(0);
            int perNode = p.replicasPerNode(sc.service().resources());
            if (perNode == 0) {
                return "more nodes: no node of pool " + p.name() + " fits one replica; use a larger node size";
            }
            long nodes = (needed + perNode - 1) / perNode;
            return "more nodes: " + needed + " replicas need " + Math.max(nodes, p.count() + 1L) + " nodes of pool " + p.name()
                    + " (it has " + p.count() + ", " + perNode + " replica" + (perNode == 1 ? "" : "s") + " per node)";
        }
        return "more nodes: room for " + needed + " replicas (the cluster holds " + holds + ")";
    }
}
