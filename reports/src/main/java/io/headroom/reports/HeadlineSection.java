package io.headroom.reports;

import io.headroom.planner.cluster.ClusterFit;
import io.headroom.planner.cluster.PoolFit;
import io.headroom.planner.recommend.Alternative;
import io.headroom.planner.recommend.Config;
import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.recommend.Shortfall;
import io.headroom.planner.scenario.Cost;
import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.RunSpread;
import io.headroom.planner.sim.SeedBands;
import io.headroom.planner.timeline.SloVerdict;
import io.headroom.planner.timeline.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one sentence a review quotes: what to set, the nodes it needs and what it costs per month,
 * with the spread over seeds when the prediction ran more than one. The settings are the
 * recommendation's when one was computed and something meets the SLOs, else the scenario's own;
 * every number in the sentence is one the sections below show.
 */
final class HeadlineSection {
    private HeadlineSection() {
    }

    static void append(StringBuilder out, ReportInput in) {
        out.append("<p class=\"headline\" id=\"headline\">").append(Html.escape(text(in))).append("</p>\n");
    }

    /** The headline in plain text. */
    static String text(ReportInput in) {
        Scenario sc = in.scenario();
        Summary p = in.predicted().summary();
        Config now = Config.of(sc);
        Optional<Recommendation> r = in.recommendation();
        if (r.isPresent()) {
            Optional<Alternative> best = r.get().best();
            if (best.isPresent()) {
                Alternative b = best.get();
                String set = b == r.get().current() ? "Keep " + now.policyText() : "Set " + b.config().policyText();
                return set + ": it meets the SLOs in all " + b.evaluation().runs() + " seeded runs, "
                        + needs(sc, b.config().nodes(), b.evaluation().peakReadyReplicas()) + " and "
                        + costs(sc, b.evaluation().cost(), b.evaluation().replicaHours(), p.durationSeconds(), null) + ".";
            }
            String none = "No configuration within the search bounds meets the SLOs"
                    + r.get().impossible().map(why -> ": " + why).orElse("") + ".";
            Optional<Alternative> more = r.get().shortfall().flatMap(Shortfall::meeting);
            return more.map(m -> none + " With more nodes: set " + m.config().policyText() + "; it "
                    + needs(sc, m.config().nodes(), m.evaluation().peakReadyReplicas()) + " and "
                    + costs(sc, m.evaluation().cost(), m.evaluation().replicaHours(), p.durationSeconds(), null) + ".")
                    .orElse(none);
        }
        RunSpread spread = in.bands().map(SeedBands::spread).orElse(null);
        String verdict = p.slo().isEmpty() ? "no SLOs are set" : p.slo().stream().allMatch(SloVerdict::met)
                ? "the SLOs are met" : "the SLOs are missed (" + missed(p.slo()) + ")";
        String spreadText = spread == null ? "" : " in the run of seed " + p.seed() + "; over " + spread.seeds().size()
                + " seeds the 503 fraction spans " + range(spread.spread().get("rejected503Fraction"));
        String next = p.slo().isEmpty() || p.slo().stream().allMatch(SloVerdict::met) ? ""
                : " Run report --recommend for the cheapest settings that meet them.";
        return "As set (" + now.policyText() + "), " + verdict + spreadText + "; it "
                + needs(sc, now.nodes(), p.peakReadyReplicas() == null ? 0 : p.peakReadyReplicas()) + " and "
                + costs(sc, p.cost(), p.replicaHours() == null ? 0 : p.replicaHours(), p.durationSeconds(), spread) + "." + next;
    }

    /**
     * {@code needs 9 nodes (pool gpu 9) for its peak of 9 ready replicas}: the nodes the configuration has when it was searched
     * (a recommendation trims them to the fewest that meet), else those the peak occupies, filling pools in order.
     */
    private static String needs(Scenario sc, Map<String, Integer> configNodes, int peakReady) {
        String peak = "its peak of " + peakReady + " ready replica" + (peakReady == 1 ? "" : "s");
        if (sc.cluster().isEmpty()) {
            return "peaks at " + peakReady + " ready replica" + (peakReady == 1 ? "" : "s") + " (no node pools given)";
        }
        List<String> parts = new ArrayList<>();
        int total = 0;
        if (configNodes != null && !configNodes.equals(Config.of(sc).nodes())) {
            for (Map.Entry<String, Integer> e : configNodes.entrySet()) {
                parts.add(e.getKey() + " " + e.getValue());
                total += e.getValue();
            }
            return "needs " + total + " node" + (total == 1 ? "" : "s") + " (" + String.join(", ", parts) + ") for " + peak;
        }
        ClusterFit fit = ClusterFit.place(sc.service().resources(), sc.cluster().get().nodePools(), peakReady);
        for (PoolFit f : fit.pools()) {
            if (f.nodesUsed() > 0) {
                parts.add(f.pool().name() + " " + f.nodesUsed());
                total += f.nodesUsed();
            }
        }
        return "needs " + total + " node" + (total == 1 ? "" : "s") + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                + " for " + peak;
    }

    /**
     * {@code costs about 1,234.00 USD per month (this run's 12.30 over 30m, at the same rate around the clock)}; replica-hours
     * per month without a price.
     */
    private static String costs(Scenario sc, Double cost, double replicaHours, int seconds, RunSpread spread) {
        double months = Cost.HOURS_PER_MONTH * 3600 / Math.max(1, seconds);
        String over = " over " + Format.duration(sc.traffic().duration()) + ", at the same rate around the clock";
        if (cost == null || sc.cost().isEmpty()) {
            return "runs about " + Format.fixed(replicaHours * months, 0) + " replica-hours per month (this run's "
                    + Format.fixed(replicaHours, 2) + over + ")";
        }
        Cost c = sc.cost().get();
        String band = spread == null || spread.spread().get("cost") == null ? ""
                : "; p5–p95 over " + spread.seeds().size() + " seeds " + c.amount(spread.spread().get("cost").p5() * months) + "–"
                        + c.amount(spread.spread().get("cost").p95() * months);
        return "costs about " + c.amount(cost * months) + " per month (this run's " + c.amount(cost) + over + band + ")";
    }

    private static String missed(List<SloVerdict> verdicts) {
        List<String> parts = new ArrayList<>();
        for (SloVerdict v : verdicts) {
            if (!v.met()) {
                parts.add(v.objective() + " " + VerdictSection.value(v, v.actual()) + " > " + VerdictSection.value(v, v.limit()));
            }
        }
        return String.join("; ", parts);
    }

    /** {@code 0.01 %–0.05 %}: p5 to p95 of a fraction. */
    private static String range(RunSpread.Spread s) {
        return Format.percent(s.p5()) + "–" + Format.percent(s.p95()) + " (p5–p95)";
    }
}
