package io.headroom.reports;

import io.headroom.planner.scenario.Scenario;
import io.headroom.planner.time.Durations;
import io.headroom.planner.timeline.Summary;
import io.headroom.planner.timeline.TimelineRow;
import io.headroom.planner.timeline.Window;
import io.headroom.planner.timeline.PoolNodes;
import io.headroom.reports.chart.ChartPng;
import io.headroom.reports.chart.NodeCharts;
import io.headroom.reports.chart.TimelineCharts;
import java.util.List;

/** Draws the report's charts for one input, each with an alt text that states what it shows. */
final class ReportCharts {
    private ReportCharts() {
    }

    static List<RenderedChart> render(ReportInput in) {
        Scenario sc = in.scenario();
        Summary p = in.predicted().summary();
        List<TimelineRow> rows = in.predicted().timeline();
        List<TimelineRow> observed = in.observed().map(ObservedRun::timeline).orElse(List.of());
        TimelineCharts charts = new TimelineCharts(rows, observed, sc.service().concurrency(),
                Durations.seconds(sc.service().serviceTime().mean()), sc.traffic().seconds(), in.clock(), in.bands());
        String span = "over " + Format.clock(sc.traffic().seconds());
        String downsampled = charts.buckets().downsampled()
                ? " Long run: each point is the maximum over " + charts.buckets().bucketSeconds() + " s." : "";
        String notes = (observed.isEmpty() ? "" : " Dashed lines are the observed run.") + downsampled;
        long peakArrivals = rows.stream().mapToLong(TimelineRow::arrivals).max().orElse(0);
        List<Window> windows = p.windows();
        String windowText = windows.isEmpty() ? "no seconds with 503s"
                : windows.size() + (windows.size() == 1 ? " window" : " windows") + " with 503s shaded, the first from "
                        + in.clock().at(windows.get(0).startSecond()) + " to " + in.clock().at(windows.get(0).endSecond());
        List<RenderedChart> out = new java.util.ArrayList<>(List.of(
                new RenderedChart("traffic-capacity",
                        "Line chart of offered requests per second against the requests per second the ready replicas can serve, "
                                + span + "; peak " + peakArrivals + " requests in one second; " + windowText + "." + notes,
                        "Offered load (arrivals per second) against ready capacity (ready replicas × concurrency / mean service time). "
                                + "Shaded: seconds in which requests were sent that got 503." + notes,
                        ChartPng.render(charts.trafficAndCapacity())),
                new RenderedChart("replicas",
                        "Step chart of ready, starting and desired replicas " + span + "; peak "
                                + (p.peakReadyReplicas() == null ? "unknown" : p.peakReadyReplicas()) + " ready.",
                        "Replicas over time: desired is the autoscaler's setting; starting replicas are not ready yet."
                                + downsampled,
                        ChartPng.render(charts.replicas())),
                new RenderedChart("latency",
                        "Line chart of per-second p50 and p99 latency in milliseconds " + span + "; overall p99 "
                                + Format.millis(p.latencyMs().p99()) + "." + notes,
                        "Latency of the requests a replica served, by the second they were sent." + notes,
                        ChartPng.render(charts.latency())),
                new RenderedChart("outcomes",
                        "Stacked area chart of requests per second by outcome (503, 504, 502, ok) " + span + "; "
                                + p.rejected503() + " got 503, " + p.timeout504() + " got 504, " + p.error502() + " got 502."
                                + notes,
                        "Outcomes per second, counted in the second the request was sent." + notes,
                        ChartPng.render(charts.outcomes()))));
        if (!p.nodePools().isEmpty()) {
            StringBuilder alt = new StringBuilder("Step chart of Ready nodes per node pool " + span);
            for (PoolNodes pool : p.nodePools()) {
                alt.append("; ").append(pool.pool()).append(": peak ").append(pool.peakNodes()).append(" nodes, ")
                        .append(Format.fixed(pool.nodeHours(), 2)).append(" node-hours")
                        .append(pool.cost() == null ? "" : ", cost " + Format.fixed(pool.cost(), 2));
            }
            out.add(new RenderedChart("nodes", alt + ".",
                    "Nodes per pool: Ready nodes solid; dashed adds the nodes the cluster autoscaler has requested that are not"
                            + " Ready yet. Nodes are billed from their request to their removal.",
                    ChartPng.render(NodeCharts.nodes(p.nodePools(), sc.traffic().seconds(), in.clock()))));
        }
        return List.copyOf(out);
    }
}
