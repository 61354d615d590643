package io.headroom.reports.chart;

import java.awt.BasicStroke;
import org.jfree.chart.LegendItem;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A p5–p95 band over seeds drawn behind a chart's lines: a translucent fill in the colour of the
 * series it spreads, with no edge. Seconds without a value are gaps.
 */
final class SeedBand {
    private static final int ALPHA = 60;

    private SeedBand() {
    }

    /**
     * Adds the band between {@code low} and {@code high} (each {@code {x[], y[]}} on the same x) as
     * dataset {@code index} of {@code plot}; returns its legend swatch, named {@code label}, for
     * {@link ChartStyle#legendWith}.
     */
    static LegendItem add(XYPlot plot, int index, String label, Palette colour, double[][] low, double[][] high) {
        YIntervalSeries series = new YIntervalSeries(label, false, true);
        for (int i = 0; i < low[0].length; i++) {
            double lo = low[1][i];
            double hi = high[1][i];
            if (Double.isNaN(lo) || Double.isNaN(hi)) {
                series.add(low[0][i], Double.NaN, Double.NaN, Double.NaN);
            } else {
                series.add(low[0][i], (lo + hi) / 2, lo, hi);
            }
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, colour.translucent(0));
        renderer.setSeriesFillPaint(0, colour.translucent(ALPHA));
        renderer.setSeriesStroke(0, new BasicStroke(0f));
        renderer.setAlpha(1f);
        renderer.setSeriesVisibleInLegend(0, false);
        plot.setDataset(index, dataset);
        plot.setRenderer(index, renderer);
        return ChartStyle.swatch(label, colour.translucent(ALPHA), null, null);
    }
}
