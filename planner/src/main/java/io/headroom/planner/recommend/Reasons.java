package io.headroom.planner.recommend;

import io.headroom.planner.dist.DistributionSpec;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sizing.HumanFormat;
import io.headroom.planner.time.Clock;
import io.headroom.planner.time.Durations;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.timeline.WindowCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-line reasons in the seed documentation's terms (a warm pool absorbs spikes, a lower target
 * starts scaling earlier, the cap binds, replicas stay Pending), derived from the evaluations: the
 * current configuration's 503 windows and their causes, and the "lower target alone" probes.
 */
final class Reasons {
    private final Scenario scenario;
    private final Evaluation current;
    private final Map<Double, Evaluation> targetAlone;
    private final Bounds bounds;

    Reasons(Scenario scenario, Evaluation current, Map<Double, Evaluation> targetAlone, Bounds bounds) {
        this.scenario = scenario;
        this.current = current;
        this.targetAlone = targetAlone;
        this.bounds = bounds;
    }

    String of(Evaluation e) {
        Config c = e.config();
        Config now = current.config();
        if (c.equals(now)) {
            return e.meetsSlo() ? "the current settings meet the SLO in all " + e.runs() + " runs"
                    : "misses " + String.join(", ", e.missed()) + " in " + (e.runs() - e.runsMeetingSlo()) + " of " + e.runs()
                    + " runs" + windowsNote();
        }
        if (!e.meetsSlo()) {
            return "not enough on its own: " + shortfall(e) + ", misses "
                    + String.join(", ", e.missed()) + " in " + (e.runs() - e.runsMeetingSlo()) + " of " + e.runs() + " runs, because "
                    + because(e);
        }
        List<String> parts = new ArrayList<>();
        if (!c.floors().isEmpty()) {
            parts.add(c.floorsText(scenario.traffic().clock()) + " gives a warm pool only around "
                    + spike().map(w -> "the " + clock(w.startSecond()) + " spike").orElse("the spike")
                    + (scenario.cluster().flatMap(cl -> cl.autoscaler()).isPresent()
                            ? ", ready before it: it starts one startup and one node provisioning ahead"
                            : ", ready one startup (" + startup() + ") before it"));
        }
        boolean targetLowered = !c.isStatic() && c.targetUtilization() < now.targetUtilization();
        if (c.isStatic() && c.minReplicas() != now.minReplicas()) {
            parts.add(c.minReplicas() + " replicas carry the peak of " + HumanFormat.plain(round(bounds.peakRps())) + " rps"
                    + (c.minReplicas() < now.minReplicas() ? " with fewer idle" : ""));
        } else if (c.minReplicas() > now.minReplicas()) {
            String spike = spike().map(w -> "the " + clock(w.startSecond()) + " spike").orElse("traffic spikes");
            String part = "minReplicas " + c.minReplicas() + " gives a warm pool that absorbs " + spike;
            Evaluation alone = targetAlone.get(lowestTarget());
            boolean onlyWarmPoolAndTarget = java.util.Objects.equals(c.nodes(), now.nodes()) && c.maxReplicas() == now.maxReplicas();
            if (alone != null && !alone.meetsSlo() && !current.meetsSlo() && onlyWarmPoolAndTarget) {
                part += "; " + now.targetText(lowestTarget()) + " alone does not ("
                        + shortfall(alone) + "), because startup takes " + startup();
            }
            parts.add(part);
        } else if (c.minReplicas() < now.minReplicas()) {
            parts.add("minReplicas " + c.minReplicas() + " is enough: the autoscaler keeps up while replicas start (" + startup()
                    + "), saving idle replica-hours");
        }
        if (targetLowered && c.minReplicas() <= now.minReplicas()) {
            parts.add(c.targetText(c.targetUtilization()) + " starts scaling at "
                    + HumanFormat.percent(c.targetUtilization()) + " utilization, leaving headroom for "
                    + spike().map(w -> "the " + clock(w.startSecond()) + " spike").orElse("bursts") + " while replicas start");
        }
        if (c.maxReplicas() > now.maxReplicas() && !c.isStatic()) {
            Optional<Window> cap = first(WindowCause.MAX_REPLICAS);
            parts.add("maxReplicas " + c.maxReplicas() + ": " + cap.map(w -> "the cap bound at " + clock(w.startSecond()))
                    .orElse("room above the peak need of " + bounds.peakNeed(c.targetUtilization()) + " replicas"));
        }
        if (c.nodes() != null) {
            c.nodes().forEach((pool, n) -> {
                int was = now.nodes().get(pool);
                if (n > was && c.minPools().contains(pool)) {
                    parts.add("min " + n + " nodes in pool " + pool + ": kept warm, not asked for after replicas go Pending"
                            + first(WindowCause.NODE_PROVISIONING).map(w -> " (they waited for nodes from " + clock(w.startSecond()) + ")")
                            .orElse(""));
                } else if (n > was) {
                    parts.add(n + " nodes in pool " + pool + ": " + first(WindowCause.CLUSTER_FULL)
                            .map(w -> "replicas stayed Pending from " + clock(w.startSecond()))
                            .orElse("room for the replicas") + " (the cluster holds " + bounds.capacity(now.nodes()) + " now)");
                }
            });
        }
        if (c.tuning() != null && now.tuning() != null) {
            parts.addAll(c.tuning().reasons(now.tuning()));
        }
        if (c.placeholders() > now.placeholders()) {
            parts.add(c.placeholders() + " placeholder pods hold room the replicas preempt at once; the evicted ones ask for"
                    + " their nodes again in the background");
        }
        return parts.isEmpty() ? "meets the SLO in all " + e.runs() + " runs" : String.join("; ", parts);
    }

    /** What an evaluation falls short on: its 503 fraction, or its p99 latency when the latency objective is what it misses. */
    private static String shortfall(Evaluation e) {
        boolean only503Kept = e.missed().stream().noneMatch(m -> m.startsWith("503")) && e.missed().stream().anyMatch(m -> m.startsWith("latency"));
        return only503Kept ? "p99 " + HumanFormat.seconds(e.p99LatencyMs() / 1000) : HumanFormat.percent(e.rejected503Fraction()) + " 503s";
    }

    /** The cause of the evaluation's first 503 window, in words. */
    private String because(Evaluation e) {
        WindowCause cause = e.windows().isEmpty() ? null : e.windows().get(0).cause();
        if (cause == WindowCause.MAX_REPLICAS && e.peakReadyReplicas() >= e.config().maxReplicas()) {
            return "the cap of " + e.config().maxReplicas() + " replicas binds";
        }
        if (cause == WindowCause.CLUSTER_FULL) {
            return "replicas stay Pending: the cluster holds " + bounds.capacity(e.config().nodes());
        }
        if (cause == WindowCause.NODE_PROVISIONING) {
            return "replicas stay Pending while the cluster autoscaler brings nodes";
        }
        if (cause == WindowCause.STARTUP_FAILURES) {
            return "new replicas crash-loop";
        }
        return "new replicas take " + startup() + " to start";
    }

    private String windowsNote() {
        return current.windows().isEmpty() ? "" : " (first 503 window " + clock(current.windows().get(0).startSecond()) + ", "
                + (current.windows().get(0).cause() == null ? "cause unknown" : current.windows().get(0).cause().label()) + ")";
    }

    private double lowestTarget() {
        return targetAlone.keySet().stream().mapToDouble(Double::doubleValue).min().orElse(bounds.currentTarget());
    }

    private Optional<Window> spike() {
        return current.windows().stream()
                .max(java.util.Comparator.comparingLong(Window::rejected).thenComparingInt(w -> -w.startSecond()));
    }

    /** The current configuration's largest window (most 503s) with this cause. */
    private Optional<Window> first(WindowCause cause) {
        return current.windows().stream().filter(w -> w.cause() == cause)
                .max(java.util.Comparator.comparingLong(Window::rejected).thenComparingInt(w -> -w.startSecond()));
    }

    private String startup() {
        DistributionSpec s = scenario.service().startup();
        return Durations.format(s.mean());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private String clock(long seconds) {
        return scenario.traffic().clock().at(seconds);
    }
}
