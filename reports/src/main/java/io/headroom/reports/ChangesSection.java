package io.headroom.reports;

import io.headroom.planner.recommend.Alternative;
import io.headroom.planner.recommend.Evaluation;
import io.headroom.planner.recommend.NPlusOne;
import io.headroom.planner.recommend.Recommendation;
import io.headroom.planner.timeline.Summary;

/** "What to change": the ranked alternatives of a recommendation, when one was computed. */
final class ChangesSection {
    private ChangesSection() {
    }

    static void append(StringBuilder out, ReportInput in) {
        if (in.recommendation().isEmpty()) {
            return;
        }
        Recommendation r = in.recommendation().get();
        Page.section(out, "changes", "What to change");
        out.append("<p class=\"sub\">Cheapest first. A configuration meets the SLO when all ").append(r.runs())
                .append(" seeded runs do; ").append(r.searched()).append(" configurations were simulated")
                .append(r.sloDefaulted() ? "; the scenario sets no SLO, so the default 0.1 % 503 objective was used" : "")
                .append(".</p>\n");
        out.append("<table class=\"changes\">\n<thead><tr><th class=\"num\">#</th><th>Change</th><th>SLO</th>")
                .append("<th class=\"num\">503</th><th class=\"num\">p99</th><th class=\"num\">Replica-hours</th>")
                .append("<th class=\"num\">Cost delta</th><th>Why</th></tr></thead>\n<tbody>\n");
        row(out, "now", r.current());
        int n = 0;
        for (Alternative a : r.alternatives()) {
            row(out, String.valueOf(++n), a);
        }
        out.append("</tbody>\n</table>\n");
        out.append("<p class=\"sub\" id=\"baseline-note\">").append(Html.escape(baselineNote(r, in))).append("</p>\n");
        if (r.impossible().isPresent()) {
            out.append("<p class=\"warn\">Nothing within the bounds meets the SLO: ").append(Html.escape(r.impossible().get()))
                    .append("</p>\n");
            r.shortfall().ifPresent(f -> f.sentences().forEach(t -> out.append("<p>").append(Html.escape(t)).append("</p>\n")));
        } else {
            Alternative best = r.best().orElseThrow();
            out.append("<p>Recommended: ").append(Html.escape(best == r.current() ? "keep the current settings" : best.changes()))
                    .append(".</p>\n");
        }
        for (NPlusOne p : r.nPlusOne()) {
            out.append("<p>").append(Html.escape(p.sentence())).append(".</p>\n");
        }
        Page.endSection(out);
    }

    /**
     * What the "now" row is and how it relates to the verdict above: the mean of the seeded runs of the
     * current settings, the first of which is the verdict's run when both used the discrete-event engine.
     */
    static String baselineNote(Recommendation r, ReportInput in) {
        Summary p = in.predicted().summary();
        Evaluation now = r.current().evaluation();
        String mean = "The \"now\" row is the mean of " + now.runs() + " seeded run" + (now.runs() == 1 ? "" : "s")
                + " of the current settings (discrete-event engine)";
        if (p.engine() != null && !"des".equals(p.engine())) {
            return mean + "; the verdict above is one run on the " + p.engine() + " engine, so their numbers differ by the engines'"
                    + " difference as well as by seed.";
        }
        return mean + "; the verdict above is the first of them (seed " + p.seed() + ") alone: 503 fraction "
                + Format.percent(p.rejected503Fraction()) + " there, " + Format.percent(now.rejected503Fraction()) + " as the mean.";
    }

    private static void row(StringBuilder out, String label, Alternative a) {
        Evaluation e = a.evaluation();
        out.append("<tr><td class=\"num\">").append(label)
                .append("</td><td>").append(Html.escape(a.changes()))
                .append("</td><td>").append(Page.mark(e.meetsSlo())).append(' ').append(e.runsMeetingSlo()).append('/').append(e.runs())
                .append("</td><td class=\"num\">").append(Format.percent(e.rejected503Fraction()))
                .append("</td><td class=\"num\">").append(Format.millis(e.p99LatencyMs()))
                .append("</td><td class=\"num\">").append(Format.fixed(e.replicaHours(), 2))
                .append("</td><td class=\"num\">").append(a.costDelta() == null ? "—" : (a.costDelta() >= 0 ? "+" : "")
                        + Format.fixed(a.costDelta(), 2))
                .append("</td><td>").append(Html.escape(a.reason())).append("</td></tr>\n");
    }
}
