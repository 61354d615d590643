package io.headroom.reports;

import io.headroom.planner.timeline.LatencyWindow;
import io.headroom.planner.timeline.Window;
import java.util.List;

/** The predicted 503 windows: when, how long, how many rejected, why, and what would have prevented each. */
final class WindowsSection {
    private WindowsSection() {
    }

    static void append(StringBuilder out, ReportInput in) {
        List<Window> windows = in.predicted().summary().windows();
        Page.section(out, "windows", "503 windows (predicted)");
        if (windows.isEmpty()) {
            out.append("<p>No 503 windows: no request was rejected.</p>\n");
            Page.endSection(out);
            return;
        }
        out.append("<table class=\"windows\">\n<thead><tr><th class=\"num\">#</th><th class=\"num\">Start</th>")
                .append("<th class=\"num\">End</th><th class=\"num\">Length</th><th class=\"num\">Rejected</th>")
                .append("<th class=\"num\">Peak rate</th><th>Cause</th><th>What would have prevented it</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (Window w : windows) {
            n++;
            String fix = in.recommendations().getOrDefault(w, Prevention.of(w, in.scenario()));
            out.append("<tr><td class=\"num\">").append(n)
                    .append("</td><td class=\"num\">").append(in.clock().at(w.startSecond()))
                    .append("</td><td class=\"num\">").append(in.clock().at(w.endSecond()))
                    .append("</td><td class=\"num\">").append(w.seconds()).append(" s")
                    .append("</td><td class=\"num\">").append(Format.count(w.rejected()))
                    .append("</td><td class=\"num\">").append(Format.count(w.peakArrivalsPerSecond())).append(" /s")
                    .append("</td><td>").append(Html.escape(w.cause() == null ? "unknown" : w.cause().label()))
                    .append("</td><td>").append(Html.escape(fix)).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        out.append("<p class=\"sub\">End is exclusive; peak rate is the most requests sent in one second of the window.</p>\n");
        Page.endSection(out);
    }

    /** A knative run's latency windows (its activator holds requests: users see latency, not 503); nothing when it has none. */
    static void appendLatency(StringBuilder out, ReportInput in) {
        List<LatencyWindow> windows = in.predicted().summary().latencyWindows();
        if (windows.isEmpty()) {
            return;
        }
        Page.section(out, "latency-windows", "Latency windows (predicted)");
        out.append("<table class=\"windows\">\n<thead><tr><th class=\"num\">#</th><th class=\"num\">Start</th>")
                .append("<th class=\"num\">End</th><th class=\"num\">Length</th><th class=\"num\">Requests</th>")
                .append("<th class=\"num\">Peak p99</th><th>Cause</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (LatencyWindow w : windows) {
            n++;
            out.append("<tr><td class=\"num\">").append(n)
                    .append("</td><td class=\"num\">").append(in.clock().at(w.startSecond()))
                    .append("</td><td class=\"num\">").append(in.clock().at(w.endSecond()))
                    .append("</td><td class=\"num\">").append(w.seconds()).append(" s")
                    .append("</td><td class=\"num\">").append(Format.count(w.requests()))
                    .append("</td><td class=\"num\">").append(Html.escape(Format.significant(w.peakP99Ms() / 1000))).append(" s")
                    .append("</td><td>").append(Html.escape(w.cause() == null ? "unknown" : w.cause().label())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        out.append("<p class=\"sub\">Seconds whose latency p99 is over the objective while the replica side explains it: cold start"
                + " (no replica ready), panic too late (replicas asked for still starting), max scale (capped at maxReplicas).</p>\n");
        Page.endSection(out);
    }
}
