package io.headroom.cli;

import io.headroom.planner.recommend.Alternative;
import io.headroom.planner.recommend.Config;
import io.headroom.planner.recommend.Evaluation;
import io.headroom.planner.recommend.NPlusOne;
import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.recommend.Recommender;
import io.headroom.planner.scenario.Slo;
import io.headroom.planner.sizing.HumanFormat;
import io.headroom.planner.time.Durations;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a recommendation for people: the current result, the ranked alternatives with reasons, N+1. */
final class RecommendTable {
    private final PrintWriter out;

    RecommendTable(PrintWriter out) {
        this.out = out;
    }

    void print(String scenario, Recommendation r) {
        line("recommend — %s: %s", scenario, r.current().config().settingsText());
        line("  SLO: %s%s; a configuration meets it when all %d seeded runs do", slo(r.slo()),
                r.sloDefaulted() ? " (the scenario sets none: default " + HumanFormat.percent(r.slo().max503Fraction().getAsDouble())
                        + " 503 objective)" : "", r.runs());
        out.println();
        line("  %-3s %-6s %5s %-4s %9s %8s %10s %9s %9s  %s", "#", "meets", "runs", "by", "503", "p99", "replica-h", "cost", "Δcost",
                "changes");
        row("now", r.current());
        int n = 0;
        for (Alternative a : r.alternatives()) {
            row(String.valueOf(++n), a);
        }
        out.println();
        line("  now: %s", r.current().reason());
        n = 0;
        for (Alternative a : r.alternatives()) {
            line("  %d:   %s", ++n, a.reason());
        }
        out.println();
        if (r.impossible().isPresent()) {
            line("Nothing within the bounds meets the SLO: %s", r.impossible().get());
            r.shortfall().ifPresent(f -> f.sentences().forEach(t -> line("%s", t)));
        } else {
            Alternative best = r.best().orElseThrow();
            line("Recommended: %s", best == r.current() ? "keep the current settings (they meet the SLO and nothing listed"
                    + " saves at least 5 %)" : best.changes() + " (" + best.deltaText() + ")");
        }
        for (NPlusOne p : r.nPlusOne()) {
            line("%s", p.sentence());
        }
        if (r.judge() == io.headroom.planner.sim.SimulationEngine.FAST) {
            line("Searched %d configurations x %d seeds, all judged by the fast engine and NOT confirmed by the discrete-event engine"
                    + " (--confirm none): its accuracy against des is in the README (headroom bench engines); confirm before you quote it.",
                    r.searched(), r.runs());
        } else if (r.screen() == io.headroom.planner.sim.SimulationEngine.DES) {
            line("Searched %d configurations x %d seeds (%,d simulated requests), all judged by the discrete-event engine (des).",
                    r.searched(), r.runs(), r.requestsSimulated());
        } else {
            line("Searched %d configurations: screened by the fast engine on %d seed(s) each; the rows marked des were judged by the"
                    + " discrete-event engine on up to %d seeds, each until its first seed that missed (%,d simulated requests); only"
                    + " those can be recommended.", r.searched(), Math.min(r.runs(), Recommender.SCREEN_RUNS), r.runs(),
                    r.requestsSimulated());
        }
        out.flush();
    }

    private void row(String label, Alternative a) {
        Evaluation e = a.evaluation();
        line("  %-3s %-6s %5s %-4s %9s %8s %10.2f %9s %9s  %s", label, e.meetsSlo() ? "yes" : "NO", e.runsMeetingSlo() + "/" + e.runs(),
                e.engine().id(),
                HumanFormat.percent(e.rejected503Fraction()), HumanFormat.seconds(e.p99LatencyMs() / 1000), e.replicaHours(),
                e.cost() == null ? "—" : String.format(Locale.ROOT, "%.2f", e.cost()),
                a.costDelta() == null ? "—" : String.format(Locale.ROOT, "%+.2f", a.costDelta()), a.changes()
                        + (e.nodeHours() == null ? "" : String.format(Locale.ROOT, " [%.2f node-hours]", e.nodeHours())));
    }

    static String slo(Slo slo) {
        List<String> parts = new ArrayList<>();
        slo.max503Fraction().ifPresent(f -> parts.add("503 fraction <= " + HumanFormat.percent(f)));
        slo.latencyP50().ifPresent(d -> parts.add("latency p50 <= " + Durations.format(d)));
        slo.latencyP90().ifPresent(d -> parts.add("latency p90 <= " + Durations.format(d)));
        slo.latencyP99().ifPresent(d -> parts.add("latency p99 <= " + Durations.format(d)));
        return String.join(", ", parts);
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
