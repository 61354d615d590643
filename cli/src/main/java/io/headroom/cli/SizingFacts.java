package io.headroom.cli;

import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sizing.QueueingCheck;
import io.headroom.planner.sizing.ScenarioSizing;
import io.headroom.planner.sizing.SizingResult;
import io.headroom.planner.time.Durations;
import io.headroom.reports.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sizing section of a report: what {@code headroom size} says for the scenario's peak rate. */
final class SizingFacts {
    private SizingFacts() {
    }

    static List<Fact> of(Scenario scenario) {
        SizingResult r = ScenarioSizing.atPeak(scenario);
        List<Fact> facts = new ArrayList<>();
        if (r == null) {
            return facts;
        }
        var q = r.query();
        facts.add(new Fact("Peak offered rate", format("%.1f requests/s", q.targetRps())));
        facts.add(new Fact("Service time", Durations.format(q.latency()) + " mean, cv " + format("%.2f", q.serviceCv())));
        facts.add(new Fact("Sizing rule", format("%d replicas = ceil(%.1f × %s / %.2f / %d)", r.replicas(), q.targetRps(),
                Durations.format(q.latency()), q.targetUtilization(), q.concurrency())));
        facts.add(new Fact("Queueing check at " + r.replicas(), check(r.atReplicas())));
        if (r.sloReplicas() != null) {
            facts.add(new Fact("Fewest replicas meeting the 503 SLO at peak", r.sloReplicas() + " (" + check(r.atSloReplicas()) + ")"));
        }
        AutoscalerSpec a = scenario.autoscaler();
        int needed = r.recommendedReplicas();
        facts.add(new Fact("Configured", format("%s, %d–%d replicas: %s", a.policy(), a.minReplicas(), a.maxReplicas(),
                a.maxReplicas() >= needed ? "the maximum covers the peak (" + needed + ")"
                        : "the maximum is " + (needed - a.maxReplicas()) + " short of the peak's " + needed)));
        if (r.nodes() != null) {
            facts.add(new Fact("Nodes for " + r.nodes().replicas() + " replicas", r.nodes().fits() ? "fit"
                    : r.nodes().replicasThatFit() + " fit; " + r.nodes().schedulerMessage()));
        }
        facts.add(new Fact("In short", r.explanation()));
        return facts;
    }

    private static String check(QueueingCheck c) {
        return format("utilization %.1f %%, P(wait) %.3g %%, 503 fraction %.3g %%", 100 * c.utilization(),
                100 * c.probabilityOfWait(), 100 * c.rejectionFraction());
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
