package io.headroom.cli;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.sim.RunSpread;
import io.headroom.planner.timeline.LatencyWindow;
import io.headroom.planner.timeline.PoolNodes;
import io.headroom.planner.timeline.SloVerdict;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.time.Clock;
import io.headroom.planner.time.Durations;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a run's summary for people: outcomes, latency, replicas, node pools and cost, SLOs, windows, events. */
final class SummaryTable {
    private final PrintWriter out;

    SummaryTable(PrintWriter out) {
        this.out = out;
    }

    /** The summary of a run of {@code scenario}; times print with its clock ({@code traffic.start}, else elapsed). */
    void print(Scenario scenario, Summary s) {
        Clock clock = scenario.traffic().clock();
        line("%s — %s, seed %d, %s of traffic (%s autoscaler%s)%s", s.kind(), s.scenario(), s.seed(),
                Durations.format(scenario.traffic().duration()), scenario.autoscaler().policy(),
                s.engine() == null ? "" : ", " + s.engine() + " engine",
                s.incomplete() ? " — INCOMPLETE: stopped early" : "");
        clock.startText().ifPresent(t -> line("  starting %s; times are %s", t, clock.notationUpTo(s.durationSeconds())));
        printBody(s, clock);
    }

    /** A run known only from its summary (a merge of segments): the heading names what the summary holds; times are elapsed. */
    void print(Summary s) {
        line("%s — %s, seed %d, %d s of traffic%s", s.kind(), s.scenario(), s.seed(), s.durationSeconds(),
                s.incomplete() ? " — INCOMPLETE: stopped early" : "");
        printBody(s, Clock.ELAPSED);
    }

    private void printBody(Summary s, Clock clock) {
        out.println();
        line("  %-10s %12s %10s", "outcome", "requests", "fraction");
        line("  %-10s %12d", "sent", s.requests());
        line("  %-10s %12d %10s", "ok", s.ok(), percent(fraction(s.ok(), s.requests())));
        line("  %-10s %12d %10s", "503", s.rejected503(), percent(s.rejected503Fraction()));
        line("  %-10s %12d %10s", "504", s.timeout504(), percent(s.timeout504Fraction()));
        line("  %-10s %12d %10s", "502", s.error502(), percent(s.error502Fraction()));
        out.println();
        if (s.latencyMs().p50() == null) {
            line("  latency    no request was served");
        } else {
            line("  latency    p50 %s  p90 %s  p99 %s  max %s  (requests a replica served)", ms(s.latencyMs().p50()),
                    ms(s.latencyMs().p90()), ms(s.latencyMs().p99()), ms(s.latencyMs().max()));
        }
        if (s.queued() != null) {
            line("  queue      %s of requests waited; mean wait %s", percent(fraction(s.queued(), s.requests())),
                    ms(s.meanQueueWaitMs()));
        }
        if (s.replicaHours() == null) {
            line("  replicas   not exposed by the target");
        } else {
            line("  replicas   peak ready %d, %.2f replica-hours%s", s.peakReadyReplicas(), s.replicaHours(),
                    s.cost() == null ? "" : String.format(Locale.ROOT, ", cost %.2f", s.cost())
                            + (s.nodePools().stream().anyMatch(p -> p.cost() != null) ? " in all, the nodes' included" : ""));
        }
        for (PoolNodes pool : s.nodePools()) {
            printPool(pool, clock);
        }
        if (!s.slo().isEmpty()) {
            out.println();
            printSlos("SLOs", s);
        }
        out.println();
        if (s.windows().isEmpty()) {
            line("  503 windows: none");
        } else {
            line("  503 windows: %d", s.windows().size());
            line("    %-9s %-9s %8s %10s %8s  %s", "start", "end", "length", "rejected", "peak/s", "cause");
            for (Window w : s.windows()) {
                line("    %-9s %-9s %7ds %10d %8d  %s", clock.at(w.startSecond()), clock.at(w.endSecond()), w.seconds(), w.rejected(),
                        w.peakRejectedPerSecond(), w.cause() == null ? "unknown" : w.cause().label());
            }
        }
        if (!s.latencyWindows().isEmpty()) {
            line("  latency windows (p99 over the objective): %d", s.latencyWindows().size());
            line("    %-9s %-9s %8s %10s %10s  %s", "start", "end", "length", "requests", "peak p99", "cause");
            for (LatencyWindow w : s.latencyWindows()) {
                line("    %-9s %-9s %7ds %10d %10s  %s", Clock.of(w.startSecond()), Clock.of(w.endSecond()), w.seconds(), w.requests(),
                        ms(w.peakP99Ms()),
                        w.cause() == null ? "unknown" : w.cause().label());
            }
        }
        if (!s.events().isEmpty()) {
            out.println();
            line("  events:");
            s.events().stream().limit(10).forEach(e -> line("    %-9s %-17s %s", clock.at(e.second()), e.reason(), e.message()));
            if (s.events().size() > 10) {
                line("    ... and %d more (see summary.json)", s.events().size() - 10);
            }
        }
    }

    /** One node pool: its nodes at the start, at peak and at the end, node-hours and cost, then its node count over time. */
    private void printPool(PoolNodes pool, Clock clock) {
        List<PoolNodes.Step> steps = pool.nodes();
        int start = steps.isEmpty() ? 0 : steps.get(0).ready();
        int end = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).ready();
        line("  nodes      %s: %d at the start, peak %d, %d at the end (min %d, max %d); %.2f node-hours%s", pool.pool(), start,
                pool.peakNodes(), end, pool.min(), pool.max(), pool.nodeHours(),
                pool.cost() == null ? "" : String.format(Locale.ROOT, ", cost %.2f", pool.cost()));
        if (steps.size() > 1) {
            StringBuilder b = new StringBuilder();
            int shown = 0;
            for (PoolNodes.Step st : steps) {
                if (shown == 12) {
                    b.append(" ... (").append(steps.size() - shown).append(" more in summary.json)");
                    break;
                }
                b.append(shown == 0 ? "" : ", ").append(clock.at(st.second())).append(' ').append(st.ready())
                        .append(st.provisioning() > 0 ? "+" + st.provisioning() + " coming" : "");
                shown++;
            }
            line("             over time: %s", b);
        }
    }

    /** The run's SLO verdicts under {@code title}: all met or MISSED, then one line per objective. */
    void printSlos(String title, Summary s) {
        line("  %s: %s", title, Boolean.TRUE.equals(s.sloMet()) ? "all met" : "MISSED");
        for (SloVerdict v : s.slo()) {
            line("    %-14s %-6s %s (limit %s)", v.objective(), v.met() ? "met" : "MISSED", value(v.actual(), v.unit()),
                    value(v.limit(), v.unit()));
        }
    }

    void printSpread(RunSpread spread) {
        out.println();
        line("  spread over %d runs      %12s %12s %12s", spread.seeds().size(), "p5", "p50", "p95");
        for (Map.Entry<String, RunSpread.Spread> e : spread.spread().entrySet()) {
            RunSpread.Spread v = e.getValue();
            String key = e.getKey();
            line("    %-22s %12s %12s %12s", key, spreadValue(key, v.p5()), spreadValue(key, v.p50()), spreadValue(key, v.p95()));
        }
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }

    private static double fraction(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f %%", 100 * fraction);
    }

    private static String ms(double millis) {
        return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String value(double v, String unit) {
        return "ms".equals(unit) ? ms(v) : percent(v);
    }

    /** A spread value in its unit: fractions as percentages, latencies in ms or s, counts whole, hours and cost to the cent. */
    static String spreadValue(String key, double v) {
        if (key.endsWith("Fraction")) {
            return percent(v);
        }
        if (key.endsWith("Ms")) {
            return ms(v);
        }
        if (key.equals("windows") || key.endsWith("Replicas") || v == Math.rint(v) && !key.equals("cost") && !key.equals("replicaHours")) {
            return String.format(Locale.ROOT, "%d", Math.round(v));
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
