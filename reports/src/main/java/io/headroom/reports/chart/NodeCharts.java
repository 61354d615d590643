package io.headroom.reports.chart;

import io.headroom.planner.time.Clock;
import io.headroom.planner.timeline.PoolNodes;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Nodes over time, per node pool: Ready nodes solid, Ready plus requested (coming) nodes dashed, as
 * step lines from the pool's recorded changes ({@link PoolNodes#nodes}).
 */
public final class NodeCharts {
    /** Okabe–Ito colours, one per pool in order (they repeat after seven pools). */
    private static final int[] COLOURS = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000};

    private NodeCharts() {
    }

    /** The chart of {@code pools} over {@code durationSeconds}, times read with {@code clock}. */
    public static JFreeChart nodes(List<PoolNodes> pools, int durationSeconds, Clock clock) {
        DefaultXYDataset data = new DefaultXYDataset();
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setDefaultShapesVisible(false);
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
        int series = 0;
        for (int i = 0; i < pools.size(); i++) {
            PoolNodes pool = pools.get(i);
            Color colour = new Color(COLOURS[i % COLOURS.length]);
            data.addSeries(pool.pool() + " ready", steps(pool, durationSeconds, false));
            renderer.setSeriesPaint(series, colour);
            renderer.setSeriesStroke(series++, Palette.PREDICTED);
            if (pool.nodes().stream().anyMatch(s -> s.provisioning() > 0)) {
                data.addSeries(pool.pool() + " ready + coming", steps(pool, durationSeconds, true));
                renderer.setSeriesPaint(series, colour);
                renderer.setSeriesStroke(series++, Palette.OBSERVED);
            }
        }
        XYPlot plot = ChartStyle.plot(ChartStyle.timeAxis(durationSeconds, clock), ChartStyle.countAxis("nodes"));
        plot.setDataset(data);
        plot.setRenderer(renderer);
        return ChartStyle.chart("Nodes per pool (predicted)", "dashed: Ready nodes plus nodes requested and not Ready yet", plot);
    }

    /** The pool's steps as x/y points, held to the end of the run. */
    static double[][] steps(PoolNodes pool, int durationSeconds, boolean withComing) {
        List<PoolNodes.Step> steps = pool.nodes();
        double[][] xy = new double[2][steps.size() + 1];
        for (int i = 0; i < steps.size(); i++) {
            xy[0][i] = steps.get(i).second();
            xy[1][i] = steps.get(i).ready() + (withComing ? steps.get(i).provisioning() : 0);
        }
        xy[0][steps.size()] = Math.max(durationSeconds, steps.isEmpty() ? 0 : steps.get(steps.size() - 1).second());
        xy[1][steps.size()] = steps.isEmpty() ? 0 : xy[1][steps.size() - 1];
        return xy;
    }
}
