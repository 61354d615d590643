package io.headroom.reports;

import io.headroom.planner.timeline.SloVerdict;
import io.headroom.planner.timeline.Slos;
import io.headroom.planner.timeline.Summary;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Verdict first: SLOs met or missed, and the headline numbers, predicted (and observed) side by side. */
final class VerdictSection {
    private VerdictSection() {
    }

    static void append(StringBuilder out, ReportInput in) {
        Summary p = in.predicted().summary();
        Summary o = in.observed().map(ObservedRun::summary).orElse(null);
        Page.section(out, "verdict", "Verdict");
        verdictLine(out, "Predicted", p.slo());
        if (o != null) {
            // judged here against the scenario's objectives, whatever the load test's own summary says
            verdictLine(out, "Observed", Slos.judge(in.scenario().slo(), o.rejected503Fraction(), o.latencyMs()));
        }
        if (o != null && o.incomplete()) {
            String reason = in.observed().map(ObservedRun::stopReason).orElse(null);
            out.append("<p class=\"verdict missed\" id=\"observed-incomplete\">✗ Observed: the load test is INCOMPLETE — it stopped after ")
                    .append(o.durationSeconds()).append(" of ").append(p.durationSeconds()).append(" s of traffic")
                    .append(reason == null ? "" : ": " + Html.escape(reason))
                    .append(". Its numbers cover part of the run; do not read them as the endpoint's behaviour.</p>\n");
        }
        if (p.incomplete()) {
            out.append("<p class=\"warn\">The simulation stopped before the end of its traffic: numbers cover part of the run.</p>\n");
        }
        out.append("<table class=\"headline\">\n<thead><tr><th>Measure</th><th class=\"num\">Predicted</th>");
        if (o != null) {
            out.append("<th class=\"num\">Observed</th>");
        }
        out.append("<th>Objective</th></tr></thead>\n<tbody>\n");
        row(out, "requests", "Requests sent", p, o, s -> Format.count(s.requests()));
        row(out, "503", "503 fraction (rejected)", p, o, s -> Format.percent(s.rejected503Fraction()) + " (" + Format.count(s.rejected503()) + ")",
                verdict(p, "503 fraction"), s -> s.rejected503Fraction());
        row(out, "504", "504 fraction (timed out)", p, o, s -> Format.percent(s.timeout504Fraction()) + " (" + Format.count(s.timeout504()) + ")");
        row(out, "502", "502 fraction (errors)", p, o, s -> Format.percent(s.error502Fraction()) + " (" + Format.count(s.error502()) + ")");
        row(out, "p50", "Latency p50", p, o, s -> Format.millis(s.latencyMs().p50()), verdict(p, "latency p50"), s -> nz(s.latencyMs().p50()));
        if (verdict(p, "latency p90").isPresent()) {
            row(out, "p90", "Latency p90", p, o, s -> Format.millis(s.latencyMs().p90()), verdict(p, "latency p90"), s -> nz(s.latencyMs().p90()));
        }
        row(out, "p99", "Latency p99", p, o, s -> Format.millis(s.latencyMs().p99()), verdict(p, "latency p99"), s -> nz(s.latencyMs().p99()));
        row(out, "peak", "Peak ready replicas", p, o, s -> s.peakReadyReplicas() == null ? "—" : Format.count(s.peakReadyReplicas()));
        row(out, "replica-hours", "Replica-hours", p, o, s -> s.replicaHours() == null ? "—" : Format.fixed(s.replicaHours(), 2));
        row(out, "cost", "Cost", p, o, s -> s.cost() == null ? "—" : Format.fixed(s.cost(), 2));
        row(out, "windows", "503 windows", p, o, s -> Format.count(s.windows().size()));
        out.append("</tbody>\n</table>\n");
        Page.endSection(out);
    }

    private static void verdictLine(StringBuilder out, String who, List<SloVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            out.append("<p class=\"verdict none\">").append(who).append(": no SLOs set, nothing to judge.</p>\n");
            return;
        }
        StringBuilder missed = new StringBuilder();
        for (SloVerdict v : verdicts) {
            if (!v.met()) {
                missed.append(missed.length() == 0 ? "" : "; ").append(Html.escape(v.objective())).append(' ')
                        .append(value(v, v.actual())).append(" &gt; ").append(value(v, v.limit()));
            }
        }
        if (missed.length() == 0) {
            out.append("<p class=\"verdict met\">✓ ").append(who).append(": all ").append(verdicts.size())
                    .append(verdicts.size() == 1 ? " SLO" : " SLOs").append(" met.</p>\n");
        } else {
            out.append("<p class=\"verdict missed\">✗ ").append(who).append(": SLOs missed — ").append(missed).append(".</p>\n");
        }
    }

    /** An objective's value in its unit: a percentage, milliseconds, or a plain number. */
    static String value(SloVerdict v, double x) {
        return "fraction".equals(v.unit()) ? Format.percent(x) : "ms".equals(v.unit()) ? Format.millis(x) : Format.significant(x);
    }

    private static Optional<SloVerdict> verdict(Summary s, String objective) {
        return s.slo().stream().filter(v -> v.objective().equals(objective)).findFirst();
    }

    private static double nz(Double v) {
        return v == null ? 0 : v;
    }

    private static void row(StringBuilder out, String id, String label, Summary p, Summary o, Function<Summary, String> text) {
        row(out, id, label, p, o, text, Optional.empty(), s -> 0.0);
    }

    private static void row(StringBuilder out, String id, String label, Summary p, Summary o, Function<Summary, String> text,
            Optional<SloVerdict> verdict, Function<Summary, Double> actual) {
        out.append("<tr id=\"headline-").append(id).append("\"><th scope=\"row\">").append(Html.escape(label)).append("</th>");
        out.append("<td class=\"num\">").append(Html.escape(text.apply(p)));
        verdict.ifPresent(v -> out.append(' ').append(Page.mark(v.met())));
        out.append("</td>");
        if (o != null) {
            out.append("<td class=\"num\">").append(Html.escape(text.apply(o)));
            verdict.ifPresent(v -> out.append(' ').append(Page.mark(actual.apply(o) <= v.limit())));
            out.append("</td>");
        }
        out.append("<td>").append(verdict.map(v -> "≤ " + Html.escape(value(v, v.limit()))).orElse("—")).append("</td></tr>\n");
    }
}
