package io.headroom.reports.chart;

import io.headroom.planner.sim.SeedBands;
import io.headroom.planner.time.Clock;
import io.headroom.planner.timeline.ReplicaSample;
import io.headroom.planner.timeline.TimelineRow;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;

/**
 * The report's four timeline charts, built from a predicted timeline and, when there is one, an
 * observed one (drawn dashed over the predicted series).
 *
 * @param predicted the simulated timeline
 * @param observed the load test's timeline; empty when there is none
 * @param concurrency requests one replica serves at once
 * @param meanServiceSeconds mean service time, for capacity = ready × concurrency / mean service time
 * @param durationSeconds length of the time axis
 * @param clock how the time axis reads (the scenario's {@code traffic.start}, else elapsed time)
 * @param bands the p5–p95 over seeds, drawn behind the ready, capacity and p99 lines; empty for one run
 */
public record TimelineCharts(List<TimelineRow> predicted, List<TimelineRow> observed, int concurrency,
        double meanServiceSeconds, int durationSeconds, Clock clock, Optional<SeedBands> bands) {
    public TimelineCharts {
        java.util.Objects.requireNonNull(bands, "bands");
        predicted = List.copyOf(predicted);
        observed = List.copyOf(observed);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
        }
    }

    /** How the series are downsampled: one bucket size for every chart, from the longer timeline. */
    public Buckets buckets() {
        int seconds = Math.max(durationSeconds, Math.max(predicted.size(), observed.size()));
        return Buckets.forSeconds(seconds);
    }

    /** The note under a chart title that says points are bucket maxima, or "" when each second is drawn. */
    public String downsampleNote() {
        Buckets b = buckets();
        return b.downsampled()
                ? String.format(Locale.ROOT, "each point is the maximum over %d s (%d s run drawn as at most %d points)",
                        b.bucketSeconds(), Math.max(durationSeconds, predicted.size()), Buckets.MAX_POINTS)
                : "";
    }

    /** Offered requests per second against the requests per second the ready replicas can serve; 503 seconds shaded. */
    public JFreeChart trafficAndCapacity() {
        Buckets b = buckets();
        Lines capacity = new Lines().add(Palette.CAPACITY, false, b.max(predicted, this::capacity));
        if (observed.stream().anyMatch(r -> r.replicas() != null)) {
            capacity.add(Palette.CAPACITY, true, b.max(observed, this::capacity));
        }
        Lines offered = new Lines().add(Palette.ARRIVALS, false, b.max(predicted, r -> r.arrivals()));
        if (!observed.isEmpty()) {
            offered.add(Palette.ARRIVALS, true, b.max(observed, r -> r.arrivals()));
        }
        XYPlot plot = ChartStyle.plot(ChartStyle.timeAxis(durationSeconds, clock), ChartStyle.valueAxis("requests per second"));
        // drawn in index order (FORWARD): the band first, under the lines; capacity over offered load
        List<LegendItem> extra = new ArrayList<>();
        bands.ifPresent(band -> extra.add(SeedBand.add(plot, 0, bandLabel("ready capacity", band), Palette.CAPACITY,
                b.max(scaled(band.readyReplicas().p5(), concurrency / meanServiceSeconds)),
                b.max(scaled(band.readyReplicas().p95(), concurrency / meanServiceSeconds)))));
        int first = bands.isPresent() ? 1 : 0;
        plot.setRenderer(first, offered.renderer(false));
        plot.setDataset(first, offered.dataset());
        plot.setRenderer(first + 1, capacity.renderer(true));
        plot.setDataset(first + 1, capacity.dataset());
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        Color shade = Palette.REJECTED_503.translucent(ChartStyle.SHADE_ALPHA);
        ChartStyle.shade(plot, b.runs(predicted, r -> r.rejected503() > 0), shade, null, null);
        extra.add(ChartStyle.swatch("seconds with 503s", shade, null, null));
        if (!observed.isEmpty()) {
            Color clear = new Color(0, 0, 0, 0);
            ChartStyle.shade(plot, b.runs(observed, r -> r.rejected503() > 0), clear, Palette.OBSERVED, Palette.REJECTED_503.color());
            extra.add(ChartStyle.swatch("observed seconds with 503s (dashed edges)", clear, Palette.OBSERVED,
                    Palette.REJECTED_503.color()));
        }
        ChartStyle.legendWith(plot, extra.toArray(new LegendItem[0]));
        String note = String.format(Locale.ROOT, "capacity = ready replicas × %d concurrent / %s s mean service time",
                concurrency, trim(meanServiceSeconds));
        return ChartStyle.chart("Offered load and ready capacity", join(note, downsampleNote()), plot);
    }

    /** Ready, starting and desired replicas (and pending ones, when any), as step lines. */
    public JFreeChart replicas() {
        Buckets b = buckets();
        Lines lines = new Lines()
                .add(Palette.READY, false, b.max(predicted, replica(ReplicaSample::ready)))
                .add(Palette.STARTING, false, b.max(predicted, replica(ReplicaSample::starting)))
                .add(Palette.DESIRED, false, b.max(predicted, replica(ReplicaSample::desired)));
        if (predicted.stream().anyMatch(r -> r.replicas() != null && r.replicas().pending() > 0)) {
            lines.add(Palette.PENDING, false, b.max(predicted, replica(ReplicaSample::pending)));
        }
        XYPlot plot = ChartStyle.plot(ChartStyle.timeAxis(durationSeconds, clock), ChartStyle.countAxis("replicas"));
        plot.setDataset(lines.dataset());
        plot.setRenderer(lines.renderer(true));
        bands.ifPresent(band -> ChartStyle.legendWith(plot, SeedBand.add(plot, 1, bandLabel("ready", band), Palette.READY,
                b.max(band.readyReplicas().p5()), b.max(band.readyReplicas().p95()))));
        return ChartStyle.chart("Replicas (predicted)", downsampleNote(), plot);
    }

    /** Per-second p50 and p99 latency of the requests a replica served. */
    public JFreeChart latency() {
        Buckets b = buckets();
        Lines lines = new Lines()
                .add(Palette.LATENCY_P50, false, b.max(predicted, TimelineRow::latencyP50Ms))
                .add(Palette.LATENCY_P99, false, b.max(predicted, TimelineRow::latencyP99Ms));
        if (!observed.isEmpty()) {
            lines.add(Palette.LATENCY_P50, true, b.max(observed, TimelineRow::latencyP50Ms))
                    .add(Palette.LATENCY_P99, true, b.max(observed, TimelineRow::latencyP99Ms));
        }
        XYPlot plot = ChartStyle.plot(ChartStyle.timeAxis(durationSeconds, clock), ChartStyle.valueAxis("latency (ms)"));
        plot.setDataset(lines.dataset());
        plot.setRenderer(lines.renderer(false));
        bands.ifPresent(band -> ChartStyle.legendWith(plot, SeedBand.add(plot, 1, bandLabel("p99", band), Palette.LATENCY_P99,
                b.max(band.latencyP99Ms().p5()), b.max(band.latencyP99Ms().p95()))));
        return ChartStyle.chart("Latency of served requests (ok, 504, 502), per second of sending",
                join("gaps: seconds with no served request", downsampleNote()), plot);
    }

    /** Requests sent each second, stacked by outcome (503 at the bottom, ok on top); observed band tops dashed. */
    public JFreeChart outcomes() {
        Buckets b = buckets();
        List<ToDoubleFunction<TimelineRow>> values = List.of(r -> r.rejected503(), r -> r.timeout504(), r -> r.error502(), r -> r.ok());
        List<Palette> series = List.of(Palette.REJECTED_503, Palette.TIMEOUT_504, Palette.ERROR_502, Palette.OK);
        List<String> keys = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        double[] x = b.max(predicted, r -> 0)[0];
        for (int i = 0; i < series.size(); i++) {
            keys.add(series.get(i).label());
            ys.add(b.max(predicted, values.get(i))[1]);
        }
        StackedXYAreaRenderer2 area = new StackedXYAreaRenderer2();
        area.setLegendArea(new java.awt.Rectangle(-6, -5, 12, 10));
        for (int i = 0; i < series.size(); i++) {
            area.setSeriesPaint(i, series.get(i).color());
        }
        XYPlot plot = ChartStyle.plot(ChartStyle.timeAxis(durationSeconds, clock), ChartStyle.valueAxis("requests sent per second"));
        plot.setRenderer(0, area);
        plot.setDataset(0, new StackedTable(x, keys, ys));
        String note = "stacked: 503, 504, 502, ok";
        if (!observed.isEmpty()) {
            Lines tops = new Lines();
            double[][] running = null;
            for (int i = 0; i < series.size(); i++) {
                double[][] xy = b.max(observed, values.get(i));
                if (running == null) {
                    running = xy;
                } else {
                    for (int k = 0; k < xy[1].length; k++) {
                        running[1][k] += xy[1][k];
                    }
                }
                tops.add(series.get(i), true, new double[][] {running[0].clone(), running[1].clone()});
            }
            plot.setRenderer(1, tops.renderer(false));
            plot.setDataset(1, tops.dataset());
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
            note = note + "; dashed: the top of each observed band, stacked the same way";
        }
        return ChartStyle.chart("Outcomes by the second the request was sent", join(note, downsampleNote()), plot);
    }

    private static String bandLabel(String series, SeedBands band) {
        return series + " p5–p95 over " + band.spread().seeds().size() + " seeds";
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private double capacity(TimelineRow r) {
        ReplicaSample s = r.replicas();
        if (s == null || !(meanServiceSeconds > 0)) {
            return Double.NaN;
        }
        return s.ready() * (double) concurrency / meanServiceSeconds;
    }

    private static ToDoubleFunction<TimelineRow> replica(ToDoubleFunction<ReplicaSample> field) {
        return r -> r.replicas() == null ? Double.NaN : field.applyAsDouble(r.replicas());
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + " · " + b;
    }

    private static String trim(double value) {
        return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
