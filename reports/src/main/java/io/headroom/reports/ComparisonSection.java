package io.headroom.reports;

import io.headroom.planner.time.Clock;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.Window;
import io.headroom.reports.compare.Agreement;
import io.headroom.reports.compare.Comparison;
import io.headroom.reports.compare.WindowMatch;

/** Predicted against observed, when a load test ran: agreement on 503 seconds, 503 fractions, latency. */
final class ComparisonSection {
    private ComparisonSection() {
    }

    static void append(StringBuilder out, ReportInput in) {
        if (in.observed().isEmpty()) {
            return;
        }
        ObservedRun observed = in.observed().get();
        Agreement a = Agreement.of(in.predicted().timeline(), observed.timeline());
        Summary p = in.predicted().summary();
        Summary o = observed.summary();
        Page.section(out, "comparison", "Predicted vs observed");
        out.append("<p class=\"sub\">Seconds compared: ").append(Format.count(a.comparedSeconds()))
                .append(". P = seconds with a predicted 503, O = seconds with an observed 503.</p>\n");
        out.append("<table class=\"comparison\">\n<thead><tr><th>Measure</th><th class=\"num\">Predicted</th>")
                .append("<th class=\"num\">Observed</th></tr></thead>\n<tbody>\n");
        row(out, "Seconds with 503s", Format.count(a.predicted503Seconds()), Format.count(a.observed503Seconds()));
        both(out, "Seconds with 503s in both (|P∩O|)", Format.count(a.both503Seconds()));
        both(out, "Precision |P∩O| / |P|: predicted 503 seconds that happened", ratio(a.precision()));
        both(out, "Recall |P∩O| / |O|: observed 503 seconds that were predicted", ratio(a.recall()));
        both(out, "Overlap |P∩O| / |P∪O|", ratio(a.overlap()));
        row(out, "503 fraction", Format.percent(a.predicted503Fraction()), Format.percent(a.observed503Fraction()));
        row(out, "Latency p50", Format.millis(p.latencyMs().p50()), Format.millis(o.latencyMs().p50()));
        row(out, "Latency p99", Format.millis(p.latencyMs().p99()), Format.millis(o.latencyMs().p99()));
        row(out, "503 windows", Format.count(p.windows().size()), Format.count(o.windows().size()));
        out.append("</tbody>\n</table>\n");
        observed.comparison().ifPresent(c -> verdict(out, c, o, in.clock()));
        Page.endSection(out);
    }

    /** What validate judged: each significant window's onset and end error, the observed SLOs, the threshold verdict. */
    private static void verdict(StringBuilder out, Comparison c, Summary observed, Clock clock) {
        if (!c.windows().isEmpty() || !c.unmatchedObservedWindows().isEmpty()) {
            out.append("<table class=\"comparison\">\n<thead><tr><th>Predicted 503 window</th><th>Observed</th>")
                    .append("<th class=\"num\">Onset error</th><th class=\"num\">End error</th></tr></thead>\n<tbody>\n");
            for (WindowMatch m : c.windows()) {
                out.append("<tr><td>").append(span(m.predicted(), clock)).append("</td><td>")
                        .append(m.observed() == null ? "not observed" : span(m.observed(), clock)).append("</td><td class=\"num\">")
                        .append(m.onsetErrorSeconds() == null ? "—" : signedSeconds(m.onsetErrorSeconds()))
                        .append("</td><td class=\"num\">").append(m.endErrorSeconds() == null ? "—" : signedSeconds(m.endErrorSeconds()))
                        .append("</td></tr>\n");
            }
            for (Window w : c.unmatchedObservedWindows()) {
                out.append("<tr><td>not predicted</td><td>").append(span(w, clock)).append("</td><td class=\"num\">—</td>")
                        .append("<td class=\"num\">—</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("<p>Observed run against the scenario's SLOs: ").append(observed.sloMet() == null ? "the scenario sets none"
                : observed.sloMet() ? "✓ all met" : "✗ missed").append(".</p>\n");
        out.append("<p>Prediction verdict (").append(Html.escape(c.verdict().thresholds())).append("): ")
                .append(c.verdict().agrees() ? "✓ the prediction holds" : "✗ the prediction is off")
                .append(c.verdict().gating() ? "" : " (set --fail-on to make validate fail on it)").append(".</p>\n");
        if (!c.verdict().failures().isEmpty()) {
            out.append("<ul>\n");
            c.verdict().failures().forEach(f -> out.append("<li>").append(Html.escape(f)).append("</li>\n"));
            out.append("</ul>\n");
        }
    }

    private static String span(Window w, Clock clock) {
        return clock.at(w.startSecond()) + "–" + clock.at(w.endSecond());
    }

    private static String signedSeconds(int seconds) {
        return String.format(java.util.Locale.ROOT, "%+d s", seconds);
    }

    private static String ratio(Double r) {
        return r == null ? "n/a (no 503 seconds to judge)" : Format.percent(r);
    }


    private static void row(StringBuilder out, String label, String predicted, String observed) {
        out.append("<tr><th scope=\"row\">").append(Html.escape(label)).append("</th><td class=\"num\">").append(Html.escape(predicted))
                .append("</td><td class=\"num\">").append(Html.escape(observed)).append("</td></tr>\n");
    }

    private static void both(StringBuilder out, String label, String value) {
        out.append("<tr><th scope=\"row\">").append(Html.escape(label)).append("</th><td class=\"num\" colspan=\"2\">")
                .append(Html.escape(value)).append("</td></tr>\n");
    }
}
