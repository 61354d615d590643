package io.headroom.reports;

import io.headroom.planner.timeline.Summary;
import io.headroom.reports.compare.Agreement;

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
        Page.endSection(out);
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
